using ContentApi.Data;
using Dapper;
using Microsoft.Data.Sqlite;

namespace ContentApi.Cli;

/// <summary>What a file must be for <c>backup</c> to keep it or <c>restore</c> to take it: a healthy ContentApi database this build can read.</summary>
internal static class SnapshotChecks
{
    /// <summary>Why <paramref name="file"/> is no snapshot this build can restore; null when it is one.</summary>
    public static async Task<string?> ProblemAsync(string file, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(OwnDatabaseFiles.ConnectionString(file, SqliteOpenMode.ReadOnly));
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
            return Damaged(exception);
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

    public const string DeniedReading = "cannot be read (check the permissions of it and its folders)";

    /// <summary>Why SQLite could not open a snapshot, as the file system tells it.</summary>
    private static string Unreadable(string file) => OpeningFailure(file) switch
    {
        null => "cannot be opened by SQLite",
        UnauthorizedAccessException => DeniedReading,
        var failure => $"cannot be read ({failure.Message})",
    };

    public static Exception? OpeningFailure(string file)
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

    public static string Damaged(SqliteException exception) =>
        $"is damaged ({exception.Message.TrimEnd('.')}): restore another backup";
}
