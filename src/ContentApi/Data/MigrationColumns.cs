using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;

namespace ContentApi.Data;

/// <summary>
/// The columns migrations add, which the migrator adds before the migration runs when its table lacks them: SQLite has
/// no ADD COLUMN IF NOT EXISTS, and a restore applies migrations again to a snapshot whose record of them is older than
/// its tables (see 0012), so a migration's own ALTER TABLE would fail there on a column it already has.
/// </summary>
internal static class MigrationColumns
{
    private static readonly (int Migration, string Table, string Column, string Definition)[] All =
    [
        .. FoldedKeys.Columns.Select(key => (26, key.Table, key.Column, "TEXT NOT NULL DEFAULT ''")),
        (28, "articles", "earlier_published_at", "TEXT"),
        .. EditorColumns.Tables.SelectMany(table => new[] { (30, table, "created_by", "TEXT"), (30, table, "updated_by", "TEXT") }),
    ];

    /// <summary>Adds the columns <paramref name="migration"/> brings that their tables lack.</summary>
    public static async Task AddMissingAsync(SqliteConnection connection, DbTransaction transaction, int migration)
    {
        foreach (var (_, table, column, definition) in All.Where(c => c.Migration == migration))
        {
            var exists = await connection.ExecuteScalarAsync<bool>(
                SqliteDialect.HasColumn(table), new { Column = column }, transaction);
            if (!exists)
            {
                await connection.ExecuteAsync($"ALTER TABLE {table} ADD COLUMN {column} {definition}", transaction: transaction);
            }
        }
    }
}
