using ContentApi.Articles;
using ContentApi.Images;
using ContentApi.IntegrationTests.Operations;
using ContentApi.TestSupport;
using Dapper;
using Microsoft.Data.Sqlite;

namespace ContentApi.IntegrationTests.Reading;

/// <summary>A seeded library of 1,000 articles, and a copy of it with the planner's statistics (ANALYZE).</summary>
public sealed class SeededLibrary : IAsyncLifetime
{
    private readonly string _directory = CommandRunner.TempDirectory();

    public string Database => Path.Combine(_directory, "library.db");

    public string Analyzed => Path.Combine(_directory, "analyzed.db");

    public SqliteConnection Open(bool analyzed = false) => new($"Data Source={(analyzed ? Analyzed : Database)};Pooling=False");

    public async Task InitializeAsync()
    {
        var (exitCode, output) = await CommandRunner.RunAsync(Database, "seed", "--articles", "1000");
        Assert.True(exitCode == 0, output);
        await using var connection = Open();
        await connection.ExecuteAsync("VACUUM INTO @Path", new { Path = Analyzed });
        await using var analyzed = Open(analyzed: true);
        await analyzed.ExecuteAsync("ANALYZE main");
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }
}

/// <summary>
/// The reads whose cost could grow with the library use an index for it, checked on SQLite's query plans (a test never
/// times them): every sort of the article and image lists reads its order from an index on the first and on later
/// pages (sorting by updatedAt, createdAt, title or slug sorted all articles for each page: 0.2-0.7 s at 100,000
/// articles; the image list, newest first by default, all images), and the visibility checks of images, authors and
/// tags look rows up by key.
/// </summary>
public sealed class LibraryQueryPlanTests(SeededLibrary library) : IClassFixture<SeededLibrary>
{
    public static TheoryData<string, bool> ArticleSorts()
    {
        var data = new TheoryData<string, bool>();
        foreach (var sort in ArticleStore.PublicSorts.Allowed.SelectMany(f => new[] { f.Name, "-" + f.Name }))
        {
            data.Add(sort, false);
            data.Add(sort, true);
        }
        return data;
    }

    /// <summary>Without statistics (SQLite's default) and with them (after an ANALYZE).</summary>
    [Theory]
    [MemberData(nameof(ArticleSorts))]
    public async Task Every_anonymous_article_sort_reads_an_index_in_order(string sort, bool analyzed)
    {
        await using var connection = library.Open(analyzed);
        Assert.True(ArticleStore.PublicSorts.TryParse(sort, out var order));
        await AssertReadInIndexOrderAsync(connection, "articles a", $"WHERE {ArticleQueries.PubliclyVisible}", order.OrderBy("a.id"), order.After("a.id"));
    }

    /// <summary>A key holder's list of published articles (status=published), in every order.</summary>
    [Theory]
    [MemberData(nameof(ArticleSorts))]
    public async Task Every_sort_of_a_key_holders_published_articles_reads_an_index_in_order(string sort, bool analyzed)
    {
        await using var connection = library.Open(analyzed);
        Assert.True(ArticleStore.PrivateSorts.TryParse(sort, out var order));
        await AssertReadInIndexOrderAsync(connection, "articles a", $"WHERE {ArticleFilters.PublishedStatusCondition}", order.OrderBy("a.id"), order.After("a.id"));
    }

    /// <summary>
    /// A publishedAfter/publishedBefore range holding more than a few articles, in every order, anonymous and with a key:
    /// the planner took the range on ix_articles_published to select few rows and sorted all it held (0.25-0.48 s a
    /// page at 100,000 articles for ?publishedAfter=2024-01-01&amp;sort=createdAt, and a key holder's narrow
    /// ?publishedBefore walked every article in its default order: 0.42 s). A narrow range starts from its articles.
    /// </summary>
    [Theory]
    [MemberData(nameof(ArticleSorts))]
    public async Task Every_sort_of_a_wide_published_date_range_reads_an_index_in_order(string sort, bool analyzed)
    {
        await using var connection = library.Open(analyzed);
        foreach (var (includeUnpublished, sorts) in new[] { (false, ArticleStore.PublicSorts), (true, ArticleStore.PrivateSorts) })
        {
            Assert.True(sorts.TryParse(sort, out var order));
            var filter = new ArticleFilter(includeUnpublished, PublishedAfter: DateTimeOffset.UnixEpoch, PublishedBefore: DateTimeOffset.UnixEpoch.AddYears(100));
            var (conditions, _) = ArticleFilters.ToSql(filter, "");
            await AssertReadInIndexOrderAsync(connection, "articles a", "WHERE " + string.Join(" AND ", conditions), order.OrderBy("a.id"), order.After("a.id"));
        }
    }

