using System.Net;
using System.Text.RegularExpressions;
using ContentApi.Cli;
using ContentApi.Data;
using ContentApi.TestSupport;
using ContentApi.Transfer;
using Microsoft.Extensions.DependencyInjection;

namespace ContentApi.IntegrationTests.Operations;

/// <summary>
/// Hunt: an export's created_at or updated_at of year 0001 was imported and stored, where the API takes times only
/// between the years 1900 and 9999 in UTC. Every timestamp of every file is held to that range at its line.
/// </summary>
public sealed class ImportedTimestampRangeTests
{
    [Theory]
    [InlineData("articles.jsonl", "created_at", "0001-01-01T00:00:00.000000Z")]
    [InlineData("articles.jsonl", "updated_at", "1899-12-31T23:59:59.999999Z")]
    [InlineData("articles.jsonl", "published_at", "0001-01-01T00:00:00.000000Z")]
    [InlineData("authors.jsonl", "created_at", "0001-01-01T00:00:00.000000Z")]
    [InlineData("tags.jsonl", "updated_at", "1000-06-01T08:00:00.000000Z")]
    [InlineData("images.jsonl", "created_at", "0001-01-01T00:00:00.000000Z")]
    public async Task Import_refuses_a_timestamp_outside_the_years_the_api_takes_at_its_line(string file, string column, string time)
    {
        var folder = await ExportOneArticleAsync();
        Tamper(folder, file, column, time);

        await using var app = await CommandHost.StartMigratedAsync(CancellationToken.None, CommandRunner.UsingDatabase(Path.Combine(CommandRunner.TempDirectory(), "imported.db")));
        var importer = new JsonlImporter(app.Services.GetRequiredService<Db>(), app.Services.GetRequiredService<TimeProvider>());

        var refusal = await Assert.ThrowsAsync<InvalidDataException>(() => importer.ImportAsync(folder, null, CancellationToken.None));

        Assert.Equal($"{Path.Combine(folder, file)}:1: '{column}' must be a time between the years 1900 and 9999 in UTC, as the API takes, not \"{time}\".", refusal.Message);
    }

    [Fact]
    public async Task Import_refuses_a_manifest_restored_at_outside_the_years_the_api_takes()
    {
        var folder = await ExportOneArticleAsync();
        var manifest = Path.Combine(folder, ExportFormat.ManifestFile);
        var read = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(manifest))!;
        read["RestoredAt"] = "0001-01-01T00:00:00.000000Z";
        File.WriteAllText(manifest, read.ToJsonString());
        await using var app = await CommandHost.StartMigratedAsync(CancellationToken.None, CommandRunner.UsingDatabase(Path.Combine(CommandRunner.TempDirectory(), "imported.db")));
        var importer = new JsonlImporter(app.Services.GetRequiredService<Db>(), app.Services.GetRequiredService<TimeProvider>());

        var refusal = await Assert.ThrowsAsync<InvalidDataException>(() => importer.ImportAsync(folder, null, CancellationToken.None));

        Assert.StartsWith("The manifest's RestoredAt is 0001-01-01T00:00:00.000000Z; expected a timestamp", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_keeps_the_first_and_last_times_the_api_takes_and_the_api_serves_them()
    {
        var folder = await ExportOneArticleAsync();
        Tamper(folder, "articles.jsonl", "published_at", "1900-01-01T00:00:00.000000Z");
        Tamper(folder, "articles.jsonl", "created_at", "1900-01-01T00:00:00.000000Z");
        Tamper(folder, "articles.jsonl", "updated_at", "9999-12-31T23:59:59.999999Z");
        var imported = Path.Combine(CommandRunner.TempDirectory(), "imported.db");

        var (exitCode, output) = await CommandRunner.RunAsync(imported, "import", folder);

        Assert.True(exitCode == 0, output);
        using var app = new OnDatabaseFile(imported);
        var list = await app.Anonymous().GetAsync("/api/v1/articles");
        var article = (await list.AssertJsonAsync())["items"]![0]!;
        Assert.Equal("1900-01-01T00:00:00.000000Z", article["publishedAt"]!.GetValue<string>());
        Assert.Equal("1900-01-01T00:00:00.000000Z", article["createdAt"]!.GetValue<string>());
        Assert.Equal("9999-12-31T23:59:59.999999Z", article["updatedAt"]!.GetValue<string>());
        var one = await app.Anonymous().GetAsync($"/api/v1/articles/{article["id"]}");
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        Assert.Equal("9999-12-31T23:59:59.999999Z", (await one.AssertJsonAsync())["updatedAt"]!.GetValue<string>());
    }

    /// <summary>An export of a new database holding one published article, with its author, a tag and a cover image.</summary>
    private static async Task<string> ExportOneArticleAsync()
    {
        using var app = new ApiFactory();
        var content = new TestContent(app.Writer());
        await content.ArticleAsync(new() { ["tagIds"] = new[] { await content.TagAsync() }, ["coverImageId"] = await content.ImageAsync() });
        var folder = CommandRunner.TempDirectory();
        var (exitCode, output) = await CommandRunner.RunAsync(app.DatabasePath, "export", folder);
        Assert.True(exitCode == 0, output);
        return folder;
    }

    private static void Tamper(string folder, string file, string column, string time)
    {
        var path = Path.Combine(folder, file);
        var text = File.ReadAllText(path);
        var tampered = Regex.Replace(text, $"\"{column}\":\"[^\"]*\"", $"\"{column}\":\"{time}\"");
        Assert.NotEqual(text, tampered);
        File.WriteAllText(path, tampered);
    }
}
