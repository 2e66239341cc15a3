using ContentApi.Data;
using Dapper;
using Microsoft.Data.Sqlite;

namespace ContentApi.Cli;

/// <summary>A restored snapshot's schema compared with the one this build's migrations make.</summary>
internal static class SnapshotSchema
{
    private sealed record SchemaObject(string Type, string Name, string? Sql);

    /// <summary>
    /// Why the migrated copy of a snapshot holds what ContentApi's migrations would not make, if it does: a trigger or a
    /// view they do not create (or one of theirs rewritten), or one of their tables or indexes missing or made as
    /// something else. A trigger runs on every write the server makes, and a view stands where a table is read: a
    /// snapshot that is not the operator's own backup could have every new tag renamed, or a key of its maker's added on
    /// each write. Values are not checked as import checks an export's (the README: a snapshot must be your own backup),
    /// but what runs inside the database is the app's.
    /// </summary>
    public static async Task<string?> ObjectNotFromMigrationsAsync(IServiceProvider services, string staged, CancellationToken cancellationToken)
    {
        var reference = $"{staged}.schema";
        List<SchemaObject> expected;
        try
        {
            await RestoreStaging.MigrateAsync(services, reference, cancellationToken);
            expected = await SchemaAsync(reference, cancellationToken);
        }
        finally
        {
            OwnDatabaseFiles.Delete(reference);
        }
        var found = await SchemaAsync(staged, cancellationToken);
        const string Rule = "that ContentApi's migrations do not create (a snapshot must be a backup of a ContentApi database, as backup writes it)";
        foreach (var item in found.Where(o => o.Type is "trigger" or "view" && !expected.Contains(o)))
        {
            return expected.Any(o => o.Type == item.Type && o.Name == item.Name)
                ? $"has the {item.Type} '{item.Name}' rewritten, as ContentApi's migrations do not make it (a snapshot must be a backup of a ContentApi database, as backup writes it)"
                : $"has a {item.Type} '{item.Name}' {Rule}";
        }
        foreach (var item in expected.Where(o => !found.Any(f => f.Type == o.Type && f.Name == o.Name)))
        {
            return found.FirstOrDefault(f => f.Name == item.Name) is { } other
                ? $"has '{item.Name}' as a {other.Type}, where ContentApi's migrations make a {item.Type}"
                : $"lacks the {item.Type} '{item.Name}' that ContentApi's migrations make (a snapshot must be a backup of a ContentApi database, as backup writes it)";
        }
        return null;
    }

    private static async Task<List<SchemaObject>> SchemaAsync(string file, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(OwnDatabaseFiles.ConnectionString(file, SqliteOpenMode.ReadOnly));
        await connection.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<SchemaObject>(new CommandDefinition(
            SqliteDialect.ReadSchema, cancellationToken: cancellationToken))];
    }
}
