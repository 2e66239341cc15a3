using System.Net;
using System.Net.Http.Json;
using ContentApi.Data;
using ContentApi.IntegrationTests.Reading;
using ContentApi.Tags;
using ContentApi.TestSupport;
using Dapper;

namespace ContentApi.IntegrationTests.Operations;

/// <summary>
/// The folded keys that tag-name uniqueness and <c>q</c> compare are stored with the rows: every way rows get in writes
/// them (a migration for rows from before it, an export's import, a Markdown import), and a tag-name lookup is an
/// index seek rather than a read of every tag.
/// </summary>
public sealed class FoldedKeyWriteTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static string Marker() => "zq" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task A_tag_name_lookup_seeks_the_name_key_index()
    {
        await factory.Reader().GetJsonAsync("/api/v1/tags");
        await using var connection = factory.OpenDatabase();

        var plan = await connection.QueryPlanAsync(TagNames.FindSql, new { Key = "ai", Except = (long?)null });

        Assert.Matches(@"^SEARCH (t|tags) USING (COVERING )?INDEX ix_tags_name_key \(name_key=\?", plan);
    }

    [Fact]
    public async Task The_migration_writes_the_keys_of_rows_stored_before_it()
    {
        var m = Marker();
        var writer = factory.Writer();
        var tag = (await writer.PostOkAsync("/api/v1/tags", new { name = $"台北\u200B市 {m}" })).Id();
        var author = (await writer.PostOkAsync("/api/v1/authors", new { name = $"Bundes\u00ADtag {m}" })).Id();
        var image = (await writer.PostOkAsync("/api/v1/images", new { url = $"https://cdn.example.com/{m}.jpg", altText = $"台北\u200B市 {m}", mimeType = "image/jpeg" })).Id();
        await using (var connection = factory.OpenDatabase())
        {
            await connection.ExecuteAsync("""
                UPDATE tags SET name_key = '', search_key = '';
                UPDATE authors SET search_key = '';
                UPDATE images SET search_key = '';
                DELETE FROM schema_migrations WHERE version >= 26;
                """);
        }

        using var migrated = new OnDatabaseFile(factory.DatabasePath);
        await AssertKeyedAsync(migrated.Writer(), m, tag, author, image);
    }

    /// <summary>The look-alike tag name is taken, and <c>q</c> finds each row across its format characters.</summary>
    private static async Task AssertKeyedAsync(HttpClient keyed, string m, long tag, long author, long image)
    {
        var problem = await (await keyed.PostAsJsonAsync("/api/v1/tags", new { name = $"台北市 {m}" })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(tag, problem["conflictingId"]!.GetValue<long>());
        Assert.Equal([tag], (await keyed.GetJsonAsync($"/api/v1/tags?q={Uri.EscapeDataString($"台北市 {m}")}")).ItemIds());
        Assert.Equal([author], (await keyed.GetJsonAsync($"/api/v1/authors?q={Uri.EscapeDataString($"bundestag {m}")}")).ItemIds());
        Assert.Equal([image], (await keyed.GetJsonAsync($"/api/v1/images?q={Uri.EscapeDataString($"台北市 {m}")}")).ItemIds());
    }

    [Fact]
    public async Task An_imported_export_has_the_keys_and_its_files_do_not()
    {
        var m = Marker();
        var writer = factory.Writer();
        var tag = (await writer.PostOkAsync("/api/v1/tags", new { name = $"台北\u200B市 {m}" })).Id();
        var author = (await writer.PostOkAsync("/api/v1/authors", new { name = $"Bundes\u00ADtag {m}" })).Id();
        var image = (await writer.PostOkAsync("/api/v1/images", new { url = $"https://cdn.example.com/{m}.jpg", altText = $"台北\u200B市 {m}", mimeType = "image/jpeg" })).Id();
        var folder = CommandRunner.TempDirectory();
        Assert.Equal(0, (await CommandRunner.RunAsync(factory.DatabasePath, "export", folder)).ExitCode);
        Assert.DoesNotContain("_key", await File.ReadAllTextAsync(Path.Combine(folder, "tags.jsonl")), StringComparison.Ordinal);
        var imported = Path.Combine(CommandRunner.TempDirectory(), "imported.db");
        var (exitCode, output) = await CommandRunner.RunAsync(imported, "import", folder);
        Assert.True(exitCode == 0, output);

        using var importedApp = new OnDatabaseFile(imported);
        await AssertKeyedAsync(importedApp.Writer(), m, tag, author, image);
    }

    /// <summary>A Markdown file's tag named as a stored one but for a format character is that tag; one it creates is keyed.</summary>
    [Fact]
    public async Task A_markdown_import_finds_look_alike_tags_and_keys_the_tags_it_creates()
    {
        var m = Marker();
        var writer = factory.Writer();
        var stored = (await writer.PostOkAsync("/api/v1/tags", new { name = $"台北市 {m}" })).Id();
        var folder = CommandRunner.TempDirectory();
        await File.WriteAllTextAsync(Path.Combine(folder, "a.md"),
            $"---\ntitle: Look-alike {m}\nslug: look-alike-{m}\nauthors: J\ntags: [台北\u200B市 {m}, Bundes\u00ADtag {m}]\n---\n\nText.\n");

        var (exitCode, output) = await CommandRunner.RunAsync(factory.DatabasePath, "import", folder);

        Assert.True(exitCode == 0, output);
        var tags = (await (await factory.Reader().GetAsync($"/api/v1/articles/slug/look-alike-{m}")).AssertJsonAsync())["tags"]!.AsArray().Select(t => t!.Id()).ToList();
        Assert.Equal(2, tags.Count);
        Assert.Equal(stored, tags[0]);
        var problem = await (await writer.PostAsJsonAsync("/api/v1/tags", new { name = $"bundestag {m}" })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(tags[1], problem["conflictingId"]!.GetValue<long>());
        Assert.Equal([tags[1]], (await writer.GetJsonAsync($"/api/v1/tags?q={Uri.EscapeDataString($"bundestag {m}")}")).ItemIds());
    }
}