    public static TheoryData<string, bool, bool> ImageSorts()
    {
        var data = new TheoryData<string, bool, bool>();
        foreach (var sort in ImageStore.Sorts.Allowed.SelectMany(f => new[] { f.Name, "-" + f.Name }))
        {
            data.Add(sort, false, false);
            data.Add(sort, true, false);
            data.Add(sort, true, true);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ImageSorts))]
    public async Task Every_image_sort_reads_an_index_in_order(string sort, bool anonymous, bool analyzed)
    {
        await using var connection = library.Open(analyzed);
        Assert.True(ImageStore.Sorts.TryParse(sort, out var order));
        await AssertReadInIndexOrderAsync(connection, "images i", anonymous ? $"WHERE {ImageStore.PubliclyShown}" : "", order.OrderBy("i.id"), order.After("i.id"));
    }

    /// <summary>
    /// Whether published content shows an image is looked up from the image (its cover and inline uses): through
    /// ix_articles_published, every image read every published article, so that an anonymous image list at 100,000
    /// articles and 200,000 images ran for hours, and one anonymous image took 0.2 s. Each use's article is checked on
    /// ix_articles_visibility, without reading its row.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Whether_an_image_is_shown_is_looked_up_from_the_image(bool analyzed)
    {
        await using var connection = library.Open(analyzed);
        foreach (var where in new[] { ImageStore.PubliclyShown, $"i.id = 5 AND {ImageStore.PubliclyShown}" })
        {
            var plan = await connection.QueryPlanAsync($"SELECT count(*) FROM images i WHERE {where}", new { Now = "2030-01-01T00:00:00.000000Z" });
            Assert.DoesNotContain("ix_articles_published", plan);
            Assert.Contains("ix_articles_cover (cover_image_id=?)", plan);
            Assert.Contains("ix_article_images_image (image_id=?)", plan);
            Assert.Contains("SEARCH a USING COVERING INDEX ix_articles_visibility (id=?", plan);
            Assert.DoesNotContain("SEARCH a USING INTEGER PRIMARY KEY", plan);
            Assert.DoesNotContain("SEARCH a USING INDEX", plan);
        }
    }

    /// <summary>
    /// Whether anonymous callers see an author or a tag is looked up from its own links, stopping at the first visible
    /// article, each checked on ix_articles_visibility: no author or tag reads every article or every link.
    /// </summary>
    [Theory]
    [InlineData("tags", "t", "tag", false)]
    [InlineData("tags", "t", "tag", true)]
    [InlineData("authors", "au", "author", false)]
    [InlineData("authors", "au", "author", true)]
    public async Task Whether_an_author_or_a_tag_is_shown_is_looked_up_from_its_links(string table, string alias, string kind, bool analyzed)
    {
        await using var connection = library.Open(analyzed);
        var shown = kind == "tag" ? Tags.TagStore.PubliclyShown : Authors.AuthorStore.PubliclyShown;
        foreach (var where in new[] { shown, $"{alias}.id = 5 AND {shown}" })
        {
            var plan = await connection.QueryPlanAsync($"SELECT count(*) FROM {table} {alias} WHERE {where}", new { Now = "2030-01-01T00:00:00.000000Z" });
            Assert.Contains($"SEARCH x USING COVERING INDEX ix_article_{kind}s_{kind} ({kind}_id=?)", plan);
            Assert.Contains("SEARCH a USING COVERING INDEX ix_articles_visibility (id=?", plan);
            Assert.DoesNotContain(plan.Split('\n'), line => line.StartsWith("SCAN x", StringComparison.Ordinal) || line == "SCAN a" || line.StartsWith("SCAN a ", StringComparison.Ordinal));
        }
    }

    /// <summary>
    /// An author's or a tag's count of published articles is kept (migration 0016), less the articles scheduled for
    /// later, found from the scheduled articles. Counting its articles on every read grew with the library: 0.24 s for
    /// the tag list and 0.18 s for the author list at 100,000 articles (6.6 s and 2.9 s when each count read the
    /// articles' rows); now 4-5 ms each. A page counts the scheduled articles by owner once: counted for each row, they
    /// were read again for every row (0.37-0.45 s for the 44 tags with 10,000 of 100,000 articles scheduled; 24 ms once).
    /// </summary>
    [Theory]
    [InlineData("tags", "article_tags")]
    [InlineData("authors", "article_authors")]
    public async Task Published_article_counts_are_kept_not_counted(string resource, string links)
    {
        await using var connection = library.Open();
        var (one, page, from) = resource == "tags"
            ? (Tags.TagStore.Select, Tags.TagStore.PageSelect, "FROM tags t")
            : (Authors.AuthorStore.Select, Authors.AuthorStore.PageSelect, "FROM authors au");
        var now = new { Now = "2030-01-01T00:00:00.000000Z" };
        var onePlan = await connection.QueryPlanAsync($"{one} {from}", now);
        Assert.Contains($"SEARCH x USING COVERING INDEX sqlite_autoindex_{links}_1 (article_id=? AND {resource[..^1]}_id=?)", onePlan);
        var pagePlan = await connection.QueryPlanAsync($"{page} {from}", now);
        Assert.Contains($"MATERIALIZE scheduled_by_{resource[..^1]}", pagePlan);
        Assert.Contains($"SEARCH x USING COVERING INDEX sqlite_autoindex_{links}_1 (article_id=?)", pagePlan);
        Assert.Contains("SEARCH s USING AUTOMATIC COVERING INDEX (owner_id=?)", pagePlan);
        foreach (var plan in new[] { onePlan, pagePlan })
        {
            Assert.Contains("SEARCH a USING COVERING INDEX ix_articles_published (status=? AND published_at>?)", plan);
            Assert.DoesNotContain($"ix_{links}_", plan);
            Assert.DoesNotContain("ix_articles_visibility", plan);
        }
    }

    /// <summary>The anonymous image list's total reads the uses migration 0018 keeps, not every image (0.29 s at 200,456 images).</summary>
    [Fact]
    public async Task The_anonymous_image_total_checks_no_image_row()
    {
        await using var connection = library.Open();
        var plan = await connection.QueryPlanAsync(ImageStore.PubliclyShownTotal, new { Now = "2030-01-01T00:00:00.000000Z" });
        Assert.DoesNotContain("ix_images", plan);
        Assert.DoesNotContain(plan.Split('\n'), line => line == "SCAN i" || line.StartsWith("SCAN i ", StringComparison.Ordinal));
        Assert.Contains("ix_articles_published (status=? AND published_at>?)", plan);
    }

    /// <summary>The articles an image is deleted from under (a 409 names them) are found by the image, not by reading every article.</summary>
    [Fact]
    public async Task The_articles_using_an_image_are_found_from_the_image()
    {
        await using var connection = library.Open();
        var plan = await connection.QueryPlanAsync(ImageStore.UsedByArticlesSql, new { Id = 5 });
        Assert.DoesNotContain("SCAN", plan);
        Assert.Contains("ix_articles_cover (cover_image_id=?)", plan);
        Assert.Contains("ix_article_images_image (image_id=?)", plan);
    }

    private static async Task AssertReadInIndexOrderAsync(SqliteConnection connection, string from, string where, string orderBy, string after)
    {
        var cursorPage = (where.Length == 0 ? "WHERE " : where + " AND ") + after;
        foreach (var condition in new[] { where, cursorPage })
        {
            var plan = await connection.QueryPlanAsync($"SELECT 1 FROM {from} {condition} ORDER BY {orderBy} LIMIT 21",
                new
                {
                    Now = "2030-01-01T00:00:00.000000Z", Status = "published", CursorValue = "2026-01-01T00:00:00.000000Z", CursorId = 500,
                    PublishedAfter = "2000-01-01T00:00:00.000000Z", PublishedBefore = "2100-01-01T00:00:00.000000Z",
                });
            Assert.DoesNotContain("TEMP B-TREE", plan);
        }
    }
}
