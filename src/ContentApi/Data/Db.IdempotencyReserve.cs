using ContentApi.Idempotency;
using Dapper;
using Microsoft.Data.Sqlite;

namespace ContentApi.Data;

/// <summary>
/// A create's Idempotency-Key, reserved in the create's own transaction.
/// </summary>
public sealed partial class Db
{
    /// <summary>
    /// A create and its Idempotency-Key commit together (see <see cref="IdempotencyScope"/>), with the URL of what it
    /// created, so that a retry after its response was lost can be told where to find it.
    /// </summary>
    private async Task ReserveAsync(SqliteConnection connection, SqliteTransaction transaction, IdempotencyScope idempotency, long? createdId)
    {
        var now = clock.GetUtcNow();
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(IdempotencyStore.ReserveSql, new
            {
                idempotency.ApiKeyId,
                idempotency.Key,
                idempotency.RequestHash,
                Location = createdId is { } id ? idempotency.LocationOf(id) : null,
                Now = Timestamps.ToDb(now),
                Since = Timestamps.ToDb(now - IdempotencyStore.Retention),
            }, transaction));
        }
        catch (SqliteException exception) when (SqliteDialect.IsUniqueViolation(exception))
        {
            throw new IdempotencyKeyTakenException(exception);
        }
    }
}
