using System.CommandLine;
using ContentApi.Data;
using Microsoft.Data.Sqlite;

namespace ContentApi.Cli;

/// <summary><c>restore PATH [--force]</c>.</summary>
public static class RestoreCommand
{
    public static Command Create(TextWriter output, Action<WebApplicationBuilder>? configure)
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
                await Console.Error.WriteLineAsync(SnapshotChecks.OpeningFailure(source) is UnauthorizedAccessException ? $"{source} {SnapshotChecks.DeniedReading}; the database was left as it was." : $"{source} does not exist.");
                return 1;
            }
            // SQLite opened a named pipe and waited for a writer for ever. A pipe or a device reports no length, as an
            // empty file does, which is no snapshot either.
            if (new FileInfo(source) is var file && (file.ResolveLinkTarget(returnFinalTarget: true) as FileInfo ?? file).Length == 0)
            {
                await Console.Error.WriteLineAsync($"{source} is empty, or is not a regular file (a named pipe or a device); give the snapshot file that backup wrote.");
                return 1;
            }
            if (await SnapshotChecks.ProblemAsync(source, cancellationToken) is { } problem)
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
                if (await RestoreStaging.StageAsync(app.Services, source, staged, cancellationToken) is { } refusal)
                {
                    await Console.Error.WriteLineAsync($"{source} {refusal}; the database was left as it was.");
                    return 1;
                }
                Func<Task<SqliteConnection>> open = targetDamaged ? () => DamagedDatabase.OpenAsync(databaseFile, cancellationToken) : () => db.OpenAsync(cancellationToken);
                await using var to = await open();
                (keys, unread) = await DatabaseReplacement.ReplaceAsync(open, app.Services.GetRequiredService<TimeProvider>(), to, staged, targetDamaged, cancellationToken);
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
                OwnDatabaseFiles.Delete(staged);
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
}
