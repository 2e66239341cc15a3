using System.Data.Common;
using ContentApi.Auth;
using ContentApi.Data;
using Dapper;
using Microsoft.Data.Sqlite;

namespace ContentApi.Cli;

/// <summary>
/// What <c>restore</c> does with API keys. A snapshot restores content, not access: its keys are put back, together
/// with the keys the replaced database had that the snapshot lacks (created after it), and a key revoked in either
/// stays revoked, so restoring an older snapshot never re-enables a key revoked since. Keys are matched by the hash
/// of the key (its identity; names are only labels). A kept active key whose name the snapshot gives to another active
/// key is renamed, so it keeps working and can still be revoked by name (a revoked key's name is free, migration 0023).
/// </summary>
public static class RestoredKeys
{
    /// <summary>A key as the replaced database holds it.</summary>
    public sealed record KeyRow
    {
        public string Name { get; init; } = "";
        public string Prefix { get; init; } = "";
        public string KeyHash { get; init; } = "";
        public string Scope { get; init; } = "";
        public string CreatedAt { get; init; } = "";
        public string? LastUsedAt { get; init; }
        public string? RevokedAt { get; init; }
    }

    private sealed record SnapshotKey
    {
        public long Id { get; init; }
        public string? RevokedAt { get; init; }
    }

