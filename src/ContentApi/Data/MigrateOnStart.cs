using ContentApi.Search;

namespace ContentApi.Data;

/// <summary>
/// Creates and migrates the database before the server takes requests, and says when its search index was built by
/// another analysis than this build's (after an upgrade: <c>reindex</c>).
/// </summary>
public sealed class MigrateOnStart(Migrator migrator, Db db, ILogger<MigrateOnStart> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await migrator.MigrateAsync(cancellationToken);
        if (await SearchAnalysis.EnsureCurrentWhileEmptyAsync(db, cancellationToken) is (false, var indexed))
        {
            logger.LogWarning(
                "The search index was built by another analysis ({Indexed}) than this build's ({Current}): searches can miss articles until `reindex` runs.",
                indexed ?? "before it was recorded", SearchAnalysis.Current);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
