namespace ContentApi.Http;

/// <summary>What a store's write came to. Expected failures are values, not exceptions.</summary>
public abstract record WriteOutcome<TRow>
{
    private WriteOutcome() { }

    public sealed record Saved(TRow Row) : WriteOutcome<TRow>;

    public sealed record Deleted : WriteOutcome<TRow>;

    public sealed record Missing : WriteOutcome<TRow>;

    /// <summary>If-Match named another version; carries the current row so the 412 can send its ETag.</summary>
    public sealed record Stale(TRow Current) : WriteOutcome<TRow>;

    public sealed record Conflict(string Detail, IDictionary<string, object?>? Extensions = null) : WriteOutcome<TRow>;

    /// <summary>A field names something that does not exist (such as an unknown author id).</summary>
    public sealed record Invalid(IDictionary<string, string[]> Errors) : WriteOutcome<TRow>;
}
