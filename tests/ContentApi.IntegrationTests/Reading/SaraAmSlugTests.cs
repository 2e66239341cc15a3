using System.Net;
using ContentApi.Data;
using ContentApi.IntegrationTests.Operations;
using ContentApi.TestSupport;
using Dapper;

namespace ContentApi.IntegrationTests.Reading;

/// <summary>
/// Thai ำ and Lao ຳ are written in slugs as the one character typed, not as the two NFKC splits them into (ํา, ໍາ):
/// a title's slug could not be found by the title's spelling, nor a Thai editor's slug be given (editor probe).
/// </summary>
public sealed class SaraAmSlugTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Am = "\u0E33";
    private const string AmAsPair = "\u0E4D\u0E32";

    private static string Nonce() => Guid.NewGuid().ToString("N")[..8];

    private static string AsPair(string slug) => slug.Replace(Am, AmAsPair, StringComparison.Ordinal).Replace("\u0EB3", "\u0ECD\u0EB2", StringComparison.Ordinal);

    private static string BySlug(string resource, string slug) => $"/api/v1/{resource}/slug/{Uri.EscapeDataString(slug)}";

    [Fact]
    public async Task A_title_with_sara_am_gives_the_slug_it_spells_found_by_either_spelling()
    {
        var title = $"การทำงานของระบบรถไฟฟ้า {Nonce()}";
        var article = await new TestContent(factory.Writer()).ArticleAsync(new() { ["title"] = title });
        var slug = article["slug"]!.GetValue<string>();

        Assert.StartsWith("การทำงานของระบบรถไฟฟ้า-", slug, StringComparison.Ordinal);
        await (await factory.Anonymous().GetAsync(BySlug("articles", slug))).AssertJsonAsync();
        var moved = await factory.Anonymous().GetAsync(BySlug("articles", AsPair(slug)) + "?fields=slug");
        Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
        Assert.Equal(BySlug("articles", slug) + "?fields=slug", moved.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_slug_typed_with_sara_am_is_taken_and_one_given_as_the_pair_is_stored_as_typed()
    {
        var typed = $"น้ำท่วม-{Nonce()}";
        var lao = $"ຄຳ-{Nonce()}";
        var content = new TestContent(factory.Writer());

        var article = await content.ArticleAsync(new() { ["slug"] = typed });
        var tag = await factory.Writer().PostOkAsync("/api/v1/tags", new { name = "น้ำท่วม", slug = AsPair(typed) });
        var author = await factory.Writer().PostOkAsync("/api/v1/authors", new { name = "ຄຳ", slug = AsPair(lao) });

        Assert.Equal(typed, article["slug"]!.GetValue<string>());
        Assert.Equal(typed, tag["slug"]!.GetValue<string>());
        Assert.Equal(lao, author["slug"]!.GetValue<string>());
        var clash = await factory.Writer().PostAsync("/api/v1/tags", HttpAssertions.JsonBody(new { name = "ซ้ำ", slug = typed }));
        Assert.Equal(HttpStatusCode.Conflict, clash.StatusCode);
    }

    [Theory]
    [InlineData("tags")]
    [InlineData("authors")]
    public async Task Tags_and_authors_are_found_by_either_spelling_by_slug_and_in_lists(string resource)
    {
        var slug = $"ทำ-{Nonce()}";
        var id = (await factory.Writer().PostOkAsync($"/api/v1/{resource}", new { name = slug, slug }))["id"]!.GetValue<long>();

        foreach (var spelling in new[] { slug, AsPair(slug) })
        {
            Assert.Equal(id, (await factory.Reader().GetJsonAsync(BySlug(resource, spelling)))["id"]!.GetValue<long>());
            var listed = await factory.Reader().GetJsonAsync($"/api/v1/{resource}?slug={Uri.EscapeDataString(spelling)}");
            Assert.Equal(id, Assert.Single(listed["items"]!.AsArray())!["id"]!.GetValue<long>());
        }
    }

    [Fact]
    public async Task The_article_list_filters_by_a_tag_slug_in_either_spelling()
    {
        var slug = $"ทำ-{Nonce()}";
        var tagId = (await factory.Writer().PostOkAsync("/api/v1/tags", new { name = slug, slug }))["id"]!.GetValue<long>();
        var articleId = (await new TestContent(factory.Writer()).ArticleAsync(new() { ["tagIds"] = new[] { tagId } }))["id"]!.GetValue<long>();

        var listed = await factory.Reader().GetJsonAsync($"/api/v1/articles?tag={Uri.EscapeDataString(AsPair(slug))}");

        Assert.Equal(articleId, Assert.Single(listed["items"]!.AsArray())!["id"]!.GetValue<long>());
    }

    /// <summary>
    /// Where the migration left a slug as the pair because its one-character spelling was taken, a PUT or PATCH that
    /// does not name the slug got a 409 quoting an empty slug (PUT) or the old one (PATCH): the write read the stored
    /// slug in today's spelling, which another holds. A write that keeps the slug keeps it as stored.
    /// </summary>
    [Theory]
    [InlineData("articles")]
    [InlineData("tags")]
    [InlineData("authors")]
    public async Task A_slug_left_as_the_pair_is_kept_by_a_write_that_does_not_name_it(string resource)
    {
        var slug = $"ทำ-{Nonce()}";
        var writer = factory.Writer();
        Dictionary<string, object?> body = resource == "articles"
            ? new() { ["title"] = "Legacy", ["body"] = "Text.", ["language"] = "en", ["authorIds"] = new[] { await new TestContent(writer).AuthorAsync() }, ["status"] = "published" }
            : new() { ["name"] = $"Legacy {slug}" };
        // A tag's name is unique: the one holding the slug is named otherwise.
        var holder = new Dictionary<string, object?>(body) { ["slug"] = slug };
        if (resource != "articles")
        {
            holder["name"] = $"Holder {slug}";
        }
        await writer.PostOkAsync($"/api/v1/{resource}", holder);
        var id = (await writer.PostOkAsync($"/api/v1/{resource}", body))["id"]!.GetValue<long>();
        await using (var connection = factory.OpenDatabase())
        {
            await connection.ExecuteAsync($"UPDATE {resource} SET slug = @Pair WHERE id = @Id", new { Pair = AsPair(slug), Id = id });
        }

        var put = await writer.PutAsync($"/api/v1/{resource}/{id}", HttpAssertions.JsonBody(body));
        var patch = await writer.PatchMergeAsync($"/api/v1/{resource}/{id}", new Dictionary<string, object?> { [body.Keys.First()] = "Renamed" });

        Assert.Equal(AsPair(slug), (await put.AssertJsonAsync())["slug"]!.GetValue<string>());
        Assert.Equal(AsPair(slug), (await patch.AssertJsonAsync())["slug"]!.GetValue<string>());
    }

    /// <summary>Slugs an earlier build stored as the pair, in every table that holds slugs, are rewritten; an old link still leads to the article.</summary>
    [Fact]
    public async Task The_migration_spells_stored_slugs_with_the_one_character()
    {
        using var app = new ApiFactory();
        var (slug, earlier, tagSlug, authorSlug) = ($"ทำ-{Nonce()}", $"น้ำ-{Nonce()}", $"ซ้ำ-{Nonce()}", $"ຄຳ-{Nonce()}");
        var tagId = (await app.Writer().PostOkAsync("/api/v1/tags", new { name = "t", slug = tagSlug }))["id"]!.GetValue<long>();
        var authorId = (await app.Writer().PostOkAsync("/api/v1/authors", new { name = "a", slug = authorSlug }))["id"]!.GetValue<long>();
        var id = (await new TestContent(app.Writer()).ArticleAsync(new() { ["slug"] = earlier, ["tagIds"] = new[] { tagId }, ["authorIds"] = new[] { authorId } }))["id"]!.GetValue<long>();
        await (await app.Writer().PatchMergeAsync($"/api/v1/articles/{id}", new { slug })).AssertJsonAsync();
        await using (var connection = app.OpenDatabase())
        {
            await connection.ExecuteAsync("""
                UPDATE articles SET slug = @ArticlePair WHERE id = @Id;
                UPDATE article_slug_aliases SET slug = @EarlierPair WHERE article_id = @Id;
                UPDATE tags SET slug = @TagPair WHERE id = @TagId;
                UPDATE authors SET slug = @AuthorPair WHERE id = @AuthorId;
                DELETE FROM schema_migrations WHERE version >= 21;
                """,
                new { ArticlePair = AsPair(slug), EarlierPair = AsPair(earlier), TagPair = AsPair(tagSlug), AuthorPair = AsPair(authorSlug), Id = id, TagId = tagId, AuthorId = authorId });
        }

        using var migrated = new OnDatabaseFile(app.DatabasePath);
        var anonymous = migrated.Anonymous();
        Assert.Equal(slug, (await anonymous.GetJsonAsync($"/api/v1/articles/{id}"))["slug"]!.GetValue<string>());
        Assert.Equal(tagSlug, (await anonymous.GetJsonAsync($"/api/v1/tags/{tagId}"))["slug"]!.GetValue<string>());
        Assert.Equal(authorSlug, (await anonymous.GetJsonAsync($"/api/v1/authors/{authorId}"))["slug"]!.GetValue<string>());
        foreach (var old in new[] { earlier, AsPair(earlier), AsPair(slug) })
        {
            var moved = await anonymous.GetAsync(BySlug("articles", old));
            Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
            Assert.Equal(BySlug("articles", slug), moved.Headers.Location?.OriginalString);
        }
        await using var reopened = migrated.OpenDatabase();
        Assert.Equal(earlier, await reopened.ExecuteScalarAsync<string>("SELECT slug FROM article_slug_aliases WHERE article_id = @id", new { id }));
        Assert.Equal(Migrator.LatestVersion, await reopened.ExecuteScalarAsync<long>("SELECT max(version) FROM schema_migrations"));
    }

    /// <summary>An export of an earlier build holds the pair: it imports, its slugs spelled as today's build stores them.</summary>
    [Fact]
    public async Task An_export_holding_the_pair_imports_with_the_one_character()
    {
        using var app = new ApiFactory();
        var (slug, earlier, tagSlug) = ($"ทำ-{Nonce()}", $"น้ำ-{Nonce()}", $"ซ้ำ-{Nonce()}");
        var tagId = (await app.Writer().PostOkAsync("/api/v1/tags", new { name = "t", slug = tagSlug }))["id"]!.GetValue<long>();
        var id = (await new TestContent(app.Writer()).ArticleAsync(new() { ["slug"] = earlier, ["tagIds"] = new[] { tagId } }))["id"]!.GetValue<long>();
        await (await app.Writer().PatchMergeAsync($"/api/v1/articles/{id}", new { slug })).AssertJsonAsync();
        var folder = CommandRunner.TempDirectory();
        Assert.Equal(0, (await CommandRunner.RunAsync(app.DatabasePath, "export", folder)).ExitCode);
        foreach (var file in Directory.GetFiles(folder, "*.jsonl"))
        {
            File.WriteAllText(file, AsPair(File.ReadAllText(file)));
        }
        Assert.Contains(AsPair(slug), File.ReadAllText(Path.Combine(folder, "articles.jsonl")), StringComparison.Ordinal);

        var imported = Path.Combine(CommandRunner.TempDirectory(), "imported.db");
        var (exitCode, output) = await CommandRunner.RunAsync(imported, "import", folder);

        Assert.True(exitCode == 0, output);
        using var importedApp = new OnDatabaseFile(imported);
        Assert.Equal(slug, (await importedApp.Anonymous().GetJsonAsync($"/api/v1/articles/{id}"))["slug"]!.GetValue<string>());
        Assert.Equal(tagSlug, (await importedApp.Anonymous().GetJsonAsync($"/api/v1/tags/{tagId}"))["slug"]!.GetValue<string>());
        var moved = await importedApp.Anonymous().GetAsync(BySlug("articles", earlier));
        Assert.Equal(BySlug("articles", slug), moved.Headers.Location?.OriginalString);
    }
}
