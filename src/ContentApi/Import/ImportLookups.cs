using System.Data.Common;
using ContentApi.Data;
using ContentApi.Tags;
using ContentApi.Text;
using Dapper;

namespace ContentApi.Import;

/// <summary>How an import looks up the authors, tags and images a file names, in a transaction or outside one.</summary>
internal static class ImportLookups
{
    /// <summary>
    /// How an author or tag the file names is found (its id, then its stored name): by its slug when the file gives
    /// one, else by name. The table name is one of two constants passed by <see cref="MarkdownImporter"/>. A slug is
    /// read as the API reads a slug given as written (<see cref="Slugs.WrittenSpellings"/>): as written first (a slug
    /// stored before slugs had to be NFKC, as its export names it), then in its NFKC spelling, so that a decomposed é
    /// or full-width letters find the author GET /authors/slug/{slug} finds, where the file was refused for a slug it
    /// could not create. A slug no author or tag has now is then looked up among their earlier slugs (<see cref="SlugAliases"/>),
    /// as that lookup answers 301 with the one it leads to: creating one under it would take the slug over from it.
    /// </summary>
    internal sealed record Stored(long Id, string Name);

    internal static string FindSql(string table, NamedRef named)
    {
        if (named.Slug is null)
        {
            return $"SELECT id, name FROM {table} WHERE name = @Name ORDER BY id LIMIT 1";
        }
        var (aliases, owner) = SlugAliases.Of(SlugAliases.OwnersOf(table) ?? throw new ArgumentOutOfRangeException(nameof(table)));
        return $"""
            SELECT id, name FROM (
                SELECT id, name, 0 AS earlier, slug = @Slug AS as_written FROM {table} WHERE slug IN (@Slug, @Respelled)
                UNION ALL
                SELECT o.id, o.name, 1, l.slug = @Slug FROM {aliases} l JOIN {table} o ON o.id = l.{owner} WHERE l.slug IN (@Slug, @Respelled))
            ORDER BY earlier, as_written DESC LIMIT 1
            """;
    }

    /// <summary>The parameters of <see cref="FindSql"/>.</summary>
    internal static object FindKey(NamedRef named) =>
        new { named.Name, named.Slug, Respelled = named.Slug is null ? null : Slugs.ForLookup(named.Slug) };

    /// <summary>Looks an author, tag or image up, in <paramref name="transaction"/> when there is one.</summary>
    internal delegate Task<Stored?> Find(DbConnection connection, DbTransaction? transaction);

    internal static Find FindBySql(string sql, object key, CancellationToken cancellationToken) => (connection, transaction) =>
        connection.QueryFirstOrDefaultAsync<Stored?>(new CommandDefinition(sql, key, transaction, cancellationToken: cancellationToken));

    /// <summary>
    /// <see cref="FindSql"/>, and for a tag then its name as tag names are compared (<see cref="TagNames"/>): a tag is
    /// unique by name so, and one the file names as ai beside a stored AI, or with a slug no tag has, is that one.
    /// </summary>
    internal static Find FindNamed(string table, NamedRef named, CancellationToken cancellationToken) => async (connection, transaction) =>
        await FindBySql(FindSql(table, named), FindKey(named), cancellationToken)(connection, transaction)
        ?? (table == "tags" && await TagNames.FindAsync(connection, transaction, named.Name, null, cancellationToken) is { } tag
            ? new Stored(tag.Id, tag.Name)
            : null);

    /// <summary>Its id, then its URL as the <see cref="Stored"/> name.</summary>
    internal const string ImageIdByUrl = "SELECT id, url AS name FROM images WHERE url = @Url ORDER BY id LIMIT 1";
}
