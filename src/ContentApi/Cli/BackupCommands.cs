using System.CommandLine;
using ContentApi.Data;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace ContentApi.Cli;

/// <summary><c>backup PATH</c> and <c>restore PATH</c>.</summary>
public static class BackupCommands
{
    public static Command Backup(TextWriter output, Action<WebApplicationBuilder>? configure)
    {
        var path = PathArgument.Create("File to write the snapshot to (must not exist).");
        var command = new Command("backup", "Write a consistent snapshot of the live database (the server may keep serving and writing), then verify it.") { path };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var written = parse.GetRequiredValue(path);
            var target = Path.GetFullPath(written);
            if (Path.EndsInDirectorySeparator(written) && !File.Exists(Path.TrimEndingDirectorySeparator(target)))
            {
                await Console.Error.WriteLineAsync($"{written} names a folder; give the snapshot's file, such as {Path.Combine(target, "content.db")}.");
                return 1;
            }
            if (File.Exists(Path.TrimEndingDirectorySeparator(target)) || Directory.Exists(target))
            {
                await Console.Error.WriteLineAsync($"{Path.TrimEndingDirectorySeparator(target)} already exists; choose a new file.");
                return 1;
            }
            if (AncestorFile(target) is { } file)
            {
                await Console.Error.WriteLineAsync($"{file} is a file, not a folder: no snapshot can be written under it.");
                return 1;
            }
            if (await CommandHost.StartExistingAsync(cancellationToken, configure) is not { } app)
            {
                return 1;
            }
            await using var started = app;
            var db = app.Services.GetRequiredService<Db>();
            if (DatabaseFile.CompanionSuffix(target, db.FilePath) is { } suffix)
            {
                await Console.Error.WriteLineAsync(DatabaseFile.CompanionRefusal(target, suffix));
                return 1;
            }
            // The snapshot is written beside the target and renamed into place only once verified, so a refused or
            // failed backup (a newer schema, a failed check, a full disk, Ctrl+C) leaves nothing at the path, and a
            // retry there is not told it already exists; nor does the path ever hold a snapshot that is not whole.
            var createdFolders = CreatedFolders.Create(Path.GetDirectoryName(target)!);
            // A short name of its own: the target's with a suffix would not fit beside a name near the 255-byte limit.
            var partial = Path.Combine(Path.GetDirectoryName(target)!, $"backup-{Guid.NewGuid().ToString("N")[..8]}.partial");
            var done = false;
            try
            {
                await using (var connection = await db.OpenAsync(cancellationToken))
                {
                    try
                    {
                        // VACUUM INTO copies one read transaction's view: consistent while writers carry on in WAL. It
                        // writes into an empty file as into a new one, and this one only its owner may read.
                        PrivateFiles.CreateEmpty(partial);
                        await SqliteInterrupt.RunAsync(connection, () => connection.ExecuteAsync(SqliteDialect.BackupInto, new { Path = partial }), cancellationToken);
                    }
                    catch (Exception exception) when (exception is SqliteException { SqliteErrorCode: SqliteDialect.CannotOpenErrorCode } or UnauthorizedAccessException)
                    {
                        // SQLite names the partial file it could not create, which read as the database failing.
                        await Console.Error.WriteLineAsync($"Cannot write in {Path.GetDirectoryName(target)} (check the folder's permissions); nothing was written to {target}.");
                        return 1;
                    }
                    catch (Exception exception) when (SnapshotWriteFailure(exception) is { } reason)
                    {
                        // SQLite's raw "database or disk is full" named neither the path nor what to do.
                        await Console.Error.WriteLineAsync($"Cannot write the snapshot to {target}: {reason}; nothing was written to {target}.");
                        return 1;
                    }
                }
                if (await SnapshotProblemAsync(partial, cancellationToken) is { } problem)
                {
                    await Console.Error.WriteLineAsync($"The snapshot {problem}; nothing was written to {target}.");
                    return 1;
                }
                try
                {
                    File.Move(partial, target, overwrite: false);
                }
                catch (IOException) when (File.Exists(target) || Directory.Exists(target))
                {
                    await Console.Error.WriteLineAsync($"{target} was created while the backup ran; choose a new file.");
                    return 1;
                }
                done = true;
            }
            finally
            {
                if (!done)
                {
                    DeleteDatabaseFiles(partial);
                    createdFolders.RemoveEmpty();
                }
            }
            await output.WriteLineAsync($"Backed up to {target} ({new FileInfo(target).Length} bytes); integrity check ok.");
            return 0;
        });
        return command;
    }

    /// <summary>Why the snapshot's file could not be written, when its disk refused it (null for any other failure).</summary>
    private static string? SnapshotWriteFailure(Exception exception) =>
        SqliteDialect.IsFull(exception) ? DiskRefusal.Full
        : exception is SqliteException sqlite && SqliteDialect.WriteIoErrorExtendedCodes.Contains(sqlite.SqliteExtendedErrorCode)
            ? "its disk refused the write (a file-size limit such as ulimit -f or LimitFSIZE, or a disk read-only or failing); raise the limit, or choose a path on another disk"
        : DiskRefusal.Reason(exception); // the partial file's creation, in .NET's words naming it

    /// <summary>The nearest folder on the way to <paramref name="target"/> that is a file instead, if one is.</summary>
    private static string? AncestorFile(string target)
    {
        for (var parent = Path.GetDirectoryName(target); parent is not null; parent = Path.GetDirectoryName(parent))
        {
            if (File.Exists(parent))
            {
                return parent;
            }
        }
        return null;
    }

    public static Command Restore(TextWriter output, Action<WebApplicationBuilder>? configure)
    {
        var path = PathArgument.Create("A snapshot written by backup.");
        var force = new Option<bool>("--force") { Description = "Restore even though a server is using the database (its readers see the restored content)." };
        var command = new Command("restore", "Replace the database's content with a snapshot; refuses while a server uses the database unless --force.") { path, force };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var source = Path.GetFullPath(parse.GetRequiredValue(path));
            if (Directory.Exists(source))
            {
                await Console.Error.WriteLineAsync($"{source} is a folder; give the snapshot file that backup wrote.");
                return 1;
            }
            if (!File.Exists(source))
            {
                // File.Exists is false too for a file in a folder the user may not search.
                await Console.Error.WriteLineAsync(OpeningFailure(source) is UnauthorizedAccessException ? $"{source} {DeniedReading}; the database was left as it was." : $"{source} does not exist.");
                return 1;
            }
            if (await SnapshotProblemAsync(source, cancellationToken) is { } problem)
            {
                await Console.Error.WriteLineAsync($"{source} {problem}; the database was left as it was.");
                return 1;
            }
            await using var app = CommandHost.Build(configure);
            var db = app.Services.GetRequiredService<Db>();
            // The database replaced must be ours (or new): a connection string naming another application's file would
            // have it overwritten. One a newer build migrated may be replaced: going back to a snapshot is how a
            // failed upgrade is undone; and so may a damaged one, which is what a restore is for.
            var targetDamaged = false;
            try
            {
                await DatabaseFile.CheckAsync(db.ConnectionString, cancellationToken);
            }
            catch (DatabaseFileException exception)
            {
                targetDamaged = exception.IsDamaged;
                if (!exception.IsNewerSchema && !exception.IsDamaged)
                {
                    await Console.Error.WriteLineAsync(exception.Message);
                    return 1;
                }
            }
            if (ServerLock.RealPath(Path.GetFullPath(DatabaseFile.PathOf(db.ConnectionString))) == ServerLock.RealPath(source))
            {
                await Console.Error.WriteLineAsync($"{source} is the database itself; give a snapshot that backup wrote.");
                return 1;
            }
            // First: where there is no folder yet (a new machine), probing the server's lock file failed, and read as in use.
            SqliteDialect.EnsureDirectoryExists(db.ConnectionString);
            if (ServerLock.IsHeld(db.ConnectionString) && !parse.GetValue(force))
            {
                await Console.Error.WriteLineAsync("The database is in use by a running server. Stop it first, or pass --force.");
                return 2;
            }
            var databaseFile = DatabaseFile.PathOf(db.ConnectionString);
            // The snapshot is copied beside the database and the keys merged into that copy, which then replaces the
            // database's pages in one step: whatever stops the restore (a crash, a server's write lock outlasting the
            // busy timeout under --force), the database never holds the snapshot's keys without the revocations since.
            var staged = $"{databaseFile}.restoring-{Guid.NewGuid().ToString("N")[..8]}";
            IReadOnlyList<string> keys;
            IReadOnlyList<string> unread;
            try
            {
                PrivateFiles.CreateEmpty(staged);
                if (await StageAsync(app.Services, source, staged, cancellationToken) is { } refusal)
                {
                    await Console.Error.WriteLineAsync($"{source} {refusal}; the database was left as it was.");
                    return 1;
                }
                Func<Task<SqliteConnection>> open = targetDamaged ? () => OpenDamagedAsync(databaseFile, cancellationToken) : () => db.OpenAsync(cancellationToken);
                await using var to = await open();
                (keys, unread) = await ReplaceAsync(open, app.Services.GetRequiredService<TimeProvider>(), to, staged, targetDamaged, cancellationToken);
            }
            catch (Exception exception) when (SqliteDialect.IsFull(exception) || DiskRefusal.Reason(exception) == DiskRefusal.Full)
            {
                // SQLite's "database or disk is full" named no file; the copy beside the database is what needs the room.
                await Console.Error.WriteLineAsync(
                    $"Cannot restore {source} into {databaseFile}: its disk is full (a restore needs room beside the database for one more copy of the snapshot: free space on it); the database was left as it was.");
                return 1;
            }
            finally
            {
                DeleteDatabaseFiles(staged);
            }
            await output.WriteLineAsync($"Restored {source} into {databaseFile}.");
            foreach (var line in keys)
            {
                // Key names come from database files (the snapshot's, the replaced one's).
                await output.WriteLineAsync(TerminalText.Escaped(line));
            }
            if (unread.Count > 0)
            {
                await Console.Error.WriteLineAsync(UnreadHighWater.Warning(unread));
            }
            // The analysis is the snapshot's: an older one's index misses words until reindexed, as the server will log.
            if (await ReindexAdvice.LineAsync(db, cancellationToken) is { } advice)
            {
                await Console.Error.WriteLineAsync(advice);
            }
            return 0;
        });
        return command;
    }

    /// <summary>
    /// Copies the snapshot to <paramref name="staged"/> and brings it up to this schema; why it cannot be restored, if it
    /// cannot. SQLite's damage found meanwhile is the snapshot's: only it and the copy are open.
    /// </summary>
    private static async Task<string?> StageAsync(IServiceProvider services, string source, string staged, CancellationToken cancellationToken)
    {
        try
        {
            await using (var from = new SqliteConnection(OwnConnectionString(source, SqliteOpenMode.ReadOnly)))
            await using (var copy = new SqliteConnection(OwnConnectionString(staged, SqliteOpenMode.ReadWriteCreate)))
            {
                await from.OpenAsync(cancellationToken);
                await copy.OpenAsync(cancellationToken);
                using var pages = new PageCopy(from, copy);
                pages.CopyAll(cancellationToken);
            }
            // A snapshot of an older schema is brought up to this one in the copy, as a server would on start (the
            // id high-water marks exist from migration 0009 on), so the copy is whole before it replaces anything.
            await MigrateStagedAsync(services, staged, cancellationToken);
            // The snapshot names what it holds: an ESC in a trigger's name would reach the terminal.
            return await ObjectNotFromMigrationsAsync(services, staged, cancellationToken) is { } foreign ? TerminalText.Escaped(foreign) : null;
        }
        catch (SqliteException exception) when (exception.SqliteErrorCode == SqliteDialect.CorruptErrorCode)
        {
            return DamagedSnapshot(exception);
        }
    }

    private static string DamagedSnapshot(SqliteException exception) =>
        $"is damaged ({exception.Message.TrimEnd('.')}): restore another backup";

    /// <summary>
    /// Migrates the staged copy as the app's own migrator would, and closes it again: its Db's writer and pooled
    /// connections must be gone before the copy is deleted.
    /// </summary>
    private static async Task MigrateStagedAsync(IServiceProvider services, string staged, CancellationToken cancellationToken)
    {
        var options = services.GetRequiredService<IOptions<DatabaseOptions>>();
        var clock = services.GetRequiredService<TimeProvider>();
        var connectionString = SqliteDialect.BuildConnectionString(
            new SqliteConnectionStringBuilder { DataSource = staged }.ToString(), Path.GetDirectoryName(staged)!, options.Value);
        using var db = new Db(connectionString, options, clock);
        await new Migrator(db, clock, services.GetRequiredService<ILogger<Migrator>>()).MigrateAsync(cancellationToken);
    }

    private sealed record SchemaObject(string Type, string Name, string? Sql);

    /// <summary>
    /// Why the migrated copy of a snapshot holds what ContentApi's migrations would not make, if it does: a trigger or a
    /// view they do not create (or one of theirs rewritten), or one of their tables or indexes missing or made as
    /// something else. A trigger runs on every write the server makes, and a view stands where a table is read: a
    /// snapshot that is not the operator's own backup could have every new tag renamed, or a key of its maker's added on
    /// each write. Values are not checked as import checks an export's (the README: a snapshot must be your own backup),
    /// but what runs inside the database is the app's.
    /// </summary>
    private static async Task<string?> ObjectNotFromMigrationsAsync(IServiceProvider services, string staged, CancellationToken cancellationToken)
    {
        var reference = $"{staged}.schema";
        List<SchemaObject> expected;
        try
        {
            await MigrateStagedAsync(services, reference, cancellationToken);
            expected = await SchemaAsync(reference, cancellationToken);
        }
        finally
        {
            DeleteDatabaseFiles(reference);
        }
        var found = await SchemaAsync(staged, cancellationToken);
        const string Rule = "that ContentApi's migrations do not create (a snapshot must be a backup of a ContentApi database, as backup writes it)";
        foreach (var item in found.Where(o => o.Type is "trigger" or "view" && !expected.Contains(o)))
        {
            return expected.Any(o => o.Type == item.Type && o.Name == item.Name)
                ? $"has the {item.Type} '{item.Name}' rewritten, as ContentApi's migrations do not make it (a snapshot must be a backup of a ContentApi database, as backup writes it)"
                : $"has a {item.Type} '{item.Name}' {Rule}";
        }
        foreach (var item in expected.Where(o => !found.Any(f => f.Type == o.Type && f.Name == o.Name)))
        {
            return found.FirstOrDefault(f => f.Name == item.Name) is { } other
                ? $"has '{item.Name}' as a {other.Type}, where ContentApi's migrations make a {item.Type}"
                : $"lacks the {item.Type} '{item.Name}' that ContentApi's migrations make (a snapshot must be a backup of a ContentApi database, as backup writes it)";
        }
        return null;
    }

    private static async Task<List<SchemaObject>> SchemaAsync(string file, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(OwnConnectionString(file, SqliteOpenMode.ReadOnly));
        await connection.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<SchemaObject>(new CommandDefinition(
            SqliteDialect.ReadSchema, cancellationToken: cancellationToken))];
    }

    /// <summary>
    /// Replaces the database <paramref name="to"/> is open on with the copy <paramref name="staged"/>, once the copy holds
    /// what must outlive the replaced database: its keys merged, its ids and versions never to be given again, a content
    /// version past its own, the time of the restore. All of it is in the copy when the copy replaces the database in one
    /// transaction, so a crash or a second Ctrl+C at any moment leaves either the database as it was or the whole restore
    /// (ids given since the snapshot were given again when these were written after the swap).
    /// </summary>
    /// <returns>What to print of the keys, and which of <see cref="UnreadHighWater"/>'s records of the replaced database could not be read.</returns>
    private static async Task<(IReadOnlyList<string> Keys, IReadOnlyList<string> Unread)> ReplaceAsync(
        Func<Task<SqliteConnection>> openReplaced, TimeProvider clock, SqliteConnection to, string staged, bool targetDamaged, CancellationToken cancellationToken)
    {
        await using var copy = new SqliteConnection(OwnConnectionString(staged, SqliteOpenMode.ReadWriteCreate));
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
    /// A connection to a damaged database on which SQLite reads what it still can, and lets it be written over whole:
    /// one shorter than its header says (cut short) it refuses to read or write at all unless its schema may be written.
    /// Not one of the app's, whose pragmas read the file as they open; but in WAL mode, as theirs make it: in rollback
    /// mode the replacement's lock kept the reads of the replaced database out ("database is locked").
    /// </summary>
    private static async Task<SqliteConnection> OpenDamagedAsync(string file, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(OwnConnectionString(file, SqliteOpenMode.ReadWrite));
        try
        {
            await connection.OpenAsync(cancellationToken);
            await connection.ExecuteAsync(SqliteDialect.OpenDamaged);
            return connection;
        }
        catch
        {
            // Unpooled: left to the collector, its handle would hold the damaged file open until then.
            await connection.DisposeAsync();
            throw;
        }
    }

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

    /// <summary>
    /// A connection string for a file this command opens itself, unpooled so that closing the connection closes the file.
    /// Built, not pasted: a path may hold ';' or '=', and pasted, "/x/d;Data Source=/x/other.db" named another file.
    /// </summary>
    private static string OwnConnectionString(string file, SqliteOpenMode mode) =>
        new SqliteConnectionStringBuilder { DataSource = file, Mode = mode, Pooling = false }.ToString();

    /// <summary>A database file this command made and did not finish, with any journal SQLite left beside it.</summary>
    private static void DeleteDatabaseFiles(string file)
    {
        foreach (var path in new[] { file, file + "-journal", file + "-wal", file + "-shm" })
        {
            try
            {
                File.Delete(path);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // The failure that brought us here is what gets reported; a leftover's name says what it is.
            }
        }
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

    /// <summary>Why <paramref name="file"/> is no snapshot this build can restore; null when it is one.</summary>
    private static async Task<string?> SnapshotProblemAsync(string file, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(OwnConnectionString(file, SqliteOpenMode.ReadOnly));
        try
        {
            await connection.OpenAsync(cancellationToken);
            var results = (await SqliteInterrupt.RunAsync(connection, () => connection.QueryAsync<string>(SqliteDialect.CheckIntegrity), cancellationToken)).ToList();
            if (results is not ["ok"])
            {
                return $"is not a healthy database: {string.Join("; ", results.Take(5))}";
            }
            if (await DatabaseFile.ForeignAsync(connection) is { } foreign)
            {
                return $"is not a ContentApi database ({foreign})";
            }
            var version = await Migrator.VersionOfAsync(connection);
            return version == 0 ? "is not a ContentApi database (it has no schema_migrations)"
                : version > Migrator.LatestVersion ? $"was made by a newer ContentApi (schema {version}; this one knows {Migrator.LatestVersion})"
                : null;
        }
        catch (SqliteException exception) when (exception.SqliteErrorCode == SqliteDialect.NotADatabaseErrorCode)
        {
            return "is not a SQLite database";
        }
        catch (SqliteException exception) when (exception.SqliteErrorCode == SqliteDialect.CorruptErrorCode)
        {
            // Left to the command's own handler, it was told as the configured database being damaged.
            return DamagedSnapshot(exception);
        }
        catch (SqliteException exception) when (exception.SqliteErrorCode == SqliteDialect.CannotOpenErrorCode)
        {
            return Unreadable(file); // SQLite says no more than "unable to open database file"
        }
        catch (SqliteException exception) when (exception.SqliteExtendedErrorCode == SqliteDialect.ReadOnlyRollbackExtendedCode)
        {
            var linkedTo = new FileInfo(file).ResolveLinkTarget(returnFinalTarget: true)?.FullName; // SQLite follows links
            return $"has the journal of a write never finished beside it ({linkedTo ?? file}-journal): open it once where SQLite may " +
                "write, which rolls that write back, or take a new backup";
        }
        catch (SqliteException exception) when (exception.SqliteErrorCode == SqliteDialect.ReadOnlyErrorCode)
        {
            // Read-only, a connection still makes a WAL file's -shm beside it.
            return "cannot be read where it is: SQLite must write its -shm file beside a snapshot in WAL mode, and may not " +
                "(let its folder, and its -shm file if there is one, be written, or copy it with its -wal file to a folder that may be)";
        }
    }

    private const string DeniedReading = "cannot be read (check the permissions of it and its folders)";

    /// <summary>Why SQLite could not open a snapshot, as the file system tells it.</summary>
    private static string Unreadable(string file) => OpeningFailure(file) switch
    {
        null => "cannot be opened by SQLite",
        UnauthorizedAccessException => DeniedReading,
        var failure => $"cannot be read ({failure.Message})",
    };

    private static Exception? OpeningFailure(string file)
    {
        try
        {
            using var _ = File.OpenRead(file);
            return null;
        }
        catch (Exception exception) when (exception is UnauthorizedAccessException or IOException)
        {
            return exception;
        }
    }
}
