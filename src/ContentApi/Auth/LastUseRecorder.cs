using System.Collections.Concurrent;
using ContentApi.Data;

namespace ContentApi.Auth;

/// <summary>
/// Records when each key was last used (<c>keys list</c>), at most once a minute per key, without the request waiting:
/// it is bookkeeping, so a busy writer must not hold up a read, and a write that fails (a busy writer, a schema a newer
/// build migrated, a full disk) must not fail it. Per app: another app in the process has its own database.
/// </summary>
public sealed class LastUseRecorder(ApiKeyStore keys, TimeProvider clock, ILogger<LastUseRecorder> logger)
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<long, DateTimeOffset> _recordedAt = new();

    // At most one record per key waits for the writer, however many requests use the key meanwhile.
    private readonly ConcurrentDictionary<long, bool> _pending = new();

    public void Record(long keyId)
    {
        if (_recordedAt.TryGetValue(keyId, out var last) && clock.GetUtcNow() - last < Interval)
        {
            return;
        }
        if (_pending.TryAdd(keyId, true))
        {
            _ = WriteAsync(keyId);
        }
    }

    private async Task WriteAsync(long keyId)
    {
        try
        {
            await keys.TouchAsync(keyId, CancellationToken.None);
        }
        catch (Exception exception) when (exception is DatabaseBusyException or DatabaseClosedException)
        {
            logger.LogDebug("The last use of key {KeyId} was not recorded: {Reason}", keyId, exception.Message);
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "The last use of key {KeyId} was not recorded: {Reason}", keyId, exception.Message);
        }
        finally
        {
            // A failed record is not tried again for a minute either: a database refusing writes is not pressed with more.
            _recordedAt[keyId] = clock.GetUtcNow();
            _pending.TryRemove(keyId, out _);
        }
    }
}
