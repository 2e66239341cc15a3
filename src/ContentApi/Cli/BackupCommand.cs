using System.CommandLine;
using ContentApi.Data;
using Dapper;
using Microsoft.Data.Sqlite;

namespace ContentApi.Cli;

/// <summary><c>backup PATH</c>.</summary>
public static class BackupCommand
{
    public static Command Create(TextWriter output, Action<WebApplicationBuilder>? configure)
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
                if (await SnapshotChecks.ProblemAsync(partial, cancellationToken) is { } problem)
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
                    OwnDatabaseFiles.Delete(partial);
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
}
