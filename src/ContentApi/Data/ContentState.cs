namespace ContentApi.Data;

/// <summary>
/// What cached responses are valid for: the content version, a local epoch that advances when a scheduled
/// article goes live (time, not a write, changed what readers see) and when that next happens; and when this
/// instance learned it (writes that made it may have published articles up to then).
/// </summary>
public sealed record ContentState(long Version, long Epoch, DateTimeOffset? NextChangeAt, DateTimeOffset LearnedAt)
{
    public bool IsCurrentAt(DateTimeOffset now) => NextChangeAt is not { } next || now < next;
}

internal sealed record ContentVersionRow
{
    public long Version { get; init; }
    public string? NextChangeAt { get; init; }

    /// <summary>Returned by <see cref="SqliteDialect.BumpContentVersion"/> only.</summary>
    public int? SchemaVersion { get; init; }
}
