using ContentApi.Data;
using Dapper;

namespace ContentApi.Idempotency;

public sealed record StoredResponse
{
    public string RequestHash { get; init; } = "";
    public long Status { get; init; }
    public string? ContentType { get; init; }
    public string? Location { get; init; }
    public string? ETag { get; init; }
    public string? LastModified { get; init; }
    public byte[] Body { get; init; } = [];
    public string CreatedAt { get; init; } = "";
}

public sealed class IdempotencyStore(Db db, TimeProvider clock)
{
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    /// <summary>
    /// Written in the same transaction as the request's write, with the created resource's URL; status 0 means "done,
    /// response not stored yet". Only an
    /// expired use of the key is replaced: a live one (another instance's request with the same key) fails the insert.
    /// </summary>
    public const string ReserveSql = $"""
        DELETE FROM idempotency_keys WHERE api_key_id = @ApiKeyId AND key = @Key AND created_at < @Since;
        INSERT INTO idempotency_keys (api_key_id, key, request_hash, status, content_type, location, etag, last_modified, body, created_at)
        VALUES (@ApiKeyId, @Key, @RequestHash, 0, NULL, @Location, NULL, NULL, {SqliteDialect.EmptyBlob}, @Now);
        """;

    private const string FindSql = """
        SELECT request_hash AS RequestHash, status AS Status, content_type AS ContentType, location AS Location,
               etag AS ETag, last_modified AS LastModified, body AS Body, created_at AS CreatedAt
        FROM idempotency_keys WHERE api_key_id = @KeyId AND key = @Key AND created_at >= @Since
        """;

    private static readonly string SaveSql = $"""
        DELETE FROM idempotency_keys WHERE created_at < @Since;
        {SqliteDialect.InsertOrReplaceInto("idempotency_keys")} (api_key_id, key, request_hash, status, content_type, location, etag, last_modified, body, created_at)
        VALUES (@KeyId, @Key, @RequestHash, @Status, @ContentType, @Location, @ETag, @LastModified, @Body, @Now);
        """;

    public async Task<StoredResponse?> FindAsync(long keyId, string key, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<StoredResponse>(new CommandDefinition(
            FindSql, new { KeyId = keyId, Key = key, Since = Since() }, cancellationToken: cancellationToken));
    }

    public Task SaveAsync(long keyId, string key, StoredResponse response, CancellationToken cancellationToken) =>
        db.WriteAsync((connection, transaction) => connection.ExecuteAsync(new CommandDefinition(SaveSql, new
        {
            KeyId = keyId,
            Key = key,
            response.RequestHash,
            response.Status,
            response.ContentType,
            response.Location,
            response.ETag,
            response.LastModified,
            response.Body,
            Since = Since(),
            Now = Timestamps.ToDb(clock.GetUtcNow()),
        }, transaction, cancellationToken: cancellationToken)), cancellationToken, changesContent: false);

    private string Since() => Timestamps.ToDb(clock.GetUtcNow() - Retention);
}
