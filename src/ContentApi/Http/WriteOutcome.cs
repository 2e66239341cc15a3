using System.Diagnostics.CodeAnalysis;

namespace ContentApi.Http;

/// <summary>A write's result that tells whether it changed anything; one that did not is rolled back (see Db.WriteAsync).</summary>
public interface IWriteResult
{
    bool Changed { get; }
}

/// <summary>What a store's write came to. Expected failures are values, not exceptions.</summary>
public abstract record WriteOutcome<TRow> : IWriteResult
{
    private WriteOutcome() { }

    public bool Changed => this is Saved or Deleted;

    public sealed record Saved(TRow Row) : WriteOutcome<TRow>;

    public sealed record Deleted : WriteOutcome<TRow>;

    public sealed record Missing : WriteOutcome<TRow>;

    /// <summary>A precondition refused the write; carries the current row so the 412 can send its ETag.</summary>
    public abstract record PreconditionFailed(TRow Current) : WriteOutcome<TRow>;

    /// <summary>If-Match named another version: the caller's copy is out of date.</summary>
    public sealed record Stale(TRow Current) : PreconditionFailed(Current);

    /// <summary>If-None-Match named the current version (or was <c>*</c>): the caller asked for no change to it.</summary>
    public sealed record Excluded(TRow Current) : PreconditionFailed(Current);

    public sealed record Conflict(string Detail, IDictionary<string, object?>? Extensions = null) : WriteOutcome<TRow>;

    /// <summary>A field names something that does not exist (such as an unknown author id).</summary>
    public sealed record Invalid(IDictionary<string, string[]> Errors) : WriteOutcome<TRow>;

    /// <summary>
    /// Whether an update or delete of <paramref name="current"/> (read in the write's transaction) must be refused:
    /// <see cref="Missing"/> when there is no such row, <see cref="Stale"/> when If-Match names another version (or,
    /// without If-Match, If-Unmodified-Since is before <paramref name="lastModifiedOf"/>, for resources that have one),
    /// <see cref="Excluded"/> when If-None-Match names this one (RFC 9110 §13.2.2's order).
    /// </summary>
    public static bool Refuses(
        [NotNullWhen(false)] TRow? current, WritePreconditions preconditions, Func<TRow, long> versionOf, [NotNullWhen(true)] out WriteOutcome<TRow>? refusal,
        Func<TRow, DateTimeOffset>? lastModifiedOf = null)
    {
        refusal = current is null ? new Missing()
            : !preconditions.Matches(versionOf(current)) || preconditions.ModifiedSince(lastModifiedOf?.Invoke(current)) ? new Stale(current)
            : preconditions.Excludes(versionOf(current)) ? new Excluded(current)
            : null;
        return refusal is not null;
    }
}
