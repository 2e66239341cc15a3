using Dapper;
using Microsoft.Data.Sqlite;

namespace ContentApi.IntegrationTests.Operations;

/// <summary>Databases and backup snapshots holding one tag, for the backup and restore tests, and the tags a file holds.</summary>
internal static class TagSnapshots
{
    public static async Task<string> DatabaseWithTagAsync(string folder, string tag)
    {
        var database = Path.Combine(folder, "content.db");
        Assert.Equal(0, (await CommandRunner.RunAsync(database, "migrate")).ExitCode);
        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        await connection.ExecuteAsync(
            "INSERT INTO tags (slug, name, created_at, updated_at) VALUES (@Slug, @Name, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
            new { Slug = tag.ToLowerInvariant().Replace(' ', '-'), Name = tag });
        return database;
    }

    /// <summary>A snapshot, written by backup to a plain path, of a database holding one tag.</summary>
    public static async Task<string> SnapshotWithTagAsync(string tag)
    {
        var folder = CommandRunner.TempDirectory();
        var snapshot = Path.Combine(folder, "snapshot.db");
        Assert.Equal(0, (await CommandRunner.RunAsync(await DatabaseWithTagAsync(folder, tag), "backup", snapshot)).ExitCode);
        return snapshot;
    }

    public static async Task<List<string>> TagsAsync(string database)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        return [.. await connection.QueryAsync<string>("SELECT name FROM tags ORDER BY name")];
    }
}
