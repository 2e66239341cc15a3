using System.Net;
using System.Net.Http.Json;
using ContentApi.TestSupport;
using Dapper;

namespace ContentApi.IntegrationTests.Writes;

/// <summary>
/// Markdown that Markdig handles badly: empty blocks are ordinary; nesting it cannot render, and links it would take
/// seconds to parse, are refused.
/// </summary>
public sealed class MarkdownLimitsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly TestContent _content = new(factory.Writer());

    [Theory]
    [InlineData("```")]
    [InlineData("~~~")]
    [InlineData("x\n```")]
    [InlineData("```\n```")]
    public async Task Bodies_with_an_empty_code_block_are_stored_on_create_replace_and_patch(string body)
    {
        var article = await _content.ArticleAsync(new() { ["body"] = body });
        var id = article["id"]!.GetValue<long>();
        Assert.Equal(body, article["body"]!.GetValue<string>());

        var replaced = await factory.Writer().PutAsJsonAsync($"/api/v1/articles/{id}", new
        {
            title = "Replaced", body, language = "en", authorIds = new[] { article["authors"]![0]!["id"]!.GetValue<long>() }, status = "published",
        }, HttpAssertions.Json);
        await replaced.AssertJsonAsync();
        var patched = await factory.Writer().PatchMergeAsync($"/api/v1/articles/{id}", new { body = body + "\n" });
        await patched.AssertJsonAsync();
        await (await factory.Anonymous().GetAsync($"/api/v1/articles/{id}?format=html,text")).AssertJsonAsync();
    }

    public static TheoryData<string, string> TooComplex => new()
    {
        { new string('>', 130) + " quoted", "nests too deeply" },
        { string.Concat(Enumerable.Range(0, 200).Select(i => new string(' ', i * 2) + "- item\n")), "nests too deeply" },
        { new string('[', 128), "nests too deeply" },
        { string.Concat(Enumerable.Repeat("[a](b", 20_000)), "too many links" },
        { string.Concat(Enumerable.Repeat("見http://a.b/(\n", 20_000)), "too many links" },
        { string.Concat(Enumerable.Repeat("www.a.example ", 20_000)), "too many links" },
        { string.Concat(Enumerable.Repeat("[a](b (x\n", 16_000)), "too many links" },
        { string.Concat(Enumerable.Repeat("[a]:\n", 55_000)), "too many links" },
    };

    [Theory]
    [MemberData(nameof(TooComplex))]
    public async Task Bodies_too_complex_to_parse_or_render_are_a_400_on_body_and_store_nothing(string body, string reason)
    {
        var title = $"Too complex {Guid.NewGuid():N}";
        var author = await _content.AuthorAsync();
        var response = await factory.Writer().PostAsJsonAsync("/api/v1/articles",
            new { title, body, language = "en", authorIds = new[] { author }, status = "published" }, HttpAssertions.Json);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(reason, problem["errors"]!["body"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        await using var db = factory.OpenDatabase();
        Assert.Equal(0, await db.ExecuteScalarAsync<long>("SELECT count(*) FROM articles WHERE title = @title", new { title }));
    }

    /// <summary>
    /// The refusal told the author to "split the paragraphs", but a table has no blank line between its rows: its emphasis
    /// markers all count in one paragraph, so the author did not know what to split.
    /// </summary>
    [Fact]
    public async Task A_long_table_with_emphasis_in_its_cells_is_refused_saying_its_rows_count_as_one_paragraph()
    {
        var body = "| 項目 | 說明 |\n| --- | --- |\n" + string.Concat(Enumerable.Repeat("| *粗體* | _斜體_ |\n", 1_600));
        var author = await _content.AuthorAsync();
        var response = await factory.Writer().PostAsJsonAsync("/api/v1/articles",
            new { title = $"Long table {Guid.NewGuid():N}", body, language = "zh-Hant", authorIds = new[] { author }, status = "published" }, HttpAssertions.Json);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("a table's rows count as one paragraph", problem["errors"]!["body"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stored_body_of_unclosed_links_reads_searches_and_renames_without_parsing_it()
    {
        var word = $"unclosed{Guid.NewGuid():N}";
        var article = await _content.ArticleAsync(new() { ["body"] = word });
        var id = article["id"]!.GetValue<long>();
        var body = word + " " + string.Concat(Enumerable.Repeat("[a](b", 20_000));
        await using (var db = factory.OpenDatabase())
        {
            await db.ExecuteAsync("UPDATE articles SET body = @body WHERE id = @id", new { body, id });
        }

        var read = await (await factory.Anonymous().GetAsync($"/api/v1/articles/{id}?format=html,text")).AssertJsonAsync();
        Assert.StartsWith($"<pre>{word} [a](b", read["bodyHtml"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(body, read["plainText"]!.GetValue<string>());
        var found = await (await factory.Anonymous().GetAsync($"/api/v1/search?q={word}")).AssertJsonAsync();
        Assert.Equal(id, found["items"]![0]!["id"]!.GetValue<long>());

        var patched = await (await factory.Writer().PatchMergeAsync($"/api/v1/articles/{id}", new { title = "Renamed" })).AssertJsonAsync();
        Assert.Equal("Renamed", patched["title"]!.GetValue<string>());
        var rewritten = await factory.Writer().PatchMergeAsync($"/api/v1/articles/{id}", new { body = body + "[a](b" });
        Assert.Contains("too many links", (await rewritten.AssertProblemAsync(HttpStatusCode.BadRequest))["errors"]!["body"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stored_body_too_deep_to_render_reads_as_its_escaped_source()
    {
        var article = await _content.ArticleAsync(new() { ["body"] = "Fine at first." });
        var id = article["id"]!.GetValue<long>();
        await using (var db = factory.OpenDatabase())
        {
            // As a body stored before the limit existed (or imported from elsewhere) may be.
            await db.ExecuteAsync("UPDATE articles SET body = @body WHERE id = @id", new { body = "<b>" + new string('[', 128), id });
        }

        var read = await (await factory.Anonymous().GetAsync($"/api/v1/articles/{id}?format=html,text")).AssertJsonAsync();
        Assert.Equal("<pre>&lt;b&gt;" + new string('[', 128) + "</pre>", read["bodyHtml"]!.GetValue<string>());
        await (await factory.Anonymous().GetAsync("/api/v1/articles?format=html&limit=100")).AssertJsonAsync();

        // It can still be renamed and unpublished; only a new body must nest less.
        var patched = await (await factory.Writer().PatchMergeAsync($"/api/v1/articles/{id}", new { title = "Renamed", status = "draft" })).AssertJsonAsync();
        Assert.Equal("Renamed", patched["title"]!.GetValue<string>());
        var deeper = await factory.Writer().PatchMergeAsync($"/api/v1/articles/{id}", new { body = new string('[', 129) });
        Assert.Contains("nests too deeply", (await deeper.AssertProblemAsync(HttpStatusCode.BadRequest))["errors"]!["body"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
