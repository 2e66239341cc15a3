using Dapper;
using Microsoft.Data.Sqlite;

namespace ContentApi.Data;

/// <summary>
/// Writes refused once a newer build has migrated the database past what this build knows.
/// </summary>
public sealed partial class Db
{
    /// <summary>The refusal to write into <paramref name="schema"/>, when a newer build has migrated the database to it.</summary>
    private DatabaseFileException? NewerSchema(int schema) =>
        schema > Migrator.LatestVersion ? DatabaseFile.NewerSchema(FilePath ?? ConnectionString, schema) : null;

    /// <summary>
    /// When a write's own SQL failed against a schema a newer build has migrated since (a column renamed or dropped),
    /// the reason to report: the check before the commit never ran, and the SQLite error was a 500.
    /// </summary>
    private async Task<Exception?> NewerSchemaBehindAsync(Exception failure)
    {
        if (failure is not SqliteException)
        {
            return null;
        }
        try
        {
            await using var connection = await OpenAsync(CancellationToken.None);
            var schema = await connection.ExecuteScalarAsync<int>(SqliteDialect.ReadSchemaVersion);
            return NewerSchema(schema);
        }
        catch (SqliteException)
        {
            return null;
        }
    }
}
