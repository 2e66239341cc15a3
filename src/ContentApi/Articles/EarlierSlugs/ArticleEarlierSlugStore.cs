using ContentApi.Data;
using ContentApi.Http.Lists;
using ContentApi.Text;
using Dapper;

namespace ContentApi.Articles.EarlierSlugs;

/// <summary>Lists and removes the earlier slugs of an article (article_slug_aliases, migration 0019).</summary>
public sealed class ArticleEarlierSlugStore(Db db, ListTotals totals)
{
    private const string Select = """
        SELECT s.article_id AS ArticleId, s.slug AS Slug,
               EXISTS (SELECT 1 FROM article_slug_aliases_from_import i WHERE i.slug = s.slug) AS FromImport
        """;

    private const string Exists = "SELECT EXISTS (SELECT 1 FROM articles WHERE id = @Id)";

    private const string Delete = "DELETE FROM article_slug_aliases WHERE slug = @Slug AND article_id = @Id";

    /// <summary>
    /// By slug, as no date is stored for when one stopped being current. Slugs are unique, so the id the cursor
    /// carries (the article's, the same on every row) never has to break a tie.
    /// </summary>
    public static SortOptions<ArticleEarlierSlugRow> Sorts { get; } = new([new SortField<ArticleEarlierSlugRow>("slug", "s.slug", r => r.Slug)], "slug");

    /// <summary>A page of the article's earlier slugs, or null when no article has the id.</summary>
    public async Task<Page<ArticleEarlierSlugRow>?> ListAsync(
        long id, SortOrder<ArticleEarlierSlugRow> order, Cursor? after, int limit, int? page, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenSnapshotAsync(cancellationToken);
        if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition(Exists, new { Id = id }, cancellationToken: cancellationToken)))
        {
            return null;
        }
        var parameters = new DynamicParameters();
        parameters.Add("Id", id);
        return await KeysetPage.RunAsync(connection, totals, new KeysetPage.Query<ArticleEarlierSlugRow>(
            Select, "FROM article_slug_aliases s", ["s.article_id = @Id"], parameters, order, "s.article_id", r => r.ArticleId, after, limit, page), cancellationToken);
    }

    /// <summary>
    /// Removes the earlier slug from the article, looked up as <c>GET /articles/slug/{slug}</c> looks one up (as
    /// written, as stored, then without vowel points); its mark of coming from an import goes with it (ON DELETE CASCADE).
    /// </summary>
    public Task<EarlierSlugRemoval> RemoveAsync(long id, string slug, CancellationToken cancellationToken) =>
        db.WriteAsync(async (connection, transaction) =>
        {
            if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition(Exists, new { Id = id }, transaction, cancellationToken: cancellationToken)))
            {
                return EarlierSlugRemoval.NoSuchArticle;
            }
            foreach (var spelling in Slugs.Spellings(slug))
            {
                if (await connection.ExecuteAsync(new CommandDefinition(Delete, new { Id = id, Slug = spelling }, transaction, cancellationToken: cancellationToken)) > 0)
                {
                    return EarlierSlugRemoval.Removed;
                }
            }
            return EarlierSlugRemoval.NoSuchSlug;
        }, cancellationToken);
}
