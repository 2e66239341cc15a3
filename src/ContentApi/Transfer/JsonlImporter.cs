using System.Data.Common;
using System.Text.Json;
using ContentApi.Articles;
using ContentApi.Data;
using ContentApi.Search;
using ContentApi.Text;
using Dapper;
using Microsoft.Data.Sqlite;

namespace ContentApi.Transfer;

/// <summary>
/// Imports an export folder into an empty database, keeping ids, timestamps and versions, so that an
/// export of the result is byte for byte the export that was imported (but for a scheduled article whose time has come
/// since, whose going live is recorded: <see cref="ScheduledGoLive"/>). Every value is checked as the app will read it
/// (<see cref="ImportedValue"/>) and, where readers rely on it, as the API checks it (<see cref="ImportedColumnRules"/>).
/// </summary>
public sealed class JsonlImporter(Db db, TimeProvider clock)
{
    private const int Batch = 1000;

    public static bool IsExportFolder(string path) => File.Exists(Path.Combine(path, ExportFormat.ManifestFile));

    public async Task<Dictionary<string, long>> ImportAsync(string folder, Action<string, long>? progress, CancellationToken cancellationToken)
    {
        var manifestPath = Path.Combine(folder, ExportFormat.ManifestFile);
        ExportFormat.Manifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<ExportFormat.Manifest>(await ManifestTextAsync(manifestPath, cancellationToken), ExportFormat.Json);
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"{manifestPath} is not the manifest an export writes ({exception.Message})", exception);
        }
        if (manifest is not { Format: ExportFormat.FormatName, Version: ExportFormat.FormatVersion, Counts: not null })
        {
            throw new InvalidDataException($"{folder} is not a {ExportFormat.FormatName} v{ExportFormat.FormatVersion} export.");
        }
        var counts = new Dictionary<string, long>();
        var derivedAgain = 0L;
        await db.WriteAsync(async (connection, transaction) =>
        {
            foreach (var table in ExportFormat.Tables)
            {
                if (await connection.ExecuteScalarAsync<long>($"SELECT count(*) FROM {table}", transaction: transaction) > 0)
                {
                    throw new InvalidOperationException($"The database already has {table}; import an export only into an empty database.");
                }
            }
            // An empty database may have held content: the ids it gave stay given (README: Ids), as the export's ids are kept.
            var givenBefore = (await connection.QueryAsync<(string Name, long LastId)>(SqliteDialect.ReadIdHighWater, transaction: transaction))
                .ToDictionary(r => r.Name, r => r.LastId);
            foreach (var table in ExportFormat.Tables)
            {
                // An empty table's file is empty, and is left unopened: a named pipe in its place would be waited on for ever.
                var path = Path.Combine(folder, ExportFormat.FileOf(table));
                if (ExportFiles.Length(path) == 0)
                {
                    counts[table] = manifest.Counts.GetValueOrDefault(table, -1) == 0 ? 0
                        : throw new InvalidDataException($"{path} {ExportFiles.NoLength}, where {ManifestCount(manifest, table)}: give the file export wrote.");
                    progress?.Invoke(table, 0);
                    continue;
                }
                (counts[table], var derived) = await ImportTableAsync(connection, transaction, folder, table, givenBefore.GetValueOrDefault(table), progress, cancellationToken);
                derivedAgain += derived;
                // A truncated or edited file must not pass for the whole export: nothing is imported then.
                if (manifest.Counts.GetValueOrDefault(table, -1) is var expected && expected != counts[table])
                {
                    throw new InvalidDataException($"{ExportFormat.FileOf(table)} has {counts[table]} rows, but {ManifestCount(manifest, table)}: the export is incomplete or was changed.");
                }
            }
            // Computed here, not taken from the files (FoldedKeys), which never give them.
            await FoldedKeys.RecomputeAsync(connection, transaction, cancellationToken);
            foreach (var (table, lastId) in manifest.LastIds ?? [])
            {
                if (!ExportFormat.Tables.Contains(table) || lastId is < 0 or > ImportedValue.MaxId)
                {
                    throw new InvalidDataException($"The manifest's LastIds has {table}: {lastId}; expected a table of the export and an id from 0 to {ImportedValue.MaxId}.");
                }
                await connection.ExecuteAsync(SqliteDialect.RaiseIdHighWater, new { Name = table, LastId = lastId }, transaction);
            }
            foreach (var (table, lastVersion) in manifest.LastVersions ?? [])
            {
                if (!ExportFormat.Tables.Contains(table) || lastVersion is < 0 or > ImportedValue.MaxId)
                {
                    throw new InvalidDataException($"The manifest's LastVersions has {table}: {lastVersion}; expected a table of the export and a version from 0 to {ImportedValue.MaxId}.");
                }
                await connection.ExecuteAsync(SqliteDialect.RaiseVersionHighWater, new { Name = table, LastVersion = lastVersion }, transaction);
            }
            if (manifest.RestoredAt is { } restoredAt)
            {
                if (!Timestamps.IsDbFormat(restoredAt) || Timestamps.FromDb(restoredAt).Year < Http.Json.UtcDateTimeOffsetConverter.FirstYear)
                {
                    throw new InvalidDataException(
                        $"The manifest's RestoredAt is {restoredAt}; expected a timestamp such as 2026-12-01T08:00:00.000000Z, between the years {Http.Json.UtcDateTimeOffsetConverter.FirstYear} and {Http.Json.UtcDateTimeOffsetConverter.LastYear}.");
                }
                await connection.ExecuteAsync(SqliteDialect.RecordRestore, new { Now = restoredAt }, transaction);
            }
            var now = Timestamps.ToDb(clock.GetUtcNow());
            if (derivedAgain > 0 && string.CompareOrdinal(now, manifest.RestoredAt) > 0)
            {
                // As reindex does: else a cache revalidating by date alone is told 304 and keeps the excerpt the export held.
                await connection.ExecuteAsync(SqliteDialect.RecordRestore, new { Now = now }, transaction);
            }
            // An article exported while scheduled whose time has come since went live unrecorded: as the server would have.
            await ScheduledGoLive.RecordDueAsync(connection, transaction, clock.GetUtcNow(), cancellationToken);
            var articleIds = (await connection.QueryAsync<long>("SELECT id FROM articles", transaction: transaction)).AsList();
            await SearchIndex.UpdateAsync(connection, transaction, articleIds, cancellationToken);
            return 0;
        }, cancellationToken);
        return counts;
    }

    /// <summary>The longest manifest read: one an export writes has a few hundred bytes.</summary>
    private const long MaxManifestBytes = 1024 * 1024;

    /// <summary>The manifest's text, read no further than <see cref="MaxManifestBytes"/>: read whole, a file of gigabytes took the machine's memory.</summary>
    private static async Task<string> ManifestTextAsync(string manifestPath, CancellationToken cancellationToken)
    {
        if (ExportFiles.Length(manifestPath) == 0)
        {
            throw new InvalidDataException($"{manifestPath} {ExportFiles.NoLength}, which no export writes.");
        }
        await using var stream = ExportFiles.OpenRead(manifestPath);
        var bytes = await Import.ImportFileText.ReadAtMostAsync(stream, MaxManifestBytes, cancellationToken)
            ?? throw new InvalidDataException($"{manifestPath} is not the manifest an export writes (it is larger than {MaxManifestBytes:N0} bytes).");
        return new System.Text.UTF8Encoding(false).GetString(bytes.AsSpan(bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0));
    }

    /// <param name="givenBefore">The highest id the database gave <paramref name="table"/> before the import: none of those may be given again.</param>
    /// <returns>The rows imported, and how many articles' derived texts this build derives otherwise than the file held.</returns>
    private static async Task<(long Count, long DerivedAgain)> ImportTableAsync(
        DbConnection connection, DbTransaction transaction, string folder, string table, long givenBefore, Action<string, long>? progress, CancellationToken cancellationToken)
    {
        var columns = (await connection.QueryAsync<(string Name, string Type)>(SqliteDialect.ColumnsAndTypes(table), transaction: transaction))
            .Where(c => !FoldedKeys.IsKey(table, c.Name))
            .ToDictionary(c => c.Name, c => c.Type, StringComparer.Ordinal);
        var path = Path.Combine(folder, ExportFormat.FileOf(table));
        var (count, derivedAgain) = (0L, 0L);
        var earlierSlugsKept = false; // most exports have none: no row then needs looking up among them
        var lineNumber = 0;
        foreach (var line in JsonlLines.Lines(path))
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }
            using var document = JsonlLines.Parse(line, path, lineNumber);
            var parameters = new DynamicParameters();
            var names = new List<string>();
            var links = new List<(string Table, string Column, string Property, long[] Ids)>();
            string[] previousSlugs = [];
            var given = new HashSet<string>(StringComparer.Ordinal);
            var (body, coverImageId) = ((string?)null, (long?)null);
            if (document.RootElement.ValueKind != JsonValueKind.Object ||
                !document.RootElement.TryGetProperty("id", out var idElement) || ImportedValue.Of(idElement, "id", "INTEGER") is not ({ } idValue, null))
            {
                throw new InvalidDataException($"{path}:{lineNumber}: a row must be an object with an id from 1 to {ImportedValue.MaxId}.");
            }
            if ((long)idValue <= givenBefore)
            {
                throw new InvalidDataException(
                    $"{path}:{lineNumber}: id {(long)idValue} is one this database gave before, to content since deleted (it gave {table} ids up to {givenBefore}): " +
                    "import the export into a new database, so that no URL, cached copy or If-Match of what was deleted names other content.");
            }
            foreach (var property in document.RootElement.EnumerateObject())
            {
                var name = JsonlLines.NameOf(property, path, lineNumber);
                // JSON allows a name twice, and each was taken: the row got one of the values, an article both lists of links.
                if (!given.Add(name))
                {
                    throw new InvalidDataException($"{path}:{lineNumber}: '{name}' appears twice in the row.");
                }
                if (ExportFormat.ArticleLinks.FirstOrDefault(l => l.Property == name) is { Table: not null } link && table == "articles")
                {
                    var (ids, idsProblem) = ImportedValue.Ids(property.Value);
                    links.Add((link.Table, link.Column, name, ids ?? throw new InvalidDataException($"{path}:{lineNumber}: '{name}' {idsProblem}")));
                    continue;
                }
                if (name == ExportFormat.PreviousSlugsProperty && SlugAliases.OwnersOf(table) is not null)
                {
                    previousSlugs = ImportedPreviousSlugs.PreviousSlugs(table, property.Value, path, lineNumber);
                    continue;
                }
                // Only real columns of the table: a hostile file cannot smuggle SQL through its keys.
                if (!columns.TryGetValue(name, out var declaredType))
                {
                    throw new InvalidDataException($"{path}:{lineNumber}: unknown column '{name}'.");
                }
                names.Add(name);
                var (read, problem) = ImportedValue.Of(property.Value, name, declaredType);
                if (problem is not null)
                {
                    throw new InvalidDataException($"{path}:{lineNumber}: '{name}' {problem}");
                }
                var value = ImportedColumnRules.Stored(table, name, read);
                if (ImportedColumnRules.Problem(table, name, value) is { } refused)
                {
                    throw new InvalidDataException($"{path}:{lineNumber}: '{name}' is {Http.Errors.Echoed.Cut(property.Value.GetRawText())}, which the API refuses: {refused}");
                }
                parameters.Add("p" + names.Count, value);
                (body, coverImageId) = (table, name) switch
                {
                    ("articles", "body") => (value as string, coverImageId),
                    ("articles", "cover_image_id") => (body, value as long?),
                    _ => (body, coverImageId),
                };
            }
            if (table == "articles" && !links.Any(l => l.Property == AuthorIdsProperty && l.Ids.Length > 0))
            {
                throw new InvalidDataException($"{path}:{lineNumber}: '{AuthorIdsProperty}' lists no author, which the API refuses: {Articles.ArticleRequestValidator.AuthorsRequiredMessage}");
            }
            var measured = body is null ? null : ArticleText.Measure(body);
            if (measured is not null &&
                UnlistedImages.Of(measured.PlacedImageIds, coverImageId, [.. links.Where(l => l.Property == ImageIdsProperty).SelectMany(l => l.Ids)]) is { Count: > 0 } unlisted)
            {
                var messages = await UnlistedImages.MessagesAsync(connection, transaction, unlisted, cancellationToken);
                throw new InvalidDataException($"{path}:{lineNumber}: 'body' places {UnlistedImages.References(unlisted)}, which the API refuses: {string.Join(" ", messages)}");
            }
            var sql = $"INSERT INTO {table} ({string.Join(", ", names)}) VALUES ({string.Join(", ", names.Select((_, i) => "@p" + (i + 1)))})";
            // The database checks the keys (a repeated id or slug, an id no row has); its refusal is told with the row's line.
            try
            {
                await connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));
            }
            catch (SqliteException exception) when (SqliteDialect.IsConstraintViolation(exception))
            {
                var reason = await RefusedRow.ReasonAsync(connection, transaction, path, lineNumber, table, document.RootElement, columns, exception);
                throw new InvalidDataException($"{path}:{lineNumber}: {reason}", exception);
            }
            var id = (long)idValue;
            foreach (var (linkTable, column, property, ids) in links)
            {
                try
                {
                    await connection.ExecuteAsync(new CommandDefinition(
                        $"INSERT INTO {linkTable} (article_id, {column}, position) VALUES (@ArticleId, @RefId, @Position)",
                        ids.Select((refId, position) => new { ArticleId = id, RefId = refId, Position = (long)position }), transaction, cancellationToken: cancellationToken));
                }
                catch (SqliteException exception) when (SqliteDialect.IsConstraintViolation(exception))
                {
                    var reason = await RefusedRow.LinksReasonAsync(connection, transaction, linkTable, column, property, ids, exception);
                    throw new InvalidDataException($"{path}:{lineNumber}: {reason}", exception);
                }
            }
            if (measured is { TooComplex: null })
            {
                derivedAgain += await connection.ExecuteAsync(new CommandDefinition(DeriveAgainSql,
                    new { Id = id, measured.DerivedExcerpt, measured.CharacterCount, measured.ReadingTimeMinutes }, transaction, cancellationToken: cancellationToken));
            }
            if (SlugAliases.OwnersOf(table) is { } owners)
            {
                if (earlierSlugsKept)
                {
                    await ImportedPreviousSlugs.RefuseSlugKeptByAnotherAsync(connection, transaction, owners, id, path, lineNumber, cancellationToken);
                }
                await ImportedPreviousSlugs.AddPreviousSlugsAsync(connection, transaction, owners, id, previousSlugs, path, lineNumber, cancellationToken);
                earlierSlugsKept |= previousSlugs.Length > 0;
            }
            count++;
            if (count % Batch == 0)
            {
                progress?.Invoke(table, count);
            }
        }
        progress?.Invoke(table, count);
        return (count, derivedAgain);
    }

    private const string AuthorIdsProperty = "author_ids";
    private const string ImageIdsProperty = "image_ids";

    /// <summary>
    /// An article's derived texts as this build derives them, as reindex would write them (<see cref="DerivedTextRefresh"/>):
    /// an older build's export holds that build's. One whose body is too complex to measure keeps the file's, as there.
    /// </summary>
    private static readonly string DeriveAgainSql = $"""
        UPDATE articles SET derived_excerpt = @DerivedExcerpt, character_count = @CharacterCount, reading_time_minutes = @ReadingTimeMinutes
        WHERE id = @Id AND ({SqliteDialect.Differs("derived_excerpt", "@DerivedExcerpt")} OR {SqliteDialect.Differs("character_count", "@CharacterCount")} OR {SqliteDialect.Differs("reading_time_minutes", "@ReadingTimeMinutes")})
        """;

    /// <summary>What the manifest says of a table's rows, one it does not count too (an edited manifest).</summary>
    private static string ManifestCount(ExportFormat.Manifest manifest, string table) =>
        manifest.Counts.TryGetValue(table, out var count) ? $"the manifest counts {count} row{(count == 1 ? "" : "s")}" : "the manifest counts none of its rows";
}
