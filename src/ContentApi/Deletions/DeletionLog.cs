using System.Data.Common;
using ContentApi.Data;
using Dapper;

namespace ContentApi.Deletions;

/// <summary>Records what leaves view (migration 0029), in the transaction of the write that makes it leave.</summary>
public static class DeletionLog
{
    private const string InsertSql = """
        INSERT INTO deletions (type, item_id, slug, reason, deleted_at, was_public)
        VALUES (@Type, @ItemId, @Slug, @Reason, @At, @WasPublic)
        """;

    /// <param name="wasPublic">Whether anonymous callers saw it until this write: only such entries are shown to them.</param>
    public static Task RecordAsync(
        DbConnection connection, DbTransaction transaction, DeletionType type, long id, string? slug, DeletionReason reason, DateTimeOffset at, bool wasPublic,
        CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(InsertSql, new
        {
            Type = type.ToString().ToLowerInvariant(),
            ItemId = id,
            Slug = slug,
            Reason = reason.ToString().ToLowerInvariant(),
            At = Timestamps.ToDb(at),
            WasPublic = wasPublic,
        }, transaction, cancellationToken: cancellationToken));

    /// <summary>
    /// An author, tag or image deleted. Anonymous callers no longer see one then: each is shown to them only while a live
    /// article uses it (an image also as a shown author's avatar), and its delete is refused (409) while any article,
    /// or for an image any author, still does; the write that hid it recorded it withdrawn (<see cref="WithdrawnRelations"/>).
    /// </summary>
    public static Task RecordDeletedAsync(
        DbConnection connection, DbTransaction transaction, DeletionType type, long id, string? slug, DateTimeOffset at, CancellationToken cancellationToken) =>
        RecordAsync(connection, transaction, type, id, slug, DeletionReason.Deleted, at, wasPublic: false, cancellationToken);
}
