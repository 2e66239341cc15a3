using System.Data.Common;
using System.Security.Cryptography;
using ContentApi.Data;
using ContentApi.Http.Writes;
using Dapper;

namespace ContentApi.Search;

/// <summary>
/// The analysis the search index was built with (migration 0010), against this build's: an index built by another
/// analysis misses words the two analyse differently until <c>reindex</c> runs.
/// </summary>
public static class SearchAnalysis
{
    /// <summary>
    /// Raise when <see cref="SearchAnalyzer"/> or <see cref="TextUnits"/> analyse any text differently, or the text they
    /// are given changes, and say in the README's list of analysis revisions what the new one changed (operators read it
    /// there to decide when to run <c>reindex</c>; this comment kept a copy of it that stopped at 31).
    /// </summary>
    private const int AnalyzerRevision = 46;

    /// <summary>This build's analysis: the analyzer's revision and the fold table it uses.</summary>
    public static string Current { get; } = $"{AnalyzerRevision}-{FoldTableHash()}";

    /// <summary>
    /// What the index records while <c>reindex --clear</c> rebuilds it from empty, until the rebuild records
    /// <see cref="Current"/>: a rebuild stopped before its end leaves an index that misses articles, and says so.
    /// </summary>
    public const string UnfinishedRebuild = "unfinished rebuild";

    private const string ReadSql = "SELECT version FROM search_analysis WHERE id = 1";
    private const string RecordSql = "UPDATE search_analysis SET version = @Version WHERE id = 1";
    private const string HasArticlesSql = "SELECT EXISTS (SELECT 1 FROM articles)";

    private sealed record Recorded(bool Changed) : IWriteResult;

    /// <summary>The analysis that built the index; null when it was built before that was recorded.</summary>
    public static async Task<string?> OfIndexAsync(Db db, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<string?>(new CommandDefinition(ReadSql, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Whether the index is this build's, recording that it is while no article is indexed (a new or emptied database:
    /// whatever comes in next is analysed as this build does). Usually one read and no write transaction.
    /// </summary>
    /// <returns>The analysis that built the index, when it is another than this build's.</returns>
    public static async Task<(bool IsCurrent, string? Indexed)> EnsureCurrentWhileEmptyAsync(Db db, CancellationToken cancellationToken)
    {
        var indexed = await OfIndexAsync(db, cancellationToken);
        return (indexed == Current || await RecordAsync(db, onlyWithoutArticles: true, cancellationToken), indexed);
    }

    /// <summary>Records, in the transaction that empties the index, that it misses articles until a rebuild ends.</summary>
    public static Task MarkUnfinishedAsync(DbConnection connection, DbTransaction transaction) =>
        connection.ExecuteAsync(RecordSql, new { Version = UnfinishedRebuild }, transaction);

    /// <summary>Records that the index is this build's: after a full reindex, or while it indexes no article. False when it did not.</summary>
    public static async Task<bool> RecordAsync(Db db, bool onlyWithoutArticles, CancellationToken cancellationToken) =>
        (await db.WriteRetryingBusyAsync(async (connection, transaction) =>
        {
            if (onlyWithoutArticles && await connection.ExecuteScalarAsync<bool>(new CommandDefinition(HasArticlesSql, transaction: transaction, cancellationToken: cancellationToken)))
            {
                return new Recorded(false);
            }
            var rows = await connection.ExecuteAsync(new CommandDefinition(RecordSql, new { Version = Current }, transaction, cancellationToken: cancellationToken));
            return new Recorded(rows > 0);
        }, cancellationToken, changesContent: false)).Changed;

    private static string FoldTableHash()
    {
        using var table = typeof(SearchAnalysis).Assembly.GetManifestResourceStream(HanVariants.ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {HanVariants.ResourceName} is missing.");
        return Convert.ToHexStringLower(SHA256.HashData(table))[..12];
    }
}
