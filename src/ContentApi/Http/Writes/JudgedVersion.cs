namespace ContentApi.Http.Writes;

/// <summary>
/// The version a PUT's body was judged against when errors about values it restates from that version were not held
/// against it (<see cref="AnswerableErrors"/>), as a request feature: its write is pinned to that version, as a patch's
/// is to the version it merged onto. A write that finds another version (and the caller's own preconditions let it
/// through) marks it <see cref="Overtaken"/> and is refused, and the body is judged again against the newer one
/// (<see cref="Binding.ValidationFilter"/>): the value it restates may no longer be the one stored.
/// </summary>
public sealed class JudgedVersion(long version)
{
    public long Version => version;

    /// <summary>A write found the resource at another version than the one the body was judged against.</summary>
    public bool Overtaken { get; private set; }

    /// <summary>
    /// Whether a write of <paramref name="currentVersion"/> is the write of the version judged (else it is overtaken).
    /// Once overtaken it stays so, also for a write that runs again (one of a group commit rolled back): a write that
    /// stands was never overtaken, and one judged again was never written.
    /// </summary>
    public bool Holds(long currentVersion)
    {
        Overtaken |= currentVersion != version;
        return !Overtaken;
    }
}
