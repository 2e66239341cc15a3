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
}
