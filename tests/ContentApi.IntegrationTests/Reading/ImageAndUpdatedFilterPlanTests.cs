using ContentApi.Articles;
using Dapper;
using Microsoft.Data.Sqlite;

namespace ContentApi.IntegrationTests.Reading;

/// <summary>
/// The imageId filter finds an image's articles through the indexes the 409 of an image's DELETE reads
/// (ix_articles_cover, ix_article_images_image) and ix_authors_avatar, or tests each article it walks by its links'
/// primary keys; an updatedAfter sync reads ix_articles_updated from its instant on. Checked on SQLite's query plans;
/// both imageId forms select the same articles.
/// </summary>
public sealed class ImageAndUpdatedFilterPlanTests(SeededLibrary library) : IClassFixture<SeededLibrary>
{
    private const string Now = "2030-01-01T00:00:00.000000Z";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_page_and_a_count_for_images_with_few_articles_seek_the_cover_and_links_indexes(bool analyzed)
    {
        await using var connection = library.Open(analyzed);
        var filter = await ImagesFilterAsync(connection);
        var page = await PagePlanAsync(connection, filter, FilterDrive.ImageIds, "a.published_at DESC, a.id DESC");
        Assert.Contains("SEARCH c USING COVERING INDEX ix_articles_cover (cover_image_id=?)", page);
        Assert.Contains("SEARCH x USING COVERING INDEX ix_article_images_image (image_id=?)", page);
        Assert.Contains("SEARCH u USING COVERING INDEX ix_authors_avatar (avatar_image_id=?)", page);
        Assert.Contains("SEARCH y USING COVERING INDEX ix_article_authors_author (author_id=?)", page);
        // By id: its primary key, or once analyzed the visibility index, which leads with it.
        Assert.Matches(@"SEARCH a USING (INTEGER PRIMARY KEY \(rowid=\?\)|COVERING INDEX ix_articles_visibility \(id=\?)", page);
        Assert.DoesNotContain("SCAN a", page);

        var count = await connection.QueryPlanAsync(ArticleFilters.TotalQuery(filter, Now, FilterDrive.ImageIds)!.Sql, ArticleFilters.ToSql(filter, Now).Parameters);
        Assert.Contains("SEARCH c USING COVERING INDEX ix_articles_cover (cover_image_id=?)", count);
        Assert.Contains("SEARCH x USING COVERING INDEX ix_article_images_image (image_id=?)", count);
        Assert.Contains("SEARCH u USING COVERING INDEX ix_authors_avatar (avatar_image_id=?)", count);
        Assert.DoesNotContain("SCAN", count.Replace("SCAN json_each VIRTUAL TABLE", "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_page_for_images_with_many_articles_walks_the_order_and_probes_each_articles_links()
    {
        await using var connection = library.Open();
        var filter = await ImagesFilterAsync(connection);
        var plan = await PagePlanAsync(connection, filter, FilterDrive.None, "a.published_at DESC, a.id DESC");
        Assert.Contains("ix_articles_published (status=? AND published_at<?)", plan);
        Assert.Contains("SEARCH x USING COVERING INDEX sqlite_autoindex_article_images_1 (article_id=? AND image_id=?)", plan);
        Assert.Contains("SEARCH y USING COVERING INDEX sqlite_autoindex_article_authors_1 (article_id=?)", plan);
        Assert.Contains("SEARCH u USING INTEGER PRIMARY KEY (rowid=?)", plan);
        Assert.DoesNotContain("TEMP B-TREE", plan);
    }

    [Fact]
    public async Task Both_image_forms_select_the_same_articles_and_count_them_alike()
    {
        await using var connection = library.Open();
        var filter = await ImagesFilterAsync(connection);
        // The seed gives no author an avatar: one of the images becomes the avatar of the author with the fewest articles.
        var author = await connection.ExecuteScalarAsync<long>("SELECT author_id FROM article_authors GROUP BY author_id ORDER BY count(*), author_id LIMIT 1");
        await connection.ExecuteAsync("UPDATE authors SET avatar_image_id = @Image WHERE id = @Author", new { Image = filter.ImageIds![1], Author = author });
        try
        {
            await SelectTheSameArticlesAsync(connection, filter);
        }
        finally
        {
            await connection.ExecuteAsync("UPDATE authors SET avatar_image_id = NULL WHERE id = @Author", new { Author = author });
        }
    }

    private static async Task SelectTheSameArticlesAsync(SqliteConnection connection, ArticleFilter filter)
    {
        var shown = (await connection.QueryAsync<long>("""
            SELECT a.id FROM articles a WHERE a.status = 'published' AND a.published_at <= @Now
              AND (a.cover_image_id IN @Ids OR a.id IN (SELECT article_id FROM article_images WHERE image_id IN @Ids)) ORDER BY a.id
            """, new { Now, Ids = filter.ImageIds })).AsList();
        var expected = (await connection.QueryAsync<long>("""
            SELECT a.id FROM articles a WHERE a.status = 'published' AND a.published_at <= @Now
              AND (a.cover_image_id IN @Ids OR a.id IN (SELECT article_id FROM article_images WHERE image_id IN @Ids)
                OR a.id IN (SELECT y.article_id FROM article_authors y JOIN authors u ON u.id = y.author_id WHERE u.avatar_image_id IN @Ids)) ORDER BY a.id
            """, new { Now, Ids = filter.ImageIds })).AsList();
        Assert.NotEmpty(shown);
        Assert.True(expected.Count > shown.Count, "the avatar's author has articles not showing the images otherwise");
        foreach (var drive in new[] { FilterDrive.None, FilterDrive.ImageIds })
        {
            var (conditions, parameters) = ArticleFilters.ToSql(filter, Now, drive);
            Assert.Equal(expected, await connection.QueryAsync<long>($"SELECT a.id FROM articles a WHERE {string.Join(" AND ", conditions)} ORDER BY a.id", parameters));
        }
        var (_, counted) = ArticleFilters.ToSql(filter, Now);
        Assert.Equal(expected.Count, await connection.ExecuteScalarAsync<long>(ArticleFilters.TotalQuery(filter, Now, FilterDrive.ImageIds)!.Sql, counted));
        var uses = await connection.ExecuteScalarAsync<int>(
            "SELECT (SELECT count(*) FROM articles WHERE cover_image_id IN @Ids) + (SELECT count(*) FROM article_images WHERE image_id IN @Ids)" +
            " + (SELECT count(*) FROM article_authors y JOIN authors u ON u.id = y.author_id WHERE u.avatar_image_id IN @Ids)", new { Ids = filter.ImageIds });
        Assert.Equal(FilterDrive.ImageIds, await ArticleFilters.WithFewArticlesAsync(connection, filter, Now, uses, CancellationToken.None));
        Assert.Equal(FilterDrive.None, await ArticleFilters.WithFewArticlesAsync(connection, filter, Now, uses - 1, CancellationToken.None));
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public async Task A_sync_sorted_by_updatedAt_reads_the_updated_index_from_its_instant(bool includeUnpublished, bool analyzed)
    {
        await using var connection = library.Open(analyzed);
        var after = await connection.ExecuteScalarAsync<string>("SELECT updated_at FROM articles ORDER BY updated_at DESC LIMIT 1 OFFSET 20");
        var filter = new ArticleFilter(includeUnpublished, UpdatedAfter: DateTimeOffset.Parse(after!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(ArticleStore.PrivateSorts.TryParse("updatedAt", out var order));
        var plan = await PagePlanAsync(connection, filter, FilterDrive.None, order.OrderBy("a.id"));
        Assert.Contains("INDEX ix_articles_updated (updated_at>?)", plan);
        Assert.DoesNotContain("TEMP B-TREE", plan);
    }

    private static Task<string> PagePlanAsync(SqliteConnection connection, ArticleFilter filter, FilterDrive drive, string orderBy)
    {
        var (conditions, parameters) = ArticleFilters.ToSql(filter, Now, drive);
        return connection.QueryPlanAsync($"SELECT a.id FROM articles a WHERE {string.Join(" AND ", conditions)} ORDER BY {orderBy} LIMIT 21", parameters);
    }

    /// <summary>The two images with the most uses by published articles, as covers or inline.</summary>
    private static async Task<ArticleFilter> ImagesFilterAsync(SqliteConnection connection)
    {
        var ids = (await connection.QueryAsync<long>("""
            SELECT i.id FROM images i
            ORDER BY (SELECT count(*) FROM articles a WHERE a.cover_image_id = i.id AND a.status = 'published')
                + (SELECT count(*) FROM article_images x JOIN articles a ON a.id = x.article_id WHERE x.image_id = i.id AND a.status = 'published') DESC, i.id LIMIT 2
            """)).ToArray();
        return new ArticleFilter(false, ImageIds: ids);
    }
}
