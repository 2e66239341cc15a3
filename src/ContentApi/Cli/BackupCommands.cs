using System.CommandLine;
using ContentApi.Data;
using Dapper;
using Microsoft.Data.Sqlite;

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
            var target = Path.GetFullPath(parse.GetRequiredValue(path));
            if (File.Exists(target) || Directory.Exists(target))
            {
                await Console.Error.WriteLineAsync($"{target} already exists; choose a new file.");
                return 1;
            }
            if (await CommandHost.StartExistingAsync(cancellationToken, configure) is not { } app)
            {
                return 1;
            }
            await using var started = app;
            // The snapshot is written beside the target and renamed into place only once verified, so a refused or
            // failed backup (a newer schema, a failed check, a full disk, Ctrl+C) leaves nothing at the path, and a
            // retry there is not told it already exists; nor does the path ever hold a snapshot that is not whole.
            var createdFolders = FoldersToCreate(Path.GetDirectoryName(target)!);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            var partial = $"{target}.partial-{Guid.NewGuid().ToString("N")[..8]}";
            var done = false;
            try
            {
                var db = app.Services.GetRequiredService<Db>();
                await using (var connection = await db.OpenAsync(cancellationToken))
                {
                    // VACUUM INTO copies one read transaction's view: consistent while writers carry on in WAL.
                    await connection.ExecuteAsync(SqliteDialect.BackupInto, new { Path = partial });
                }
                if (await SnapshotProblemAsync(partial) is { } problem)
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
                    foreach (var folder in createdFolders)
                    {
                        DeleteIfEmpty(folder);
                    }
                }
            }
            await output.WriteLineAsync($"Backed up to {target} ({new FileInfo(target).Length} bytes); integrity check ok.");
            return 0;
        });
        return command;
    }

    public static Command Restore(TextWriter output, Action<WebApplicationBuilder>? configure)
    {
        var path = PathArgument.Create("A snapshot written by backup.");
        var force = new Option<bool>("--force") { Description = "Restore even though a server is using the database (its readers see the restored content)." };
        var command = new Command("restore", "Replace the database's content with a snapshot; refuses while a server uses the database unless --force.") { path, force };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var source = Path.GetFullPath(parse.GetRequiredValue(path));
            if (!File.Exists(source))
            {
                await Console.Error.WriteLineAsync($"{source} does not exist.");
                return 1;
            }
            if (await SnapshotProblemAsync(source) is { } problem)
            {
                await Console.Error.WriteLineAsync($"{source} {problem}; the database was left as it was.");
                return 1;
            }
            await using var app = CommandHost.Build(configure);
            var db = app.Services.GetRequiredService<Db>();
            if (ServerLock.IsHeld(db.ConnectionString) && !parse.GetValue(force))
            {
                await Console.Error.WriteLineAsync("The database is in use by a running server. Stop it first, or pass --force.");
                return 2;
            }
            SqliteDialect.EnsureDirectoryExists(db.ConnectionString);
            await using (var from = new SqliteConnection($"Data Source={source};Mode=ReadOnly;Pooling=False"))
            await using (var to = await db.OpenAsync(cancellationToken))
            {
                await from.OpenAsync(cancellationToken);
                var idsGiven = await IdHighWaterAsync(to);
                var contentVersion = await ContentVersionAsync(to);
                // SQLite's online backup replaces every page of the target in one step.
                from.BackupDatabase(to);
                // A snapshot of an older schema is brought up to this one first, as a server would on start (the id
                // high-water marks exist from migration 0009 on).
                await app.Services.GetRequiredService<Migrator>().MigrateAsync(cancellationToken);
                // Ids the database gave after the snapshot was taken are gone with their rows, but never given again; and
                // the content version moves on, so no cache entry or list total made before the restore matches after it.
                foreach (var (name, lastId) in idsGiven)
                {
                    await to.ExecuteAsync(SqliteDialect.RaiseIdHighWater, new { Name = name, LastId = lastId });
                }
                await to.ExecuteAsync(SqliteDialect.MoveContentVersionPast, new { Version = contentVersion });
            }
            await output.WriteLineAsync($"Restored {source} into {new SqliteConnectionStringBuilder(db.ConnectionString).DataSource}.");
            return 0;
        });
        return command;
    }

    /// <summary>The folders that creating <paramref name="folder"/> would make, innermost first.</summary>
    private static List<string> FoldersToCreate(string folder)
    {
        var missing = new List<string>();
        for (var current = folder; !string.IsNullOrEmpty(current) && !Directory.Exists(current); current = Path.GetDirectoryName(current))
        {
            missing.Add(current);
        }
        return missing;
    }

    private static void DeleteIfEmpty(string folder)
    {
        try
        {
            if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
            {
                Directory.Delete(folder);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Something else put a file there meanwhile: it stays, and so does its folder.
        }
    }

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
    private static async Task<string?> SnapshotProblemAsync(string file)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        try
        {
            await connection.OpenAsync();
            var results = (await connection.QueryAsync<string>("PRAGMA integrity_check")).ToList();
            if (results is not ["ok"])
            {
                return $"is not a healthy database: {string.Join("; ", results.Take(5))}";
            }
            var version = await Migrator.VersionOfAsync(connection);
            return version == 0 ? "is not a ContentApi database (it has no schema_migrations)"
                : version > Migrator.LatestVersion ? $"was made by a newer ContentApi (schema {version}; this one knows {Migrator.LatestVersion})"
                : null;
        }
        catch (SqliteException exception) when (exception.SqliteErrorCode == 26)
        {
            return "is not a SQLite database";
        }
    }
}
