using ContentApi.Articles.EarlierSlugs;
using ContentApi.Data;
using ContentApi.Http.Lists;
using ContentApi.Text;
using Dapper;

namespace ContentApi.EarlierSlugs;

/// <summary>
/// Lists and removes the earlier slugs of an article, an author or a tag (article_slug_aliases, migration 0019;
/// author_slug_aliases and tag_slug_aliases, 0032). Table and column names come from <see cref="SlugAliases"/> only.
/// </summary>
public sealed class EarlierSlugStore(Db db, ListTotals totals)
{
    /// <summary>
    /// By slug, as no date is stored for when one stopped being current. Slugs are unique, so the id the cursor
    /// carries (the owner's, the same on every row) never has to break a tie.
    /// </summary>
    public static SortOptions<ArticleEarlierSlugRow> ArticleSorts { get; } = BySlug<ArticleEarlierSlugRow>();

    /// <inheritdoc cref="ArticleSorts"/>
    public static SortOptions<EarlierSlugRow> Sorts { get; } = BySlug<EarlierSlugRow>();

    private static SortOptions<TRow> BySlug<TRow>() where TRow : IEarlierSlugRow => new([new SortField<TRow>("slug", "s.slug", r => r.Slug)], "slug");

    /// <summary>An article's carry whether an import gave them (migration 0024); an author's or a tag's never come from one.</summary>
    private static string Select(SluggedTable owners) => owners == SluggedTable.Articles
        ? "SELECT s.article_id AS OwnerId, s.slug AS Slug, EXISTS (SELECT 1 FROM article_slug_aliases_from_import i WHERE i.slug = s.slug) AS FromImport"
        : $"SELECT s.{SlugAliases.Of(owners).Owner} AS OwnerId, s.slug AS Slug";

    private static string Exists(SluggedTable owners) => $"SELECT EXISTS (SELECT 1 FROM {SlugAllocator.TableName(owners)} WHERE id = @Id)";

    private static string Delete(SluggedTable owners)
    {
        var (table, owner) = SlugAliases.Of(owners);
        return $"DELETE FROM {table} WHERE slug = @Slug AND {owner} = @Id";
    }

    /// <summary>A page of the earlier slugs of the one of <paramref name="owners"/> with this id, or null when none has it.</summary>
    public async Task<Page<TRow>?> ListAsync<TRow>(
        SluggedTable owners, long id, SortOrder<TRow> order, Cursor? after, int limit, int? page, CancellationToken cancellationToken) where TRow : IEarlierSlugRow
    {
        await using var connection = await db.OpenSnapshotAsync(cancellationToken);
        if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition(Exists(owners), new { Id = id }, cancellationToken: cancellationToken)))
        {
            return null;
        }
        var (table, owner) = SlugAliases.Of(owners);
        var parameters = new DynamicParameters();
        parameters.Add("Id", id);
        return await KeysetPage.RunAsync(connection, totals, new KeysetPage.Query<TRow>(
            Select(owners), $"FROM {table} s", [$"s.{owner} = @Id"], parameters, order, $"s.{owner}", r => r.OwnerId, after, limit, page), cancellationToken);
    }

    /// <summary>
    /// Removes the earlier slug from the one of <paramref name="owners"/> with this id, looked up as
    /// <c>GET /{owners}/slug/{slug}</c> looks one up (as written, as stored, then without vowel points); an article's
    /// mark of it coming from an import goes with it (ON DELETE CASCADE).
    /// </summary>
    public Task<EarlierSlugRemoval> RemoveAsync(SluggedTable owners, long id, string slug, CancellationToken cancellationToken) =>
        db.WriteAsync(async (connection, transaction) =>
        {
            if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition(Exists(owners), new { Id = id }, transaction, cancellationToken: cancellationToken)))
            {
                return EarlierSlugRemoval.NoSuchOwner;
            }
            foreach (var spelling in Slugs.Spellings(slug))
            {
                if (await connection.ExecuteAsync(new CommandDefinition(Delete(owners), new { Id = id, Slug = spelling }, transaction, cancellationToken: cancellationToken)) > 0)
                {
                    return EarlierSlugRemoval.Removed;
                }
            }
            return EarlierSlugRemoval.NoSuchSlug;
        }, cancellationToken);
}
