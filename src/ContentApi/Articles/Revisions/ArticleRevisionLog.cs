using System.Data.Common;
using ContentApi.Data;
using Dapper;

namespace ContentApi.Articles.Revisions;

/// <summary>
/// Stores the version of an article a write replaces or deletes (migration 0031), in that write's transaction, before
/// it changes the row: one INSERT … SELECT of the stored row and its links, and the prune of the oldest beyond the bound.
/// </summary>
public static class ArticleRevisionLog
{
    private static readonly string RecordSql = $"""
        INSERT INTO article_revisions (article_id, version, slug, title, subtitle, excerpt, body, language, status, published_at,
                                       earlier_published_at, cover_image_id, canonical_url, author_ids, tag_ids, image_ids,
                                       created_at, updated_at, created_by, updated_by, replaced_at, deleted)
        SELECT a.id, a.version, a.slug, a.title, a.subtitle, a.excerpt, a.body, a.language, a.status, a.published_at,
               a.earlier_published_at, a.cover_image_id, a.canonical_url,
               (SELECT {SqliteDialect.JsonArrayOf("x.author_id")} FROM (SELECT author_id FROM article_authors WHERE article_id = a.id ORDER BY position) x),
               (SELECT {SqliteDialect.JsonArrayOf("x.tag_id")} FROM (SELECT tag_id FROM article_tags WHERE article_id = a.id ORDER BY position) x),
               (SELECT {SqliteDialect.JsonArrayOf("x.image_id")} FROM (SELECT image_id FROM article_images WHERE article_id = a.id ORDER BY position) x),
               a.created_at, a.updated_at, a.created_by, a.updated_by, @At, @Deleted
        FROM articles a WHERE a.id = @Id
        ON CONFLICT (article_id, version) DO NOTHING;
        DELETE FROM article_revisions WHERE article_id = @Id AND version <=
            (SELECT version FROM article_revisions WHERE article_id = @Id ORDER BY version DESC LIMIT 1 OFFSET @Keep)
        """;

    /// <param name="deleted">Whether the write deletes the article (its last version), rather than replacing it.</param>
    public static Task RecordAsync(
        DbConnection connection, DbTransaction transaction, long id, DateTimeOffset at, bool deleted, int keep, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(RecordSql, new { Id = id, At = Timestamps.ToDb(at), Deleted = deleted, Keep = keep },
            transaction, cancellationToken: cancellationToken));
}
