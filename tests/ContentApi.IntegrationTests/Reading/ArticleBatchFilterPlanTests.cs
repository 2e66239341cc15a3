using ContentApi.Articles;
using Dapper;
using Microsoft.Data.Sqlite;

namespace ContentApi.IntegrationTests.Reading;

/// <summary>
/// An article list filtered by <c>id</c> or <c>slug</c> starts from the named articles (primary key, slug index,
/// earlier slugs' key), whatever its sort and other filters, rather than walking the sort's index and testing each
/// article; its total counts them the same way.
/// </summary>
public sealed class ArticleBatchFilterPlanTests(SeededLibrary library) : IClassFixture<SeededLibrary>
{
    private const string Now = "2030-01-01T00:00:00.000000Z";

    public static TheoryData<string, string, bool> FiltersAndSorts()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var other in new[] { "", "tag", "language", "published" })
        {
            foreach (var sort in new[] { "-publishedAt", "title", "-updatedAt" })
            {
                data.Add(other, sort, false);
                data.Add(other, sort, true);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(FiltersAndSorts))]
    public async Task A_page_by_ids_reads_them_by_primary_key(string other, string sort, bool analyzed)
    {
        await using var connection = library.Open(analyzed);
        var ids = (await connection.QueryAsync<long>("SELECT id FROM articles ORDER BY id DESC LIMIT 50")).ToArray();
        var plan = await PagePlanAsync(connection, await WithAsync(connection, new ArticleFilter(false, Ids: ids), other), sort);
        Assert.Contains("SEARCH a USING INTEGER PRIMARY KEY (rowid=?)", plan);
        Assert.DoesNotContain("SCAN a", plan);
        Assert.DoesNotContain("ix_articles_", plan);
    }

    [Theory]
    [MemberData(nameof(FiltersAndSorts))]
    public async Task A_page_by_slugs_reads_them_by_the_slug_index_and_the_earlier_slugs_key(string other, string sort, bool analyzed)
    {
        await using var connection = library.Open(analyzed);
        var slugs = (await connection.QueryAsync<string>("SELECT slug FROM articles ORDER BY id DESC LIMIT 50")).ToArray();
        var plan = await PagePlanAsync(connection, await WithAsync(connection, new ArticleFilter(false, Slugs: slugs), other), sort);
        Assert.Contains("SEARCH s USING COVERING INDEX sqlite_autoindex_articles_1 (slug=?)", plan);
        Assert.Contains("SEARCH l USING INDEX sqlite_autoindex_article_slug_aliases_1 (slug=?)", plan);
        Assert.Contains("SEARCH a USING INTEGER PRIMARY KEY (rowid=?)", plan);
        Assert.DoesNotContain("SCAN a", plan);
        Assert.DoesNotContain("ix_articles_", plan);
    }

    [Fact]
    public async Task A_total_by_ids_counts_them_by_primary_key()
    {
        await using var connection = library.Open();
        var filter = new ArticleFilter(false, Ids: [1, 2, 3], Language: "zh");
        Assert.Null(ArticleFilters.TotalQuery(filter, Now, FilterDrive.None));
        var (conditions, parameters) = ArticleFilters.ToSql(filter, Now);
        var plan = await connection.QueryPlanAsync($"SELECT count(*) {ArticleFilters.From(filter)} WHERE {string.Join(" AND ", conditions)}", parameters);
        Assert.Contains("SEARCH a USING INTEGER PRIMARY KEY (rowid=?)", plan);
        Assert.DoesNotContain("SCAN a", plan);
    }

    private static async Task<ArticleFilter> WithAsync(SqliteConnection connection, ArticleFilter filter, string other) => other switch
    {
        "tag" => filter with { Tag = await connection.ExecuteScalarAsync<string>("SELECT slug FROM tags ORDER BY id LIMIT 1") },
        "language" => filter with { Language = "zh" },
        "published" => filter with { PublishedAfter = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero) },
        _ => filter,
    };

    private static async Task<string> PagePlanAsync(SqliteConnection connection, ArticleFilter filter, string sort)
    {
        Assert.True(ArticleStore.PublicSorts.TryParse(sort, out var order));
        var drive = await ArticleFilters.WithFewArticlesAsync(connection, filter, Now, ArticleFilters.FewArticles, CancellationToken.None);
        var (conditions, parameters) = ArticleFilters.ToSql(filter, Now, drive);
        return await connection.QueryPlanAsync($"SELECT a.id {ArticleFilters.From(filter)} WHERE {string.Join(" AND ", conditions)} ORDER BY {order.OrderBy("a.id")} LIMIT 21", parameters);
    }
}
