using ContentApi.Data;
using ContentApi.Search;

namespace ContentApi.Cli;

/// <summary>
/// What <c>migrate</c> and <c>restore</c> say when the search index is not this build's, in the words the server logs as
/// it starts: they said nothing, and the operator learnt it only from that log or a Degraded /health/ready.
/// </summary>
internal static class ReindexAdvice
{
    /// <summary>The line to print; null when the index is this build's (recorded so while no article is indexed, as a server does).</summary>
    public static async Task<string?> LineAsync(Db db, CancellationToken cancellationToken)
    {
        var (isCurrent, indexed) = await SearchAnalysis.EnsureCurrentWhileEmptyAsync(db, cancellationToken);
        return isCurrent ? null
            : indexed == SearchAnalysis.UnfinishedRebuild ? "A `reindex --clear` has not finished: searches miss the articles it has not reached (if it stopped, run `reindex`)."
            : $"The search index was built by another analysis ({indexed ?? "before it was recorded"}) than this build's ({SearchAnalysis.Current}): searches can miss articles until `reindex` runs, which also derives the articles' excerpts and counts anew under this build's rules.";
    }
}
