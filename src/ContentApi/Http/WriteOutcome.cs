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

    /// <summary>If-Match named another version; carries the current row so the 412 can send its ETag.</summary>
    public sealed record Stale(TRow Current) : WriteOutcome<TRow>;

    public sealed record Conflict(string Detail, IDictionary<string, object?>? Extensions = null) : WriteOutcome<TRow>;

    /// <summary>A field names something that does not exist (such as an unknown author id).</summary>
    public sealed record Invalid(IDictionary<string, string[]> Errors) : WriteOutcome<TRow>;
}
