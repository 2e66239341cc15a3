using ContentApi.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace ContentApi.Cli;

/// <summary>The copy of a snapshot that <c>restore</c> makes beside the database and brings up to this schema before it replaces anything.</summary>
internal static class RestoreStaging
{
    /// <summary>
    /// Copies the snapshot to <paramref name="staged"/> and brings it up to this schema; why it cannot be restored, if it
    /// cannot. SQLite's damage found meanwhile is the snapshot's: only it and the copy are open.
    /// </summary>
    public static async Task<string?> StageAsync(IServiceProvider services, string source, string staged, CancellationToken cancellationToken)
    {
        try
        {
            await using (var from = new SqliteConnection(OwnDatabaseFiles.ConnectionString(source, SqliteOpenMode.ReadOnly)))
            await using (var copy = new SqliteConnection(OwnDatabaseFiles.ConnectionString(staged, SqliteOpenMode.ReadWriteCreate)))
            {
                await from.OpenAsync(cancellationToken);
                await copy.OpenAsync(cancellationToken);
                using var pages = new PageCopy(from, copy);
                pages.CopyAll(cancellationToken);
            }
            // A snapshot of an older schema is brought up to this one in the copy, as a server would on start (the
            // id high-water marks exist from migration 0009 on), so the copy is whole before it replaces anything.
            await MigrateAsync(services, staged, cancellationToken);
            // The snapshot names what it holds: an ESC in a trigger's name would reach the terminal.
            return await SnapshotSchema.ObjectNotFromMigrationsAsync(services, staged, cancellationToken) is { } foreign ? TerminalText.Escaped(foreign) : null;
        }
        catch (SqliteException exception) when (exception.SqliteErrorCode == SqliteDialect.CorruptErrorCode)
        {
            return SnapshotChecks.Damaged(exception);
        }
    }

    /// <summary>
    /// Migrates the staged copy as the app's own migrator would, and closes it again: its Db's writer and pooled
    /// connections must be gone before the copy is deleted.
    /// </summary>
    public static async Task MigrateAsync(IServiceProvider services, string staged, CancellationToken cancellationToken)
    {
        var options = services.GetRequiredService<IOptions<DatabaseOptions>>();
        var clock = services.GetRequiredService<TimeProvider>();
        var connectionString = SqliteDialect.BuildConnectionString(
            new SqliteConnectionStringBuilder { DataSource = staged }.ToString(), Path.GetDirectoryName(staged)!, options.Value);
        using var db = new Db(connectionString, options, clock);
        await new Migrator(db, clock, services.GetRequiredService<ILogger<Migrator>>()).MigrateAsync(cancellationToken);
    }
}
