using Dapper;
using Microsoft.Data.Sqlite;

namespace ContentApi.Data;

/// <summary>Damage a request found in the database file, which only the operator can repair, for readiness to report.</summary>
public sealed partial class Db
{
    private volatile bool _damageFound;

    /// <summary>A request found the database damaged (SQLITE_CORRUPT); false again once <see cref="StillDamagedAsync"/> finds it whole.</summary>
    public bool DamageFound => _damageFound;

    public void NoteDamage() => _damageFound = true;

    /// <summary>
    /// Whether the database is still damaged, by SQLite's <c>quick_check</c>, which reads every page: run only once damage
    /// was found, until the file is whole again (restored, or repaired), which clears <see cref="DamageFound"/>.
    /// </summary>
    public async Task<bool> StillDamagedAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            var results = await connection.QueryAsync<string>(new CommandDefinition("PRAGMA quick_check", cancellationToken: cancellationToken));
            if (results.ToList() is ["ok"])
            {
                _damageFound = false;
                return false;
            }
            return true;
        }
        catch (SqliteException exception) when (exception.SqliteErrorCode == DatabaseFile.CorruptCode)
        {
            return true;
        }
    }
}
