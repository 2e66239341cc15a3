using ContentApi.Data;
using Dapper;
using Microsoft.Data.Sqlite;

namespace ContentApi.Cli;

/// <summary>The last step of <c>restore</c>: the staged copy, holding what must outlive the database it replaces, written over it in one transaction.</summary>
internal static class DatabaseReplacement
{
    /// <summary>
    /// Replaces the database <paramref name="to"/> is open on with the copy <paramref name="staged"/>, once the copy holds
    /// what must outlive the replaced database: its keys merged, its ids and versions never to be given again, a content
    /// version past its own, the time of the restore. All of it is in the copy when the copy replaces the database in one
    /// transaction, so a crash or a second Ctrl+C at any moment leaves either the database as it was or the whole restore
    /// (ids given since the snapshot were given again when these were written after the swap).
    /// </summary>
    /// <returns>What to print of the keys, and which of <see cref="UnreadHighWater"/>'s records of the replaced database could not be read.</returns>
    public static async Task<(IReadOnlyList<string> Keys, IReadOnlyList<string> Unread)> ReplaceAsync(
        Func<Task<SqliteConnection>> openReplaced, TimeProvider clock, SqliteConnection to, string staged, bool targetDamaged, CancellationToken cancellationToken)
    {
        await using var copy = new SqliteConnection(OwnDatabaseFiles.ConnectionString(staged, SqliteOpenMode.ReadWriteCreate));
        await copy.OpenAsync(cancellationToken);
        await MatchPageSizeAsync(copy, to, cancellationToken);
        var damaged = targetDamaged;
        var unread = new List<string>();
        // What a read of the replaced database finds, or whenDamaged when a page it needs is damaged (noted as unread).
        async Task<T> UnlessDamagedAsync<T>(Func<Task<T>> read, T whenDamaged, string? unreadRecord = null)
        {
            try
            {
                return await read();
            }
            catch (SqliteException exception) when (exception.SqliteErrorCode == SqliteDialect.CorruptErrorCode)
            {
                damaged = true;
                if (unreadRecord is not null)
                {
                    unread.Add(unreadRecord);
                }
                return whenDamaged;
            }
        }
        // Rewriting every row's version takes about as long as copying the pages (0.9 s for 10,000 seeded articles), so it
        // is done before the write lock, while a server under --force goes on writing. Under the lock, the rows move again
        // only if a version above all before was given meanwhile (finding none to move took 0.1 s).
        await using (var beforeTheLock = await openReplaced())
        {
            await RestoredVersions.MovePastAsync(copy, await UnlessDamagedAsync(() => RestoredVersions.HighWaterAsync(beforeTheLock), NoVersions), cancellationToken);
        }
        using var replace = new PageCopy(copy, to);
        // A first step of no pages takes the database's write lock, which the backup holds to its last step: from here on
        // no other writer (a server under --force, `keys revoke`) commits before the copy has replaced the database, so no
        // key revoked and no id given meanwhile is missed. A reader in WAL is not held back by that lock and sees what the
        // copy replaces (through a connection of its own: the backup's destination must not be used until it is done).
        replace.LockDestination();
        IReadOnlyList<string> keys;
        await using (var replaced = await openReplaced())
        {
            // A damaged database is replaced with what of it can still be read: a damaged page gives nothing.
            // Written through the backup's source connection, which the backup then copies as it is.
            foreach (var (name, lastId) in await UnlessDamagedAsync(() => IdHighWaterAsync(replaced), [], UnreadHighWater.Ids))
            {
                await copy.ExecuteAsync(SqliteDialect.RaiseIdHighWater, new { Name = name, LastId = lastId });
            }
            // The content version moves on, so no cache entry or list total made before the restore matches after it.
            await copy.ExecuteAsync(SqliteDialect.MoveContentVersionPast, new { Version = await UnlessDamagedAsync(() => ContentVersionAsync(replaced), 0L, UnreadHighWater.ContentVersion) });
            // And each resource's, so no If-Match or ETag given before the restore names other content after it.
            await RestoredVersions.MovePastAsync(copy, await UnlessDamagedAsync(() => RestoredVersions.HighWaterAsync(replaced), NoVersions, UnreadHighWater.Versions), cancellationToken);
            // And Last-Modified, which is never before this (migration 0013), so no If-Modified-Since given before it matches.
            await copy.ExecuteAsync(SqliteDialect.RecordRestore, new { Now = Timestamps.ToDb(clock.GetUtcNow()) });
            var replacedKeys = await UnlessDamagedAsync<IReadOnlyList<RestoredKeys.KeyRow>?>(async () => await RestoredKeys.ReadAsync(replaced), null);
            if (replacedKeys is null)
            {
                keys = await RestoredKeys.UnmergedAsync(copy);
            }
            else
            {
                var merged = (await RestoredKeys.MergeAsync(copy, replacedKeys, cancellationToken)).Lines();
                keys = damaged
                    ? [.. merged, "The replaced database is damaged: what of it could be read was carried over. The restored database's API keys:", .. await RestoredKeys.ListAsync(copy)]
                    : [.. merged];
            }
        }
        // Every page, and the commit: SQLite's online backup replaces the database in one transaction.
        replace.CopyAll(cancellationToken);
        return (keys, unread);
    }

    private static readonly IReadOnlyDictionary<string, long> NoVersions = new Dictionary<string, long>();

    /// <summary>
    /// Rewrites the copy in the database's page size when it has another (a snapshot vacuumed with another
    /// <c>page_size</c>, or made by another tool): SQLite's online backup cannot change the page size of a database in WAL
    /// mode, and failed as if the database were read-only. The copy leaves WAL mode for it, as a page size is set only
    /// outside it.
    /// </summary>
    private static async Task MatchPageSizeAsync(SqliteConnection copy, SqliteConnection to, CancellationToken cancellationToken)
    {
        var pageSize = await to.ExecuteScalarAsync<long>(new CommandDefinition(SqliteDialect.ReadPageSize, cancellationToken: cancellationToken));
        if (await copy.ExecuteScalarAsync<long>(new CommandDefinition(SqliteDialect.ReadPageSize, cancellationToken: cancellationToken)) == pageSize)
        {
            return;
        }
        // VACUUM rewrites every page: a stop signal interrupts it, leaving the copy, which is deleted.
        await SqliteInterrupt.RunAsync(copy, () => copy.ExecuteAsync(SqliteDialect.RewriteInPageSize(pageSize)), cancellationToken);
    }

    /// <summary>The content version (0 before the database has one).</summary>
    private static async Task<long> ContentVersionAsync(SqliteConnection connection) =>
        await connection.ExecuteScalarAsync<bool>(SqliteDialect.HasTable, new { Name = "content_version" })
            ? await connection.ExecuteScalarAsync<long>(SqliteDialect.ReadContentVersionOnly)
            : 0;

    /// <summary>The highest id each table has ever given (none before the database has that record).</summary>
    private static async Task<List<(string Name, long LastId)>> IdHighWaterAsync(SqliteConnection connection) =>
        await connection.ExecuteScalarAsync<bool>(SqliteDialect.HasTable, new { Name = "id_high_water" })
            ? [.. await connection.QueryAsync<(string Name, long LastId)>(SqliteDialect.ReadIdHighWater)]
            : [];
}
