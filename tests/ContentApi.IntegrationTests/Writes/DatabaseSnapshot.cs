using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ContentApi.TestSupport;
using Microsoft.Data.Sqlite;

namespace ContentApi.IntegrationTests.Writes;

/// <summary>
/// A fingerprint of every table the API writes: row count and a hash of every value, table by table.
/// Two equal snapshots mean nothing was written in between. API keys count only by their identity and
/// revocation (their last-use stamp is bookkeeping, not content).
/// </summary>
internal static class DatabaseSnapshot
{
    public static string Take(ApiFactory factory)
    {
        using var connection = factory.OpenDatabase();
        return Take(connection);
    }

    public static string Take(SqliteConnection connection)
    {
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            // The search index (an FTS5 table and its shadow tables) is derived from these tables, so it is left out.
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'articles_fts%' ORDER BY name";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }
        var summary = new StringBuilder();
        foreach (var table in tables)
        {
            // Table names come from sqlite_master, never from input.
            var columns = table == "api_keys" ? "id, name, key_hash, scope, revoked_at" : "*";
            using var select = connection.CreateCommand();
            select.CommandText = $"SELECT {columns} FROM \"{table}\" ORDER BY rowid";
            using var reader = select.ExecuteReader();
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var rows = 0;
            while (reader.Read())
            {
                rows++;
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var value = reader.IsDBNull(i) ? "\0null" : reader.GetValue(i) switch
                    {
                        byte[] bytes => "x" + Convert.ToHexString(bytes),
                        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
                        var other => other.ToString(),
                    };
                    hash.AppendData(Encoding.UTF8.GetBytes($"{value}\u001f"));
                }
                hash.AppendData("\u001e"u8);
            }
            summary.Append(CultureInfo.InvariantCulture, $"{table}: {rows} rows, {Convert.ToHexString(hash.GetHashAndReset())[..16]}\n");
        }
        return summary.ToString();
    }
}
