using ContentApi.Articles;
using ContentApi.Data;
using ContentApi.IntegrationTests.Operations;
using Dapper;
using Microsoft.Data.Sqlite;

namespace ContentApi.IntegrationTests.Reading;

/// <summary>
/// An article list filtered on an author, a tag, a date range or a language walks the list's order and tests each
/// article when many match, and starts from the filter's index rows when few do: walking for a tag with no articles
/// read every article (0.15 s a page at 100,000 articles). Totals start from an author's or tag's links or from the
/// language's index (walking, a tag's total counted every article: 0.28 s). Both forms must select the same articles.
/// </summary>
public sealed class FilterDriveTests(SeededLibrary library) : IClassFixture<SeededLibrary>
{
    private const string Now = "2030-01-01T00:00:00.000000Z";

    /// <summary>The language filter's ranges (a few, from one parameter), each followed by its rows of the language's index.</summary>
    private const string RangesScan = "SCAN r VIRTUAL TABLE INDEX 1:";

    public static TheoryData<string, string> References() => new()
    {
        { "tag", "id" }, { "tag", "slug" }, { "tag", "ids" }, { "author", "id" }, { "author", "slug" }, { "author", "ids" },
    };

    [Theory]
    [MemberData(nameof(References))]
    public async Task A_page_for_an_author_or_tag_with_few_articles_starts_from_its_links(string kind, string givenBy)
    {
        await using var connection = library.Open();
        var filter = await FilterAsync(connection, kind, givenBy);
        var plan = await PagePlanAsync(connection, filter, FilterDrive.References, "a.published_at DESC, a.id DESC");
        Assert.Contains($"SEARCH x USING COVERING INDEX ix_article_{kind}s_{kind} ({kind}_id=?)", plan);
        Assert.Contains("SEARCH a USING INTEGER PRIMARY KEY (rowid=?)", plan);
        Assert.DoesNotContain("ix_articles_published", plan);
    }

    [Theory]
    [MemberData(nameof(References))]
    public async Task A_page_for_an_author_or_tag_with_many_articles_walks_the_order_and_probes_each_articles_links(string kind, string givenBy)
    {
        await using var connection = library.Open();
        var filter = await FilterAsync(connection, kind, givenBy);
        var plan = await PagePlanAsync(connection, filter, FilterDrive.None, "a.published_at DESC, a.id DESC");
        Assert.Contains("SEARCH a USING COVERING INDEX ix_articles_published (status=? AND published_at<?)", plan);
        Assert.Contains($"SEARCH x EXISTS USING COVERING INDEX sqlite_autoindex_article_{kind}s_1 (article_id=? AND {kind}_id=?)", plan);
        Assert.DoesNotContain("TEMP B-TREE", plan);
    }

