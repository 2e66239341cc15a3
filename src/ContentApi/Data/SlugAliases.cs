using System.Data.Common;
using Dapper;

namespace ContentApi.Data;

/// <summary>
/// The earlier slugs of authors and tags (author_slug_aliases and tag_slug_aliases, migration 0032), kept as an
/// article's are (article_slug_aliases, 0019): each leads to the one whose slug it was. Table names come only from here.
/// </summary>
internal static class SlugAliases
{
    /// <summary>The table of <paramref name="owners"/>' earlier slugs and its column naming the owner.</summary>
    public static (string Table, string Owner) Of(SluggedTable owners) => owners switch
    {
        SluggedTable.Articles => ("article_slug_aliases", "article_id"),
        SluggedTable.Authors => ("author_slug_aliases", "author_id"),
        SluggedTable.Tags => ("tag_slug_aliases", "tag_id"),
        _ => throw new ArgumentOutOfRangeException(nameof(owners)),
    };

    /// <summary>The owners of earlier slugs that an export's table holds (articles, authors, tags), else null.</summary>
    public static SluggedTable? OwnersOf(string table) => table switch
    {
        "articles" => SluggedTable.Articles,
        "authors" => SluggedTable.Authors,
        "tags" => SluggedTable.Tags,
        _ => null,
    };

    /// <summary>Every earlier slug of <paramref name="owners"/>, with its owner's id, by owner and slug.</summary>
    public static string AllSql(SluggedTable owners)
    {
        var (table, owner) = Of(owners);
        return $"SELECT {owner}, slug FROM {table} ORDER BY {owner}, slug";
    }

    /// <summary>The slug an author or a tag is leaving (@Slug) leads to it (@Id) from now on, whoever it led to before.</summary>
    public static string KeepSql(SluggedTable owners)
    {
        var (table, owner) = Of(owners);
        return $"INSERT INTO {table} (slug, {owner}) VALUES (@Slug, @Id) ON CONFLICT (slug) DO UPDATE SET {owner} = excluded.{owner}";
    }

    /// <summary>An earlier slug (@Slug) taken over by the one given it explicitly.</summary>
    public static string DeleteSql(SluggedTable owners) => $"DELETE FROM {Of(owners).Table} WHERE slug = @Slug";

    /// <summary>The id of the one an earlier slug (@Key) leads to.</summary>
    public static string OwnerOfSql(SluggedTable owners)
    {
        var (table, owner) = Of(owners);
        return $"SELECT l.{owner} FROM {table} l WHERE l.slug = @Key";
    }

    /// <summary>
    /// The current slug of the one an earlier slug (the parameter <paramref name="slug"/>) leads to, as
    /// <paramref name="alias"/>.slug of <paramref name="ownerTable"/>.
    /// </summary>
    public static string CurrentSlugSql(SluggedTable owners, string ownerTable, string alias, string slug)
    {
        var (table, owner) = Of(owners);
        return $"SELECT {alias}.slug FROM {table} l JOIN {ownerTable} {alias} ON {alias}.id = l.{owner} WHERE l.slug = {slug}";
    }

    /// <summary>
    /// The slug chosen for an author or a tag (<paramref name="id"/>) stops being an earlier slug, its own or another's,
    /// and the one it leaves (<paramref name="leaving"/>, null for a new one) leads to it from now on.
    /// </summary>
    public static async Task MoveAsync(
        DbConnection connection, DbTransaction transaction, SluggedTable owners, long id, string? leaving, SlugChoice chosen, CancellationToken cancellationToken)
    {
        if (chosen.TakesOverAlias)
        {
            await connection.ExecuteAsync(new CommandDefinition(DeleteSql(owners), new { chosen.Slug }, transaction, cancellationToken: cancellationToken));
        }
        if (leaving is not null && leaving != chosen.Slug)
        {
            await connection.ExecuteAsync(new CommandDefinition(KeepSql(owners), new { Slug = leaving, Id = id }, transaction, cancellationToken: cancellationToken));
        }
    }
}
