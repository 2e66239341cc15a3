using ContentApi.Search;
using Dapper;
using Microsoft.Data.Sqlite;

namespace ContentApi.IntegrationTests.Operations;

/// <summary>
/// <c>migrate</c>, and <c>restore</c> of an older snapshot, said nothing of <c>reindex</c> when the database's search
/// index was built by another analysis than this build's, which the server's log and a Degraded /health/ready do say
/// (data-lifecycle review): they say it in one line, in the server's words.
/// </summary>
public sealed class ReindexAdviceTests
{
    private const string Older = "older analysis";

    private static readonly string Advice =
        $"The search index was built by another analysis ({Older}) than this build's ({SearchAnalysis.Current}): searches can miss articles until `reindex` runs";

    [Fact]
    public async Task Migrate_of_a_database_indexed_by_another_analysis_says_to_run_reindex()
    {
        var database = await SeededWithOlderAnalysisAsync(Path.Combine(CommandRunner.TempDirectory(), "content.db"));

        var outcome = await AppProcess.RunAsync(database, ["migrate"]);

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.StartsWith(Advice, Assert.Single(outcome.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restore_of_a_snapshot_indexed_by_another_analysis_says_to_run_reindex()
    {
        var folder = CommandRunner.TempDirectory();
        var source = await SeededWithOlderAnalysisAsync(Path.Combine(folder, "source.db"));
        var snapshot = Path.Combine(folder, "snapshot.db");
        Assert.Equal(0, (await CommandRunner.RunAsync(source, "backup", snapshot)).ExitCode);

        var outcome = await AppProcess.RunAsync(Path.Combine(folder, "content.db"), ["restore", snapshot]);

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.StartsWith(Advice, Assert.Single(outcome.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_of_a_database_indexed_by_this_build_says_nothing_of_reindex()
    {
        var database = Path.Combine(CommandRunner.TempDirectory(), "content.db");
        Assert.Equal(0, (await CommandRunner.RunAsync(database, "seed", "--articles", "1")).ExitCode);

        var outcome = await AppProcess.RunAsync(database, ["migrate"]);

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Empty(outcome.ErrorLines);
    }

    private static async Task<string> SeededWithOlderAnalysisAsync(string database)
    {
        Assert.Equal(0, (await CommandRunner.RunAsync(database, "seed", "--articles", "1")).ExitCode);
        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        await connection.OpenAsync();
        await connection.ExecuteAsync("UPDATE search_analysis SET version = @Version WHERE id = 1", new { Version = Older });
        return database;
    }
}