    [Theory]
    [MemberData(nameof(References))]
    public async Task A_count_for_an_author_or_tag_starts_from_its_links_and_reads_no_article_row(string kind, string givenBy)
    {
        await using var connection = library.Open();
        var filter = await FilterAsync(connection, kind, givenBy);
        var plan = await connection.QueryPlanAsync(CountSql(filter), ArticleFilters.ToSql(filter, Now).Parameters);
        Assert.Contains("SEARCH a USING COVERING INDEX ix_articles_visibility (id=?", plan);
        Assert.Contains($"SEARCH x USING COVERING INDEX ix_article_{kind}s_{kind} ({kind}_id=?)", plan);
        Assert.DoesNotContain("SCAN", plan.Replace("SCAN json_each VIRTUAL TABLE", "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_count_in_a_language_for_a_tag_with_few_articles_starts_from_the_tags_links()
    {
        await using var connection = library.Open();
        var filter = (await FilterAsync(connection, "tag", "slug")) with { Language = "zh" };
        var plan = await connection.QueryPlanAsync(CountSql(filter, FilterDrive.Tag), ArticleFilters.ToSql(filter, Now).Parameters);
        Assert.Contains("SEARCH x USING COVERING INDEX ix_article_tags_tag (tag_id=?)", plan);
        Assert.Contains("SEARCH a USING COVERING INDEX ix_articles_visibility (id=?", plan);
        Assert.DoesNotContain("ix_articles_language", plan);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("tag")]
    [InlineData("author")]
    public async Task A_count_in_a_language_reads_the_languages_index_alone(string? kind)
    {
        await using var connection = library.Open();
        var filter = (kind is null ? new ArticleFilter(false) : await FilterAsync(connection, kind, "id")) with { Language = "zh" };
        var plan = await connection.QueryPlanAsync(CountSql(filter), ArticleFilters.ToSql(filter, Now).Parameters);
        Assert.Contains("SEARCH a USING COVERING INDEX ix_articles_language (<expr>>? AND <expr><?)", plan);
        Assert.DoesNotContain("SCAN", plan.Replace(RangesScan, "", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("-publishedAt")]
    [InlineData("title")]
    public async Task A_page_in_a_language_with_few_articles_starts_from_the_languages_index(string sort)
    {
        await using var connection = library.Open();
        Assert.True(ArticleStore.PublicSorts.TryParse(sort, out var order));
        var plan = await PagePlanAsync(connection, new ArticleFilter(false, Language: "ja"), FilterDrive.Language, order.OrderBy("a.id"));
        Assert.Contains("INDEX ix_articles_language (<expr>>? AND <expr><?)", plan);
        Assert.DoesNotContain("SCAN", plan.Replace(RangesScan, "", StringComparison.Ordinal));
    }

    /// <summary>Several languages read a range of the language's index each, for a count and for a page with few articles.</summary>
    [Fact]
    public async Task A_page_and_a_count_in_several_languages_read_a_range_of_the_languages_index_for_each()
    {
        await using var connection = library.Open();
        var filter = new ArticleFilter(false, Language: "zh-Hant,en");
        var count = await connection.QueryPlanAsync(CountSql(filter), ArticleFilters.ToSql(filter, Now).Parameters);
        Assert.True(ArticleStore.PublicSorts.TryParse("-publishedAt", out var order));
        var page = await PagePlanAsync(connection, filter, FilterDrive.Language, order.OrderBy("a.id"));

        foreach (var plan in new[] { count, page })
        {
            Assert.Contains(RangesScan, plan);
            Assert.Contains("USING COVERING INDEX ix_articles_language (<expr>>? AND <expr><?)", plan);
            Assert.DoesNotContain("SCAN", plan.Replace(RangesScan, "", StringComparison.Ordinal));
        }
        Assert.Contains("SEARCH a USING INTEGER PRIMARY KEY (rowid=?)", page);
    }

    [Theory]
    [InlineData("createdAt")]
    [InlineData("-publishedAt")]
    public async Task A_page_for_a_narrow_published_date_range_starts_from_its_articles(string sort)
    {
        await using var connection = library.Open();
        var filter = await FilterAsync(connection, "published", "range");
        Assert.True(ArticleStore.PrivateSorts.TryParse(sort, out var order));
        var plan = await PagePlanAsync(connection, filter with { IncludeUnpublished = true }, FilterDrive.PublishedRange, order.OrderBy("a.id"));
        Assert.Contains("SEARCH r USING COVERING INDEX ix_articles_published (status=? AND published_at>? AND published_at<?)", plan);
        Assert.Contains("SEARCH a USING INTEGER PRIMARY KEY (rowid=?)", plan);
    }

    [Theory]
    [InlineData("-publishedAt", false)]
    [InlineData("title", false)]
    [InlineData("-updatedAt", false)]
    [InlineData("-publishedAt", true)]
    [InlineData("createdAt", true)]
    public async Task A_page_in_a_language_with_many_articles_reads_the_sorts_index_in_order(string sort, bool includeUnpublished)
    {
        await using var connection = library.Open();
        Assert.True((includeUnpublished ? ArticleStore.PrivateSorts : ArticleStore.PublicSorts).TryParse(sort, out var order));
        var plan = await PagePlanAsync(connection, new ArticleFilter(includeUnpublished, Language: "zh"), FilterDrive.None, order.OrderBy("a.id"));
        Assert.DoesNotContain("TEMP B-TREE", plan);
        Assert.DoesNotContain("ix_articles_language", plan);
    }

    public static TheoryData<string, string, string> ReferencesAndSorts()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (kind, givenBy) in new[] { ("tag", "id"), ("tag", "slug"), ("tag", "ids"), ("author", "id"), ("author", "slug"), ("author", "ids"), ("published", "range"), ("published", "after"), ("language", "zh"), ("language", "en"), ("language", "zh-Hant,en"), ("language", "en,zh-Hans,zh-Hant-TW") })
        {
            foreach (var sort in new[] { "-publishedAt", "title", "-updatedAt" })
            {
                data.Add(kind, givenBy, sort);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ReferencesAndSorts))]
    public async Task Both_forms_select_the_same_articles_on_every_page_and_count_them_alike(string kind, string givenBy, string sort)
    {
        await using var connection = library.Open();
        var filter = await FilterAsync(connection, kind, givenBy);
        Assert.True(ArticleStore.PublicSorts.TryParse(sort, out var order));
        var pages = new List<List<long>>();
        foreach (var drive in new[] { FilterDrive.None, FilterDrive.References | FilterDrive.PublishedRange | FilterDrive.Language })
        {
            var (conditions, parameters) = ArticleFilters.ToSql(filter, Now, drive);
            var where = string.Join(" AND ", conditions);
            var ids = (await connection.QueryAsync<long>($"SELECT a.id FROM articles a WHERE {where} ORDER BY {order.OrderBy("a.id")}", parameters)).AsList();
            var cursor = new DynamicParameters(parameters);
            cursor.Add("CursorValue", await SortValueAsync(connection, order.Field.Name, ids[9]));
            cursor.Add("CursorId", ids[9]);
            var afterTenth = (await connection.QueryAsync<long>(
                $"SELECT a.id FROM articles a WHERE {where} AND {order.After("a.id")} ORDER BY {order.OrderBy("a.id")} LIMIT 5", cursor)).AsList();
            Assert.Equal(ids.Skip(10).Take(5), afterTenth);
            Assert.Equal(ids.Count, await connection.ExecuteScalarAsync<long>(CountSql(filter, drive), parameters));
            pages.Add(ids);
        }
        Assert.True(pages[0].Count >= 15);
        Assert.Equal(pages[0], pages[1]);
    }

    /// <summary>
    /// An all-digit value may be one tag's id and another tag's slug: both forms select the articles of the tag with that
    /// slug alone (they selected both tags' articles: ?tag=2025 mixed the year tag's with tag 2025's).
    /// </summary>
    [Fact]
    public async Task An_all_digit_value_selects_the_tag_with_that_slug_before_the_tag_with_that_id_in_both_forms()
    {
        var copy = Path.Combine(CommandRunner.TempDirectory(), "digits.db");
        await using (var source = library.Open())
        {
            await source.ExecuteAsync("VACUUM INTO @Path", new { Path = copy });
        }
        await using var connection = new SqliteConnection($"Data Source={copy};Pooling=False");
        var (byId, bySlug) = await connection.QuerySingleAsync<(long, long)>("SELECT min(id), max(id) FROM tags");
        var digits = byId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await connection.ExecuteAsync("UPDATE tags SET slug = @Slug WHERE id = @Id", new { Slug = digits, Id = bySlug });
        var expected = (await connection.QueryAsync<long>("""
            SELECT DISTINCT a.id FROM article_tags x JOIN articles a ON a.id = x.article_id
            WHERE x.tag_id = @BySlug AND a.status = 'published' AND a.published_at <= @Now ORDER BY a.id
            """, new { ById = byId, BySlug = bySlug, Now })).AsList();
        var filter = new ArticleFilter(false, Tag: digits);
        foreach (var drive in new[] { FilterDrive.None, FilterDrive.Tag })
        {
            var (conditions, parameters) = ArticleFilters.ToSql(filter, Now, drive);
            Assert.Equal(expected, await connection.QueryAsync<long>($"SELECT a.id FROM articles a WHERE {string.Join(" AND ", conditions)} ORDER BY a.id", parameters));
            Assert.Equal(expected.Count, await connection.ExecuteScalarAsync<long>(CountSql(filter, drive), parameters));
        }
        var ofTheIdsTag = (await connection.QueryAsync<long>("SELECT article_id FROM article_tags WHERE tag_id = @ById", new { ById = byId })).AsList();
        Assert.NotEmpty(expected.Except(ofTheIdsTag));
        Assert.NotEmpty(ofTheIdsTag.Except(expected));
    }

    [Fact]
    public async Task Few_means_at_most_the_given_number_of_linked_articles()
    {
        await using var connection = library.Open();
        var tag = await FilterAsync(connection, "tag", "slug");
        var links = await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM article_tags x JOIN tags t ON t.id = x.tag_id WHERE t.slug = @Slug", new { Slug = tag.Tag });
        var author = await FilterAsync(connection, "author", "id");
        var both = tag with { Author = author.Author };

        Assert.Equal(FilterDrive.Author | FilterDrive.Tag, await ArticleFilters.WithFewArticlesAsync(connection, both, Now, ArticleFilters.FewArticles, CancellationToken.None));
        var tagIds = await FilterAsync(connection, "tag", "ids");
        var idsLinks = await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM article_tags WHERE tag_id IN @Ids", new { Ids = tagIds.TagIds });
        Assert.Equal(FilterDrive.TagIds | FilterDrive.Tag, await ArticleFilters.WithFewArticlesAsync(connection, tagIds with { Tag = tag.Tag }, Now, Math.Max(idsLinks, links), CancellationToken.None));
        Assert.Equal(FilterDrive.None, await ArticleFilters.WithFewArticlesAsync(connection, tagIds, Now, idsLinks - 1, CancellationToken.None));
        Assert.Equal(FilterDrive.AuthorIds, await ArticleFilters.WithFewArticlesAsync(connection, new ArticleFilter(false, AuthorIds: [long.MaxValue]), Now, 0, CancellationToken.None));
        Assert.Equal(FilterDrive.Tag, await ArticleFilters.WithFewArticlesAsync(connection, tag, Now, links, CancellationToken.None));
        Assert.Equal(FilterDrive.None, await ArticleFilters.WithFewArticlesAsync(connection, tag, Now, links - 1, CancellationToken.None));
        Assert.Equal(FilterDrive.None, await ArticleFilters.WithFewArticlesAsync(connection, new ArticleFilter(false), Now, ArticleFilters.FewArticles, CancellationToken.None));
        Assert.Equal(FilterDrive.Tag, await ArticleFilters.WithFewArticlesAsync(connection, new ArticleFilter(false, Tag: "no-such-tag"), Now, 0, CancellationToken.None));

        var dated = await FilterAsync(connection, "published", "range");
        var inRange = await connection.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM articles WHERE status = 'published' AND published_at >= @After AND published_at < @Before",
            new { After = Timestamps.ToDbRoundedUp(dated.PublishedAfter!.Value), Before = Timestamps.ToDbRoundedUp(dated.PublishedBefore!.Value) });
        Assert.Equal(FilterDrive.PublishedRange | FilterDrive.Tag, await ArticleFilters.WithFewArticlesAsync(connection, dated with { Tag = tag.Tag }, Now, Math.Max(inRange, links), CancellationToken.None));
        Assert.Equal(FilterDrive.None, await ArticleFilters.WithFewArticlesAsync(connection, dated, Now, inRange - 1, CancellationToken.None));

        var english = await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM articles WHERE language = 'en'");
        Assert.Equal(FilterDrive.Language, await ArticleFilters.WithFewArticlesAsync(connection, new ArticleFilter(false, Language: "EN"), Now, english, CancellationToken.None));
        Assert.Equal(FilterDrive.None, await ArticleFilters.WithFewArticlesAsync(connection, new ArticleFilter(false, Language: "en"), Now, english - 1, CancellationToken.None));
    }

    private static Task<string> PagePlanAsync(SqliteConnection connection, ArticleFilter filter, FilterDrive drive, string orderBy)
    {
        var (conditions, parameters) = ArticleFilters.ToSql(filter, Now, drive);
        return connection.QueryPlanAsync($"SELECT a.id FROM articles a WHERE {string.Join(" AND ", conditions)} ORDER BY {orderBy} LIMIT 21", parameters);
    }

    private static string CountSql(ArticleFilter filter, FilterDrive few = FilterDrive.None) =>
        (ArticleFilters.TotalQuery(filter, Now, few) ?? KeysetPage.TotalQuery.Count(ArticleQueries.From, ArticleFilters.ToSql(filter, Now).Conditions)).Sql;

    /// <summary>
    /// A filter on the author or tag with the most articles, by its id or its slug, or on the two with the most by ids; on a third of the publication dates;
    /// or on a language (<paramref name="givenBy"/>).
    /// </summary>
    private static async Task<ArticleFilter> FilterAsync(SqliteConnection connection, string kind, string givenBy)
    {
        if (kind == "language")
        {
            return new ArticleFilter(false, Language: givenBy);
        }
        if (kind == "published")
        {
            var dates = (await connection.QueryAsync<string>("SELECT published_at FROM articles WHERE status = 'published' ORDER BY published_at")).AsList();
            var after = Timestamps.FromDb(dates[dates.Count / 3]);
            return new ArticleFilter(false, PublishedAfter: after, PublishedBefore: givenBy == "range" ? Timestamps.FromDb(dates[dates.Count * 2 / 3]) : null);
        }
        if (givenBy == "ids")
        {
            // The two with the most articles, which some articles share.
            var ids = (await connection.QueryAsync<long>($"""
                SELECT o.id FROM {kind}s o ORDER BY (SELECT count(*) FROM article_{kind}s x WHERE x.{kind}_id = o.id) DESC, o.id LIMIT 2
                """)).ToArray();
            return kind == "tag" ? new ArticleFilter(false, TagIds: ids) : new ArticleFilter(false, AuthorIds: ids);
        }
        var value = await connection.ExecuteScalarAsync<string>($"""
            SELECT {(givenBy == "id" ? "o.id" : "o.slug")} FROM {kind}s o
            ORDER BY (SELECT count(*) FROM article_{kind}s x WHERE x.{kind}_id = o.id) DESC, o.id LIMIT 1
            """);
        return kind == "tag" ? new ArticleFilter(false, Tag: value) : new ArticleFilter(false, Author: value);
    }

    private static Task<object?> SortValueAsync(SqliteConnection connection, string field, long id) => field switch
    {
        "publishedAt" => connection.ExecuteScalarAsync<object?>("SELECT published_at FROM articles WHERE id = @Id", new { Id = id }),
        "title" => connection.ExecuteScalarAsync<object?>("SELECT title FROM articles WHERE id = @Id", new { Id = id }),
        _ => connection.ExecuteScalarAsync<object?>("SELECT updated_at FROM articles WHERE id = @Id", new { Id = id }),
    };
}
