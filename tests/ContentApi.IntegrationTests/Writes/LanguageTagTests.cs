using System.Net;
using ContentApi.TestSupport;
using Dapper;

namespace ContentApi.IntegrationTests.Writes;

/// <summary>Articles take any well-formed BCP 47 tag and keep it in the case the registry writes it.</summary>
public sealed class LanguageTagTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly TestContent _content = new(factory.Writer());

    [Theory]
    [InlineData("yue-Hant-HK")]
    [InlineData("zh-yue")]
    [InlineData("zh-cmn-Hant")]
    [InlineData("ja-JP-u-ca-japanese")]
    [InlineData("en-x-internal")]
    public async Task Extended_languages_extensions_and_private_use_are_taken(string tag)
    {
        var article = await _content.ArticleAsync(new() { ["language"] = tag });

        Assert.Equal(tag, article["language"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_tag_is_stored_and_shown_in_canonical_case_and_found_in_any()
    {
        var article = await _content.ArticleAsync(new() { ["language"] = "ZH-HANT-tw", ["title"] = $"Case {Guid.NewGuid():N}" });
        var id = article["id"]!.GetValue<long>();

        Assert.Equal("zh-Hant-TW", article["language"]!.GetValue<string>());
        await using (var db = factory.OpenDatabase())
        {
            Assert.Equal("zh-Hant-TW", await db.ExecuteScalarAsync<string>("SELECT language FROM articles WHERE id = @id", new { id }));
        }
        var list = await factory.Anonymous().GetAsync($"/api/v1/articles?language=ZH-hant&limit=100&fields=id,language");
        var items = (await list.AssertJsonAsync())["items"]!.AsArray();
        Assert.Contains(items, i => i!["id"]!.GetValue<long>() == id && i["language"]!.GetValue<string>() == "zh-Hant-TW");
    }

    [Fact]
    public async Task A_patch_restating_the_tag_in_another_case_changes_nothing()
    {
        var article = await _content.ArticleAsync(new() { ["language"] = "zh-Hant" });
        var id = article["id"]!.GetValue<long>();

        var response = await factory.Writer().PatchAsync($"/api/v1/articles/{id}",
            HttpAssertions.RawJson("""{"language":"ZH-hant"}""", "application/merge-patch+json"));

        var patched = await response.AssertJsonAsync();
        Assert.Equal(article["version"]!.GetValue<long>(), patched["version"]!.GetValue<long>());
        Assert.Equal("zh-Hant", patched["language"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_tag_stored_in_another_case_before_is_shown_in_canonical_case()
    {
        var article = await _content.ArticleAsync();
        var id = article["id"]!.GetValue<long>();
        await using (var db = factory.OpenDatabase())
        {
            await db.ExecuteAsync("UPDATE articles SET language = 'EN-gb' WHERE id = @id", new { id });
        }

        var read = await (await factory.Writer().GetAsync($"/api/v1/articles/{id}")).AssertJsonAsync();

        Assert.Equal("en-GB", read["language"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("english")]
    [InlineData("x-private")]
    [InlineData("en-a")]
    [InlineData("\u212Ao")] // the Kelvin sign: no ASCII k
    public async Task Names_and_malformed_tags_are_refused(string tag)
    {
        var response = await factory.Writer().PostAsync("/api/v1/articles", HttpAssertions.JsonBody(new
        {
            title = "t", body = "b", language = tag, authorIds = new[] { await _content.AuthorAsync() },
        }));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["language"]);
    }

    /// <summary>A country's code is no language's: jp, gr, ua, vn and cz were taken for ja, el, uk, vi and cs (editor probe).</summary>
    [Theory]
    [InlineData("jp", "'ja'")]
    [InlineData("gr-GR", "'el-GR'")]
    [InlineData("UA", "'uk'")]
    [InlineData("vn", "'vi'")]
    [InlineData("cz-CZ", "'cs-CZ'")]
    [InlineData("xq", "ISO 639-1")]
    public async Task A_two_letter_language_that_is_no_iso_639_1_code_is_refused_naming_the_one_meant(string tag, string named)
    {
        var response = await factory.Writer().PostAsync("/api/v1/articles", HttpAssertions.JsonBody(new
        {
            title = "t", body = "b", language = tag, authorIds = new[] { await _content.AuthorAsync() },
        }));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(named, problem["errors"]!["language"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("iw", "he")]
    [InlineData("IW-il", "he-IL")]
    [InlineData("in-ID", "id-ID")]
    [InlineData("ji", "yi")]
    [InlineData("jw", "jv")]
    [InlineData("mo-MD", "ro-MD")]
    [InlineData("ina", "ina")] // three letters: no ISO 639-1 code, and not in's
    public async Task A_deprecated_language_is_stored_as_the_one_the_registry_prefers(string tag, string stored)
    {
        var article = await _content.ArticleAsync(new() { ["language"] = tag });
        var id = article["id"]!.GetValue<long>();

        Assert.Equal(stored, article["language"]!.GetValue<string>());
        await using var db = factory.OpenDatabase();
        Assert.Equal(stored, await db.ExecuteScalarAsync<string>("SELECT language FROM articles WHERE id = @id", new { id }));
    }

    /// <summary>Stored before as iw: migration 0022 writes it he, so language=he and language=iw both find it.</summary>
    [Fact]
    public async Task An_article_stored_with_a_deprecated_language_before_is_found_by_the_preferred_one()
    {
        using var app = new ApiFactory();
        var id = (await new TestContent(app.Writer()).ArticleAsync(new() { ["language"] = "he-IL" }))["id"]!.GetValue<long>();
        await using (var db = app.OpenDatabase())
        {
            await db.ExecuteAsync("UPDATE articles SET language = 'iw-IL' WHERE id = @id; DELETE FROM schema_migrations WHERE version >= 22;", new { id });
        }

        using var migrated = new OnDatabaseFile(app.DatabasePath);
        foreach (var filter in new[] { "he", "iw", "IW-il" })
        {
            var items = (await (await migrated.Reader().GetAsync($"/api/v1/articles?language={filter}&fields=id,language")).AssertJsonAsync())["items"]!.AsArray();
            Assert.Equal("he-IL", Assert.Single(items, i => i!["id"]!.GetValue<long>() == id)!["language"]!.GetValue<string>());
        }
    }

    /// <summary>An export of an earlier build may hold jp (which it took) or iw: the import takes both, writing iw as he.</summary>
    [Fact]
    public async Task An_export_holding_a_deprecated_or_unknown_language_imports()
    {
        using var app = new ApiFactory();
        var content = new TestContent(app.Writer());
        var deprecated = (await content.ArticleAsync(new() { ["language"] = "he" }))["id"]!.GetValue<long>();
        var unknown = (await content.ArticleAsync(new() { ["language"] = "ja" }))["id"]!.GetValue<long>();
        await using (var db = app.OpenDatabase())
        {
            await db.ExecuteAsync("UPDATE articles SET language = 'iw' WHERE id = @deprecated; UPDATE articles SET language = 'jp' WHERE id = @unknown;", new { deprecated, unknown });
        }
        var folder = Operations.CommandRunner.TempDirectory();
        Assert.Equal(0, (await Operations.CommandRunner.RunAsync(app.DatabasePath, "export", folder)).ExitCode);
        var imported = Path.Combine(Operations.CommandRunner.TempDirectory(), "imported.db");

        var (exitCode, output) = await Operations.CommandRunner.RunAsync(imported, "import", folder);

        Assert.True(exitCode == 0, output);
        using var importedApp = new OnDatabaseFile(imported);
        await using var importedDb = importedApp.OpenDatabase();
        Assert.Equal("he", await importedDb.ExecuteScalarAsync<string>("SELECT language FROM articles WHERE id = @deprecated", new { deprecated }));
        Assert.Equal("jp", await importedDb.ExecuteScalarAsync<string>("SELECT language FROM articles WHERE id = @unknown", new { unknown }));
    }
}
