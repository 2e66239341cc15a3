using ContentApi.Data;
using Dapper;

namespace ContentApi.Auth;

public sealed record ApiKeyRow
{
    public long Id { get; init; }
    public string Name { get; init; } = "";
    public string Prefix { get; init; } = "";
    public string Scope { get; init; } = "";
    public string CreatedAt { get; init; } = "";
    public string? LastUsedAt { get; init; }
    public string? RevokedAt { get; init; }
}

public sealed class ApiKeyStore(Db db, TimeProvider clock)
{
    private const string InsertSql = """
        INSERT INTO api_keys (name, prefix, key_hash, scope, created_at)
        VALUES (@Name, @Prefix, @Hash, @Scope, @Now)
        """;

    private const string FindActiveSql = """
        SELECT id, name, prefix, scope, created_at AS CreatedAt, last_used_at AS LastUsedAt, revoked_at AS RevokedAt
        FROM api_keys WHERE key_hash = @Hash AND revoked_at IS NULL
        """;

    private const string ListSql = """
        SELECT id, name, prefix, scope, created_at AS CreatedAt, last_used_at AS LastUsedAt, revoked_at AS RevokedAt
        FROM api_keys ORDER BY id
        """;

    private const string RevokeSql = "UPDATE api_keys SET revoked_at = @Now WHERE name = @Name AND revoked_at IS NULL";

    private const string TouchSql = "UPDATE api_keys SET last_used_at = @Now WHERE id = @Id";

    /// <summary>Creates a key and returns it; this is the only time the key exists outside the caller.</summary>
    public async Task<string> CreateAsync(string name, ApiKeyScope scope, CancellationToken cancellationToken)
    {
        var key = ApiKeyHasher.NewKey();
        await db.WriteAsync((connection, transaction) => connection.ExecuteAsync(new CommandDefinition(InsertSql, new
        {
            Name = name,
            Prefix = ApiKeyHasher.DisplayPrefix(key),
            Hash = ApiKeyHasher.Hash(key),
            Scope = ApiKeyScopes.ToText(scope),
            Now = Timestamps.ToDb(Timestamps.ServerNow(clock)),
        }, transaction, cancellationToken: cancellationToken)), cancellationToken, changesContent: false);
        return key;
    }

    /// <exception cref="DatabaseFileGoneException">
    /// The file at the database's path is not the server's any more: looked up there, a valid key was unknown (a 401).
    /// </exception>
    public async Task<ApiKeyRow?> FindActiveAsync(string key, CancellationToken cancellationToken)
    {
        if (db.FileIsGone)
        {
            throw new DatabaseFileGoneException($"{db.FilePath} is gone or was replaced.");
        }
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<ApiKeyRow>(
            new CommandDefinition(FindActiveSql, new { Hash = ApiKeyHasher.Hash(key) }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<ApiKeyRow>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<ApiKeyRow>(new CommandDefinition(ListSql, cancellationToken: cancellationToken))];
    }

    public Task<bool> RevokeAsync(string name, CancellationToken cancellationToken) =>
        db.WriteAsync(async (connection, transaction) => await connection.ExecuteAsync(new CommandDefinition(
            RevokeSql, new { Name = name, Now = Timestamps.ToDb(Timestamps.ServerNow(clock)) }, transaction, cancellationToken: cancellationToken)) > 0,
            cancellationToken, changesContent: false);

    public Task TouchAsync(long id, CancellationToken cancellationToken) =>
        db.WriteAsync((connection, transaction) => connection.ExecuteAsync(new CommandDefinition(
            TouchSql, new { Id = id, Now = Timestamps.ToDb(Timestamps.ServerNow(clock)) }, transaction, cancellationToken: cancellationToken)),
            cancellationToken, changesContent: false);
}
