using System.Net;
using ContentApi.IntegrationTests.Operations;
using ContentApi.TestSupport;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace ContentApi.IntegrationTests.Search;

/// <summary>
/// A damaged full-text index (FTS5 finds a segment it cannot read) is the operator's to repair with <c>reindex
/// --clear</c>: the API says so in a 503 and the log, and <c>reindex</c> without <c>--clear</c> says so in one line.
/// </summary>
public sealed class DamagedSearchIndexTests : IDisposable
{
    private readonly LoggedApiFactory _api = new();

    [Fact]
    public async Task A_search_on_a_damaged_index_is_a_503_naming_the_repair_and_an_error_in_the_log()
    {
        await SeedAndDamageAsync(_api.DatabasePath);

        var response = await _api.Anonymous().GetAsync("/api/v1/search?q=Kubernetes");

        var problem = await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        var detail = problem["detail"]!.GetValue<string>();
        Assert.Contains("search index is damaged", detail, StringComparison.Ordinal);
        Assert.Contains("`reindex --clear`", detail, StringComparison.Ordinal);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("fts5", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("SQLite", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("blob", body, StringComparison.OrdinalIgnoreCase);
        // Waiting does not repair it.
        Assert.False(response.Headers.Contains("Retry-After"));
        Assert.Contains(_api.Logs, e => e.Level == LogLevel.Error && e.Message.Contains("search index is damaged", StringComparison.Ordinal)
            && e.Message.Contains("reindex --clear", StringComparison.Ordinal) && e.Exception is SqliteException);

        // The repair it names works.
        var (repaired, output) = await CommandRunner.RunAsync(_api.DatabasePath, "reindex", "--clear");
        Assert.True(repaired == 0, output);
        var found = await (await _api.Anonymous().GetAsync("/api/v1/search?q=Kubernetes")).AssertJsonAsync();
        Assert.NotEmpty(found["items"]!.AsArray());
    }

    [Fact]
    public async Task Reindex_in_place_on_a_damaged_index_says_in_one_line_to_run_reindex_clear()
    {
        await SeedAndDamageAsync(_api.DatabasePath);

        // As the operator runs it: its own process, its own standard error.
        var (exitCode, _, error) = await AppProcess.RunAsync(_api.DatabasePath, ["reindex"]);

        Assert.Equal(1, exitCode);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Contains("search index is damaged", line, StringComparison.Ordinal);
        Assert.Contains("`reindex --clear`", line, StringComparison.Ordinal);
        Assert.DoesNotContain("SQLite", line, StringComparison.Ordinal);
    }

    /// <summary>
    /// Demo content, then what the operator's report did to the index, and more: every data row past the tenth gone
    /// (every third, as the report had it, missed the pages a search reads once the analysis changed).
    /// </summary>
    private static async Task SeedAndDamageAsync(string database)
    {
        var (seeded, output) = await CommandRunner.RunAsync(database, "seed", "--articles", "300");
        Assert.True(seeded == 0, output);
        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        Assert.True(await connection.ExecuteAsync("DELETE FROM articles_fts_data WHERE rowid > 10") > 0);
    }

    public void Dispose() => _api.Dispose();
}
