using ContentApi.Search;

namespace ContentApi.Data;

/// <summary>
/// Creates and migrates the database before the server takes requests, and says when its search index was built by
/// another analysis than this build's (after an upgrade: <c>reindex</c>).
/// </summary>
public sealed class MigrateOnStart(Migrator migrator, Db db, ILogger<MigrateOnStart> logger) : IHostedService
{
    /// <summary>
    /// Migrates before the server's host starts: why the database cannot be used, in one line naming the file, or null.
    /// Refused in <see cref="StartAsync"/>, the host would log its "failed to start" with the stack trace and the process
    /// abort; <see cref="StartAsync"/> then has nothing to do (hosts started otherwise, as in tests, migrate there).
    /// </summary>
    public static async Task<string?> RefusalAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        try
        {
            await services.GetRequiredService<Migrator>().MigrateAsync(cancellationToken);
            return null;
        }
        catch (DatabaseFileException exception)
        {
            return exception.Message;
        }
        catch (Microsoft.Data.Sqlite.SqliteException exception) when (DatabaseFile.IsReadOnly(exception))
        {
            var path = DatabaseFile.PathOf(services.GetRequiredService<Db>().ConnectionString);
            return $"{path} is read-only (check the file's and its folder's permissions).";
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
        if (await SearchAnalysis.EnsureCurrentWhileEmptyAsync(db, cancellationToken) is (false, var indexed))
        {
            logger.LogWarning(
                "The search index was built by another analysis ({Indexed}) than this build's ({Current}): searches can miss articles until `reindex` runs.",
                indexed ?? "before it was recorded", SearchAnalysis.Current);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
