using System.Data.Common;
using System.Text.Json;
using ContentApi.Data;
using Dapper;
using Microsoft.Data.Sqlite;

namespace ContentApi.Transfer;

/// <summary>
/// Why the database refused an imported row, in the file's terms: SQLite's own message names its SQL (a CHECK's
/// expression) or no column at all ("FOREIGN KEY constraint failed"), and never the line to fix. The database still
/// decides; this only finds, after its refusal, which column and value it refused. The database was empty when the
/// import began, so whatever a row collides with came from the rows above it.
/// </summary>
internal static class RefusedRow
{
    /// <summary>Why the database refused <paramref name="row"/> (line <paramref name="lineNumber"/> of <paramref name="path"/>) of <paramref name="table"/>.</summary>
    /// <param name="columns">The table's columns and their declared types.</param>
    public static async Task<string> ReasonAsync(
        DbConnection connection, DbTransaction transaction, string path, int lineNumber, string table, JsonElement row,
        IReadOnlyDictionary<string, string> columns, SqliteException refusal)
    {
        var reason = refusal switch
        {
            _ when SqliteDialect.IsUniqueViolation(refusal) => await RepeatedKeyAsync(connection, transaction, path, lineNumber, table, row, columns),
            _ when SqliteDialect.IsForeignKeyViolation(refusal) => await MissingReferenceAsync(connection, transaction, table, row),
            _ when SqliteDialect.IsNotNullViolation(refusal) => await MissingValueAsync(connection, transaction, table, row),
            _ when SqliteDialect.IsCheckViolation(refusal) => ValuesApart(table, row),
            _ => null,
        };
        return reason ?? Unexplained(table);
    }

    /// <summary>Why the database refused an article's list of links (<paramref name="property"/>): an id listed twice, or one no row has.</summary>
    public static async Task<string> LinksReasonAsync(
        DbConnection connection, DbTransaction transaction, string linkTable, string column, string property, long[] ids, SqliteException refusal)
    {
        if (SqliteDialect.IsUniqueViolation(refusal) && ids.Where((id, position) => Array.IndexOf(ids, id) < position).FirstOrDefault() is > 0 and var repeated)
        {
            return $"'{property}' lists {repeated} twice.";
        }
        if (SqliteDialect.IsForeignKeyViolation(refusal))
        {
            foreach (var id in ids)
            {
                if (await LackingFileAsync(connection, transaction, linkTable, column, id) is { } lacking)
                {
                    return $"'{property}' lists {id}, but {lacking}";
                }
            }
        }
        return Unexplained(linkTable);
    }

    /// <summary>The first row above this one with the same id or slug: the one the database found already there.</summary>
    private static async Task<string?> RepeatedKeyAsync(
        DbConnection connection, DbTransaction transaction, string path, int lineNumber, string table, JsonElement row, IReadOnlyDictionary<string, string> columns)
    {
        string[] keys = ["id", .. await connection.QueryAsync<string>(SqliteDialect.ColumnsUniqueAlone, new { Table = table }, transaction)];
        var values = keys.Where(key => row.TryGetProperty(key, out _)).Select(key => (Key: key, Value: ValueOf(row, key, columns))).Where(key => key.Value is not null).ToArray();
        var earlier = 0;
        foreach (var line in JsonlLines.Lines(path).Take(lineNumber - 1))
        {
            earlier++;
            if (line.Length == 0)
            {
                continue;
            }
            using var document = JsonDocument.Parse(line);
            foreach (var (key, value) in values)
            {
                if (document.RootElement.TryGetProperty(key, out _) && Equals(ValueOf(document.RootElement, key, columns), value))
                {
                    return $"'{key}' is {row.GetProperty(key).GetRawText()}, as on line {earlier}; no two rows may have the same {key}.";
                }
            }
        }
        return null;
    }

    /// <summary>The column whose row the export lacks (an avatar's or a cover's image).</summary>
    private static async Task<string?> MissingReferenceAsync(DbConnection connection, DbTransaction transaction, string table, JsonElement row)
    {
        var references = await connection.QueryAsync<string>(SqliteDialect.ReferringColumns, new { Table = table }, transaction);
        foreach (var column in references)
        {
            if (row.TryGetProperty(column, out var value) && value.ValueKind == JsonValueKind.Number &&
                await LackingFileAsync(connection, transaction, table, column, value.GetInt64()) is { } lacking)
            {
                return $"'{column}' is {value.GetRawText()}, but {lacking}";
            }
        }
        return null;
    }

    /// <summary>Which file lacks the row that <paramref name="table"/>'s <paramref name="column"/> = <paramref name="id"/> refers to, or null when it is there.</summary>
    private static async Task<string?> LackingFileAsync(DbConnection connection, DbTransaction transaction, string table, string column, long id)
    {
        var (target, key) = await connection.QuerySingleAsync<(string, string)>(
            SqliteDialect.ReferredColumn, new { Table = table, Column = column }, transaction);
        // Both names come from the schema, not the file.
        var exists = await connection.ExecuteScalarAsync<bool>($"SELECT EXISTS (SELECT 1 FROM {target} WHERE {key} = @Id)", new { Id = id }, transaction);
        return exists ? null : $"{ExportFormat.FileOf(target)} has no row with {key} {id}.";
    }

    /// <summary>The required column the row leaves out or gives as null (one with a default may be left out).</summary>
    private static async Task<string?> MissingValueAsync(DbConnection connection, DbTransaction transaction, string table, JsonElement row)
    {
        var required = await connection.QueryAsync<(string Name, bool HasDefault)>(
            SqliteDialect.RequiredColumns, new { Table = table }, transaction);
        foreach (var (name, hasDefault) in required)
        {
            var given = row.TryGetProperty(name, out var value);
            if (given ? value.ValueKind == JsonValueKind.Null : !hasDefault)
            {
                return $"'{name}' is {(given ? "null" : "missing")}, and every row needs one.";
            }
        }
        return null;
    }

    /// <summary>The values that the table's CHECK found apart, each of them allowed alone (<see cref="ImportedColumnRules.Together"/>).</summary>
    private static string? ValuesApart(string table, JsonElement row) =>
        ImportedColumnRules.Together.TryGetValue(table, out var rule)
            ? string.Join(" and ", rule.Columns.Select(column => $"'{column}' is {(row.TryGetProperty(column, out var value) ? value.GetRawText() : "missing")}")) +
              $", which do not go together: {rule.Rule}"
            : null;

    private static string Unexplained(string table) => $"the database refuses the row: it breaks a rule of the {table} table.";

    private static object? ValueOf(JsonElement row, string column, IReadOnlyDictionary<string, string> columns) =>
        ImportedValue.Of(row.GetProperty(column), column, columns[column]).Value;
}
