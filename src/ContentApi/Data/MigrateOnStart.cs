using ContentApi.Rendering;
using ContentApi.Search;

namespace ContentApi.Data;

/// <summary>
/// Creates and migrates the database before the server takes requests, and says when its search index was built by
/// another analysis than this build's (after an upgrade: <c>reindex</c>); records when this build's rendering first served it (<see cref="RenderingFloor"/>).
/// </summary>
public sealed class MigrateOnStart(Migrator migrator, Db db, RenderingFloor renderingFloor, ILogger<MigrateOnStart> logger) : IHostedService
{
    /// <summary>
    /// Migrates before the server's host starts: why the database cannot be used, in one line naming the file, or null.
    /// Refused in <see cref="StartAsync"/>, the host would log its "failed to start" with the stack trace and the process
    /// abort; <see cref="StartAsync"/> then has nothing to do (hosts started otherwise, as in tests, migrate there).
    /// </summary>
    public static async Task<string?> RefusalAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<Db>();
        try
        {
            await services.GetRequiredService<Migrator>().MigrateAsync(cancellationToken);
            // A connection as every request opens one: its pragmas turn a file in another journal mode to WAL, which
            // needs the folder writable (the migration found nothing to do, so it never wrote).
            await DatabaseFile.EnsureWritableAsync(db, cancellationToken);
            return null;
        }
        catch (DatabaseFileException exception)
        {
            return exception.Message;
        }
        catch (Microsoft.Data.Sqlite.SqliteException exception) when (DatabaseFile.IsReadOnly(exception))
        {
            return DatabaseFile.ReadOnly(DatabaseFile.PathOf(db.ConnectionString));
        }
        catch (Microsoft.Data.Sqlite.SqliteException exception) when (
            (SqliteDialect.IsFull(exception) || SqliteDialect.IsIoError(exception)) && DatabaseFile.DiskIsFull(DatabaseFile.PathOf(db.ConnectionString)))
        {
            return DatabaseFile.DiskFull(DatabaseFile.PathOf(db.ConnectionString));
        }
        catch (Microsoft.Data.Sqlite.SqliteException exception) when (!SqliteDialect.IsBusy(exception))
        {
            // A full disk (SQLITE_FULL), a failing one (SQLITE_IOERR), a folder that refuses the WAL file (SQLITE_CANTOPEN).
            return $"{DatabaseFile.PathOf(db.ConnectionString)} cannot be written: {exception.Message}";
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Start-up time counts (ready within 1.5 s): the file is checked and migrated once.
        if (!migrator.HasMigrated)
        {
            await migrator.MigrateAsync(cancellationToken);
        }
        db.PinFile();
        logger.LogInformation("Serving the database {Path}", DatabaseFile.PathOf(db.ConnectionString));
        if (migrator.CreatedDatabase)
        {
            // A mistyped path in a service's settings would otherwise serve an empty site that monitoring calls Healthy.
            logger.LogWarning(
                "There was no database at {Path}: it was created empty (with any missing folders) and migrated. If the content is in an existing database, point ConnectionStrings__Content at that file and restart.",
                Path.GetFullPath(DatabaseFile.PathOf(db.ConnectionString)));
        }
        await renderingFloor.EstablishAsync(cancellationToken);
        var (isCurrent, indexed) = await SearchAnalysis.EnsureCurrentWhileEmptyAsync(db, cancellationToken);
        if (indexed == SearchAnalysis.UnfinishedRebuild && !isCurrent)
        {
            logger.LogWarning("A `reindex --clear` has not finished: searches miss the articles it has not reached (if it stopped, run `reindex`).");
        }
        else if (!isCurrent)
        {
            logger.LogWarning(
                "The search index was built by another analysis ({Indexed}) than this build's ({Current}): searches can miss articles until `reindex` runs.",
                indexed ?? "before it was recorded", SearchAnalysis.Current);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
