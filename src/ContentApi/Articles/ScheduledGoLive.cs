using System.Data.Common;
using ContentApi.Data;
using Dapper;

namespace ContentApi.Articles;

/// <summary>
/// Records that published articles went live, as Ghost's, Contentful's and Strapi's schedulers do: an article whose
/// <c>publishedAt</c> has come and whose <c>updatedAt</c> is still earlier (its last edit was before it went live) gets
/// <c>updatedAt = publishedAt</c>, the moment readers could first see it. Clients syncing by <c>sort=-updatedAt</c> from
/// the newest <c>updatedAt</c> they saw then take it, and its Last-Modified moves. Its version stays: nobody edited it,
/// so an editor's If-Match still matches; its ETag changes with its representation, as after
/// <see cref="DerivedTextRefresh"/>. Both statements read ix_articles_going_live (migration 0027), which holds only the
/// articles still to record; the update finds nothing for an article that was rescheduled later, unpublished, deleted
/// or edited after its time meanwhile (an edit's updatedAt is already past its publishedAt), and nothing for a second
/// process recording the same moment.
/// </summary>
public static class ScheduledGoLive
{
    /// <summary>Whether an article's going live waits to be recorded at @Now: read first, so that no write is queued when none does.</summary>
    public static readonly string AnyDueSql = $"""
        SELECT EXISTS (SELECT 1 FROM articles {SqliteDialect.IndexHint("ix_articles_going_live")}
                       WHERE status = 'published' AND updated_at < published_at AND published_at <= @Now)
        """;

    public static readonly string RecordDueSql = $"""
        UPDATE articles {SqliteDialect.IndexHint("ix_articles_going_live")} SET updated_at = published_at
        WHERE status = 'published' AND updated_at < published_at AND published_at <= @Now
        """;

    /// <summary>Records, in the caller's transaction, every article that went live by <paramref name="now"/>; returns how many.</summary>
    public static Task<int> RecordDueAsync(DbConnection connection, DbTransaction transaction, DateTimeOffset now, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(RecordDueSql, new { Now = Data.Timestamps.ToDb(now) }, transaction, cancellationToken: cancellationToken));
}
