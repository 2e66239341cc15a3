using System.Data.Common;
using ContentApi.Http.Writes;
using Dapper;

namespace ContentApi.Data;

/// <summary>
/// How articles name an author or a tag: through a link table. Deleting one is refused while any article names it
/// (<see cref="InUse"/>): there is no silent cascade.
/// </summary>
internal sealed class ArticleLinks(string what, string linkTable, string linkColumn)
{
    public static ArticleLinks Authors { get; } = new("author", "article_authors", "author_id");

    public static ArticleLinks Tags { get; } = new("tag", "article_tags", "tag_id");

    private readonly string _usedBySql = $"""
        SELECT a.id AS Id, a.slug AS Slug FROM {linkTable} x JOIN articles a ON a.id = x.article_id
        WHERE x.{linkColumn} = @Id ORDER BY a.id LIMIT 20
        """;

    private readonly string _usedByCountSql = $"SELECT COUNT(*) FROM {linkTable} WHERE {linkColumn} = @Id";

    /// <summary>The 409 for deleting <paramref name="id"/> while articles name it; null when none does.</summary>
    public async Task<WriteOutcome<TRow>.Conflict?> RefuseDeleteAsync<TRow>(
        DbConnection connection, DbTransaction transaction, long id, CancellationToken cancellationToken)
    {
        var usedBy = (await connection.QueryAsync<ArticleReference>(new CommandDefinition(_usedBySql, new { Id = id }, transaction, cancellationToken: cancellationToken))).AsList();
        if (usedBy.Count == 0)
        {
            return null;
        }
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(_usedByCountSql, new { Id = id }, transaction, cancellationToken: cancellationToken));
        return InUse.Conflict<TRow>(what, usedBy, total);
    }
}
