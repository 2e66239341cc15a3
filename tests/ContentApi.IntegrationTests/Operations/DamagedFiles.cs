using Dapper;
using Microsoft.Data.Sqlite;

namespace ContentApi.IntegrationTests.Operations;

/// <summary>Damage done to a database file as a failing disk or a cut copy does it, for the tests of what finds it.</summary>
internal static class DamagedFiles
{
    /// <summary>Writes the WAL into the file, so that the file alone holds every page.</summary>
    public static async Task CheckpointAsync(string database)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        await connection.ExecuteAsync("PRAGMA wal_checkpoint(TRUNCATE)");
    }

    /// <summary>Cuts the file to half its length, as a copy interrupted part way leaves it.</summary>
    public static async Task TruncateAsync(string database)
    {
        await CheckpointAsync(database);
        await using var file = new FileStream(database, FileMode.Open, FileAccess.Write);
        file.SetLength(file.Length / 2);
    }

    /// <summary>Overwrites five pages in the middle of the file with random bytes.</summary>
    public static async Task OverwritePagesAsync(string database)
    {
        await CheckpointAsync(database);
        var pageSize = await PageSizeAsync(database);
        await using var file = new FileStream(database, FileMode.Open, FileAccess.Write);
        var noise = new byte[5 * pageSize];
        new Random(1).NextBytes(noise);
        file.Seek(file.Length / pageSize / 2 * pageSize, SeekOrigin.Begin);
        await file.WriteAsync(noise);
    }

    /// <summary>Zeroes the root page of <paramref name="table"/>, returning what it held (to put back).</summary>
    public static async Task<(long Offset, byte[] Bytes)> ZeroRootPageAsync(string database, string table)
    {
        await CheckpointAsync(database);
        long page;
        await using (var connection = new SqliteConnection($"Data Source={database};Pooling=False"))
        {
            page = await connection.ExecuteScalarAsync<long>("SELECT rootpage FROM sqlite_schema WHERE name = @Table", new { Table = table });
        }
        var pageSize = await PageSizeAsync(database);
        var offset = (page - 1) * pageSize;
        var was = new byte[pageSize];
        await using (var file = new FileStream(database, FileMode.Open, FileAccess.ReadWrite))
        {
            file.Seek(offset, SeekOrigin.Begin);
            await file.ReadExactlyAsync(was);
            file.Seek(offset, SeekOrigin.Begin);
            await file.WriteAsync(new byte[pageSize]);
        }
        return (offset, was);
    }

    /// <summary>
    /// Runs <paramref name="change"/> while <paramref name="index"/> is hidden from SQLite, so the index keeps its entries
    /// as they were: every page is sound and the index has as many entries as its table has rows (<c>quick_check</c>
    /// finds nothing), but it no longer matches its table, and a read through an entry whose row has another id now
    /// finds no row there (SQLITE_CORRUPT). <c>REINDEX</c> repairs it.
    /// </summary>
    public static async Task ChangeBehindIndexAsync(string database, string index, string change, object parameters)
    {
        await CheckpointAsync(database);
        IndexEntry entry;
        await using (var connection = new SqliteConnection($"Data Source={database};Pooling=False"))
        {
            entry = await connection.QuerySingleAsync<IndexEntry>(
                "SELECT name AS Name, tbl_name AS TableName, rootpage AS RootPage, sql AS Sql FROM sqlite_schema WHERE type = 'index' AND name = @Index", new { Index = index });
            await connection.ExecuteAsync("PRAGMA writable_schema = ON; DELETE FROM sqlite_schema WHERE name = @Index", new { Index = index });
        }
        await using (var connection = new SqliteConnection($"Data Source={database};Pooling=False"))
        {
            await connection.ExecuteAsync(change, parameters);
        }
        await using (var connection = new SqliteConnection($"Data Source={database};Pooling=False"))
        {
            await connection.ExecuteAsync(
                "PRAGMA writable_schema = ON; INSERT INTO sqlite_schema (type, name, tbl_name, rootpage, sql) VALUES ('index', @Name, @TableName, @RootPage, @Sql)", entry);
        }
        await CheckpointAsync(database);
    }

    private sealed record IndexEntry(string Name, string TableName, long RootPage, string Sql);

    public static async Task WriteAtAsync(string database, long offset, byte[] bytes)
    {
        await using var file = new FileStream(database, FileMode.Open, FileAccess.Write);
        file.Seek(offset, SeekOrigin.Begin);
        await file.WriteAsync(bytes);
    }

    private static async Task<long> PageSizeAsync(string database)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        return await connection.ExecuteScalarAsync<long>("PRAGMA page_size");
    }
}
