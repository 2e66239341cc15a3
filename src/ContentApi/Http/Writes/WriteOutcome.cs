namespace ContentApi.Http.Writes;

/// <summary>A write's result that tells whether it changed anything; one that did not is rolled back (see Db.WriteAsync).</summary>
public interface IWriteResult
{
    bool Changed { get; }

    /// <summary>The id of the resource the write saved, if it saved one.</summary>
    long? SavedId => null;
}

/// <summary>What a store's write came to. Expected failures are values, not exceptions.</summary>
public abstract record WriteOutcome<TRow> : IWriteResult
{
    private WriteOutcome() { }

    public bool Changed => this is Saved { Restated: false } or Deleted;

    public long? SavedId => this is Saved { Row: IVersioned saved } ? saved.Id : null;

    /// <param name="Restated">The write restated the resource as stored (<see cref="Restatement"/>): answered as saved, nothing written.</param>
    public sealed record Saved(TRow Row, bool Restated = false) : WriteOutcome<TRow>;

    public sealed record Deleted : WriteOutcome<TRow>;

    public sealed record Missing : WriteOutcome<TRow>;

    /// <summary>The server requires If-Match on updates and deletes (`Writes:RequireIfMatch`), and none was sent.</summary>
    public sealed record IfMatchRequired : WriteOutcome<TRow>;

    /// <summary>A precondition refused the write; carries the current row so the 412 can send its ETag.</summary>
    public abstract record PreconditionFailed(TRow Current) : WriteOutcome<TRow>;

    /// <summary>
    /// If-Match named another version: the caller's copy is out of date. Or it named only weak tags
    /// (<paramref name="WeakTagsOnly"/>), which never match a write; or, without If-Match, the resource was modified
    /// after the date in If-Unmodified-Since (<paramref name="ModifiedSinceDate"/>).
    /// </summary>
    /// <param name="ForeignTags">If-Match named no version of this resource at all (another resource's tag, a made-up one, or an earlier build's).</param>
    public sealed record Stale(TRow Current, bool WeakTagsOnly = false, bool ModifiedSinceDate = false, bool ForeignTags = false) : PreconditionFailed(Current);

    /// <summary>If-None-Match named the current version (or was <c>*</c>): the caller asked for no change to it.</summary>
    public sealed record Excluded(TRow Current) : PreconditionFailed(Current);

    public sealed record Conflict(string Code, string Detail, IDictionary<string, object?>? Extensions = null) : WriteOutcome<TRow>;

    /// <summary>A field names something that does not exist (such as an unknown author id).</summary>
    public sealed record Invalid(IDictionary<string, string[]> Errors) : WriteOutcome<TRow>;

}
