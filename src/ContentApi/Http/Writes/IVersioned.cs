namespace ContentApi.Http.Writes;

/// <summary>
/// A stored resource as writes see it: its id, and what their preconditions compare it by: its version (If-Match,
/// If-None-Match) and, when it has one, its modification date (If-Unmodified-Since).
/// </summary>
public interface IVersioned
{
    long Id { get; }

    long Version { get; }

    /// <summary>Null for resources that send no Last-Modified (their representations change without it); If-Unmodified-Since does not apply to them.</summary>
    DateTimeOffset? ModifiedAt { get; }
}