    /// <summary>What the merge did, for restore's output.</summary>
    public sealed record Outcome(
        int FromSnapshot, int RevokedInSnapshot, int ReplacedHad,
        IReadOnlyList<string> RevokedSinceSnapshot, IReadOnlyList<KeyRow> Kept, IReadOnlyList<(string Was, string Now)> Renamed)
    {
        public IEnumerable<string> Lines()
        {
            var snapshot = $"API keys: {FromSnapshot} from the snapshot" + (RevokedInSnapshot > 0 ? $" ({RevokedInSnapshot} revoked there)" : "");
            if (ReplacedHad == 0)
            {
                yield return $"{snapshot}, as they were (the replaced database had none).";
                yield break;
            }
            if (RevokedSinceSnapshot.Count == 0 && Kept.Count == 0)
            {
                yield return $"{snapshot}, which has every key of the replaced database, and none revoked there since.";
                yield break;
            }
            yield return $"{snapshot}; from the replaced database ({ReplacedHad} {(ReplacedHad == 1 ? "key" : "keys")}):";
            if (RevokedSinceSnapshot.Count > 0)
            {
                yield return $"  revoked there, so revoked here too: {Quoted(RevokedSinceSnapshot)}";
            }
            if (Kept.Count > 0)
            {
                yield return $"  kept, as the snapshot lacks them: {Quoted(Kept.Select(k => k.RevokedAt is null ? k.Name : $"{k.Name} (revoked)"))}";
            }
            foreach (var (was, now) in Renamed)
            {
                yield return $"  '{was}' is now named '{now}': the snapshot has another key named '{was}'";
            }
        }

        private static string Quoted(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"'{n}'"));
    }

    private const string ReadSql = """
        SELECT name AS Name, prefix AS Prefix, key_hash AS KeyHash, scope AS Scope, created_at AS CreatedAt,
               last_used_at AS LastUsedAt, revoked_at AS RevokedAt
        FROM api_keys ORDER BY id
        """;

    private const string CountSql = "SELECT count(*) AS Keys, count(revoked_at) AS Revoked FROM api_keys";

    private const string FindByHashSql = "SELECT id AS Id, revoked_at AS RevokedAt FROM api_keys WHERE key_hash = @KeyHash";

    /// <summary>Revoked in either stays revoked (the earlier revocation, the snapshot's, is kept); the later last use is kept.</summary>
    private const string MergeSql = """
        UPDATE api_keys SET revoked_at = coalesce(revoked_at, @RevokedAt),
               last_used_at = CASE WHEN last_used_at IS NULL OR @LastUsedAt > last_used_at THEN coalesce(@LastUsedAt, last_used_at) ELSE last_used_at END
        WHERE id = @Id
        """;

    private const string ActiveNamesSql = "SELECT name FROM api_keys WHERE revoked_at IS NULL";

    private const string InsertSql = """
        INSERT INTO api_keys (name, prefix, key_hash, scope, created_at, last_used_at, revoked_at)
        VALUES (@Name, @Prefix, @KeyHash, @Scope, @CreatedAt, @LastUsedAt, @RevokedAt)
        """;

    /// <summary>The keys of the database about to be replaced (none when it is new, or older than keys).</summary>
    public static async Task<IReadOnlyList<KeyRow>> ReadAsync(SqliteConnection connection) =>
        await connection.ExecuteScalarAsync<bool>(SqliteDialect.HasTable, new { Name = "api_keys" })
            ? [.. await connection.QueryAsync<KeyRow>(ReadSql)]
            : [];

    /// <summary>Merges <paramref name="replaced"/> into the keys of the snapshot <paramref name="snapshot"/> is open on, in one transaction.</summary>
    public static async Task<Outcome> MergeAsync(SqliteConnection snapshot, IReadOnlyList<KeyRow> replaced, CancellationToken cancellationToken)
    {
        await using var transaction = await snapshot.BeginTransactionAsync(cancellationToken);
        var (keys, revoked) = await snapshot.QuerySingleAsync<(long, long)>(CountSql, transaction: transaction);
        var revokedSince = new List<string>();
        var kept = new List<KeyRow>();
        var renamed = new List<(string, string)>();
        var missing = new List<KeyRow>();
        foreach (var key in replaced)
        {
            if (await snapshot.QuerySingleOrDefaultAsync<SnapshotKey>(FindByHashSql, key, transaction) is not { } same)
            {
                missing.Add(key);
                continue;
            }
            if (same.RevokedAt is null && key.RevokedAt is not null)
            {
                revokedSince.Add(key.Name);
            }
            await snapshot.ExecuteAsync(MergeSql, new { same.Id, key.RevokedAt, key.LastUsedAt }, transaction);
        }
        // Only after every revocation is merged are the names free that the kept keys may take.
        foreach (var key in missing)
        {
            var name = key.RevokedAt is null ? await FreeNameAsync(snapshot, transaction, key.Name) : key.Name;
            if (name != key.Name)
            {
                renamed.Add((key.Name, name));
            }
            await snapshot.ExecuteAsync(InsertSql, key with { Name = name }, transaction);
            kept.Add(key with { Name = name });
        }
        await transaction.CommitAsync(cancellationToken);
        return new Outcome((int)keys, (int)revoked, replaced.Count, revokedSince, kept, renamed);
    }

    private const string ListSql = "SELECT name AS Name, scope AS Scope, revoked_at AS RevokedAt FROM api_keys ORDER BY id";

    /// <summary>
    /// What restore says when the replaced database's keys could not be read (it is damaged): none were merged, so the
    /// restored database has the snapshot's keys alone, which it names for the operator to revoke or create anew.
    /// </summary>
    public static async Task<IReadOnlyList<string>> UnmergedAsync(SqliteConnection snapshot) =>
    [
        "API keys: the replaced database's could not be read (it is damaged), so none of them were merged: keys created " +
            "since the snapshot are gone, and keys revoked since it are active again (revoke them with `keys revoke NAME`).",
        .. await ListAsync(snapshot),
    ];

    /// <summary>The keys the restored database has, named for the operator once the replaced database was found damaged.</summary>
    public static async Task<IReadOnlyList<string>> ListAsync(SqliteConnection restored)
    {
        var keys = (await restored.QueryAsync<(string Name, string Scope, string? RevokedAt)>(ListSql)).ToList();
        var active = keys.Where(k => k.RevokedAt is null).Select(k => $"'{k.Name}' ({k.Scope})").ToList();
        var revoked = keys.Where(k => k.RevokedAt is not null).Select(k => $"'{k.Name}'").ToList();
        return
        [
            active.Count == 0 ? "  active: none (create one with `keys create`)" : $"  active: {string.Join(", ", active)}",
            .. revoked.Count == 0 ? Array.Empty<string>() : [$"  revoked: {string.Join(", ", revoked)}"],
        ];
    }

    /// <summary>
    /// <paramref name="name"/>, or the first of name-2, name-3, ... that no active key has in any spelling
    /// <see cref="KeyNames"/> compares as the same (cut to keys create's 100 characters, never inside a surrogate pair).
    /// </summary>
    private static async Task<string> FreeNameAsync(SqliteConnection connection, DbTransaction transaction, string name)
    {
        var active = (await connection.QueryAsync<string>(ActiveNamesSql, transaction: transaction)).Select(KeyNames.ForComparison).ToHashSet(StringComparer.Ordinal);
        var candidate = name;
        for (var n = 2; active.Contains(KeyNames.ForComparison(candidate)); n++)
        {
            var suffix = $"-{n}";
            var keep = Math.Min(name.Length, 100 - suffix.Length);
            if (keep > 0 && keep < name.Length && char.IsHighSurrogate(name[keep - 1]))
            {
                keep--;
            }
            candidate = name[..keep] + suffix;
        }
        return candidate;
    }
}
