using System.Data.Common;
using System.Text;
using System.Text.Json;
using ContentApi.Data;
using Dapper;

namespace ContentApi.Transfer;

/// <summary>Writes every resource to JSON Lines, reading one consistent snapshot (a single read transaction).</summary>
public sealed class JsonlExporter(Db db)
{
    public async Task<ExportFormat.Manifest> ExportAsync(string folder, Action<string, long>? progress, CancellationToken cancellationToken)
    {
        PrivateFiles.CreateFolder(folder);
        await using var connection = await db.OpenAsync(cancellationToken);
        // A deferred transaction is one read snapshot in WAL mode: writers carry on, the export stays consistent.
        await using var transaction = connection.BeginTransaction(deferred: true);
        var counts = new Dictionary<string, long>();
        foreach (var table in ExportFormat.Tables)
        {
            var links = table == "articles" ? await LoadLinksAsync(connection, transaction) : null;
            var previousSlugs = SlugAliases.OwnersOf(table) is { } owners ? await LoadPreviousSlugsAsync(connection, transaction, owners) : null;
            await using var file = new StreamWriter(PrivateFiles.CreateNew(Path.Combine(folder, ExportFormat.FileOf(table))), new UTF8Encoding(false));
            file.NewLine = "\n";
            var count = 0L;
            // Table names come from ExportFormat.Tables, never from input. Rows are streamed: a buffered query held every
            // article of a 100,000-article library in memory at once (about 1 GB).
            var rows = connection.QueryUnbufferedAsync($"SELECT * FROM {table} ORDER BY id", transaction: transaction);
            await foreach (IDictionary<string, object?> row in rows.WithCancellation(cancellationToken))
            {
                // The folded keys are the app's to compute (FoldedKeys): the format stays as it was, and an import computes them.
                var record = new Dictionary<string, object?>(row.Where(column => !FoldedKeys.IsKey(table, column.Key)));
                if (links is not null)
                {
                    var id = (long)row["id"]!;
                    foreach (var (_, _, property) in ExportFormat.ArticleLinks)
                    {
                        record[property] = links[property][id].ToArray();
                    }
                }
                if (previousSlugs is not null && previousSlugs[(long)row["id"]!].ToArray() is { Length: > 0 } slugs)
                {
                    record[ExportFormat.PreviousSlugsProperty] = slugs;
                }
                await file.WriteLineAsync(JsonSerializer.Serialize(record, ExportFormat.Json));
                count++;
                progress?.Invoke(table, count);
            }
            counts[table] = count;
        }
        var schema = await connection.ExecuteScalarAsync<int>("SELECT coalesce(max(version), 0) FROM schema_migrations", transaction: transaction);
        var lastIds = (await connection.QueryAsync<(string Name, long LastId)>(SqliteDialect.ReadIdHighWater, transaction: transaction))
            .ToDictionary(r => r.Name, r => r.LastId);
        var lastVersions = (await connection.QueryAsync<(string Name, long LastVersion)>(SqliteDialect.ReadVersionHighWater, transaction: transaction))
            .ToDictionary(r => r.Name, r => r.LastVersion);
        var restoredAt = await connection.ExecuteScalarAsync<string?>(SqliteDialect.ReadLastRestore, transaction: transaction);
        var manifest = new ExportFormat.Manifest(ExportFormat.FormatName, ExportFormat.FormatVersion, schema, counts, lastIds, lastVersions, restoredAt);
        await PrivateFiles.WriteAllTextAsync(Path.Combine(folder, ExportFormat.ManifestFile), JsonSerializer.Serialize(manifest, ExportFormat.Json) + "\n", cancellationToken);
        return manifest;
    }

    private static async Task<ILookup<long, string>> LoadPreviousSlugsAsync(DbConnection connection, DbTransaction transaction, SluggedTable owners) =>
        (await connection.QueryAsync<(long OwnerId, string Slug)>(SlugAliases.AllSql(owners), transaction: transaction)).ToLookup(p => p.OwnerId, p => p.Slug);

    private static async Task<Dictionary<string, ILookup<long, long>>> LoadLinksAsync(DbConnection connection, DbTransaction transaction)
    {
        var links = new Dictionary<string, ILookup<long, long>>();
        foreach (var (table, column, property) in ExportFormat.ArticleLinks)
        {
            var pairs = await connection.QueryAsync<(long ArticleId, long RefId)>(
                $"SELECT article_id, {column} FROM {table} ORDER BY article_id, position", transaction: transaction);
            links[property] = pairs.ToLookup(p => p.ArticleId, p => p.RefId);
        }
        return links;
    }
}
