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

    private const string ActiveSql = """
        SELECT id, name, prefix, scope, created_at AS CreatedAt, last_used_at AS LastUsedAt, revoked_at AS RevokedAt
        FROM api_keys WHERE revoked_at IS NULL ORDER BY id
        """;

    private const string RevokeSql = "UPDATE api_keys SET revoked_at = @Now WHERE id = @Id AND revoked_at IS NULL";

    private const string TouchSql = "UPDATE api_keys SET last_used_at = @Now WHERE id = @Id";

    /// <summary>Creates a key and returns it; this is the only time the key exists outside the caller.</summary>
    /// <exception cref="KeyNameTakenException">An active key has the name, as <see cref="KeyNames"/> compares names.</exception>
    public async Task<string> CreateAsync(string name, ApiKeyScope scope, CancellationToken cancellationToken)
    {
        var key = ApiKeyHasher.NewKey();
        try
        {
            await db.WriteAsync(async (connection, transaction) =>
            {
                // The unique index compares bytes; the other spellings of the name are looked for here, in the write's transaction.
                var active = await connection.QueryAsync<ApiKeyRow>(new CommandDefinition(ActiveSql, transaction: transaction, cancellationToken: cancellationToken));
                if (active.Any(row => KeyNames.Same(row.Name, name)))
                {
                    throw new KeyNameTakenException(name);
                }
                return await connection.ExecuteAsync(new CommandDefinition(InsertSql, new
                {
                    Name = name,
                    Prefix = ApiKeyHasher.DisplayPrefix(key),
                    Hash = ApiKeyHasher.Hash(key),
                    Scope = ApiKeyScopes.ToText(scope),
                    Now = Timestamps.ToDb(Timestamps.ServerNow(clock)),
                }, transaction, cancellationToken: cancellationToken));
            }, cancellationToken, changesContent: false);
        }
        catch (Microsoft.Data.Sqlite.SqliteException exception) when (SqliteDialect.IsUniqueViolation(exception))
        {
            throw new KeyNameTakenException(name);
        }
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

    /// <summary>
    /// The active keys named <paramref name="name"/> (as <see cref="KeyNames"/> compares names), of those whose prefix
    /// starts with <paramref name="prefix"/> when given; the key is revoked only when they are one. Several are keys
    /// stored before names had one spelling, which look alike: which one is meant is not guessed.
    /// </summary>
    public Task<IReadOnlyList<ApiKeyRow>> RevokeAsync(string name, string? prefix, CancellationToken cancellationToken) =>
        db.WriteAsync<IReadOnlyList<ApiKeyRow>>(async (connection, transaction) =>
        {
            var active = await connection.QueryAsync<ApiKeyRow>(new CommandDefinition(ActiveSql, transaction: transaction, cancellationToken: cancellationToken));
            List<ApiKeyRow> named = [.. active.Where(row => KeyNames.Same(row.Name, name)
                && (prefix is null || row.Prefix.StartsWith(prefix.TrimEnd('…'), StringComparison.Ordinal)))];
            if (named is [var only])
            {
                await connection.ExecuteAsync(new CommandDefinition(RevokeSql, new { only.Id, Now = Timestamps.ToDb(Timestamps.ServerNow(clock)) },
                    transaction, cancellationToken: cancellationToken));
            }
            return named;
        }, cancellationToken, changesContent: false);

    public Task TouchAsync(long id, CancellationToken cancellationToken) =>
        db.WriteAsync((connection, transaction) => connection.ExecuteAsync(new CommandDefinition(
            TouchSql, new { Id = id, Now = Timestamps.ToDb(Timestamps.ServerNow(clock)) }, transaction, cancellationToken: cancellationToken)),
            cancellationToken, changesContent: false);
}
