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
                (counts[table], var derived) = await ImportTableAsync(connection, transaction, folder, table, givenBefore.GetValueOrDefault(table), progress, cancellationToken);
                derivedAgain += derived;
                // A truncated or edited file must not pass for the whole export: nothing is imported then.
                if (manifest.Counts.GetValueOrDefault(table, -1) is var expected && expected != counts[table])
                {
                    throw new InvalidDataException($"{ExportFormat.FileOf(table)} has {counts[table]} rows, but the manifest says {expected}: the export is incomplete or was changed.");
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
                if (!Timestamps.IsDbFormat(restoredAt))
                {
                    throw new InvalidDataException($"The manifest's RestoredAt is {restoredAt}; expected a timestamp such as 2026-12-01T08:00:00.000000Z.");
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
        await using var stream = File.OpenRead(manifestPath);
        var bytes = await Import.ImportFileText.ReadAtMostAsync(stream, MaxManifestBytes, cancellationToken)
            ?? throw new InvalidDataException($"{manifestPath} is not the manifest an export writes (it is larger than {MaxManifestBytes:N0} bytes).");
        return new System.Text.UTF8Encoding(false).GetString(bytes.AsSpan(bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0));
    }

    /// <param name="givenBefore">The highest id the database gave <paramref name="table"/> before the import: none of those may be given again.</param>
    /// <returns>The rows imported, and how many articles' derived texts this build derives otherwise than the file held.</returns>
    private static async Task<(long Count, long DerivedAgain)> ImportTableAsync(
        DbConnection connection, DbTransaction transaction, string folder, string table, long givenBefore, Action<string, long>? progress, CancellationToken cancellationToken)
    {
        var columns = (await connection.QueryAsync<(string Name, string Type)>($"SELECT name, type FROM pragma_table_info('{table}')", transaction: transaction))
            .Where(c => !FoldedKeys.IsKey(table, c.Name))
            .ToDictionary(c => c.Name, c => c.Type, StringComparer.Ordinal);
        var path = Path.Combine(folder, ExportFormat.FileOf(table));
        var (count, derivedAgain) = (0L, 0L);
        var earlierSlugsKept = false; // most exports have none: no article then needs looking up among them
        var lineNumber = 0;
        foreach (var line in Lines(path))
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }
            using var document = Parse(line, path, lineNumber);
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
                var name = NameOf(property, path, lineNumber);
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
                if (name == ExportFormat.PreviousSlugsProperty && table == "articles")
                {
                    previousSlugs = PreviousSlugs(property.Value, path, lineNumber);
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
                throw new InvalidDataException($"{path}:{lineNumber}: 'body' places {UnlistedImages.References(unlisted)}, which the API refuses: {UnlistedImages.PlacedMessage(unlisted)}");
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
            if (table == "articles")
            {
                if (earlierSlugsKept)
                {
                    await RefuseSlugKeptByAnotherAsync(connection, transaction, id, path, lineNumber, cancellationToken);
                }
                await AddPreviousSlugsAsync(connection, transaction, id, previousSlugs, path, lineNumber, cancellationToken);
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
    private const string DeriveAgainSql = """
        UPDATE articles SET derived_excerpt = @DerivedExcerpt, character_count = @CharacterCount, reading_time_minutes = @ReadingTimeMinutes
        WHERE id = @Id AND (derived_excerpt IS NOT @DerivedExcerpt OR character_count IS NOT @CharacterCount OR reading_time_minutes IS NOT @ReadingTimeMinutes)
        """;

    /// <summary>An article's earlier slugs: a list of slugs under the API's rules.</summary>
    private static string[] PreviousSlugs(JsonElement value, string path, int lineNumber)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException($"{path}:{lineNumber}: '{ExportFormat.PreviousSlugsProperty}' must be a list of slugs.");
        }
        var slugs = new List<string>();
        foreach (var item in value.EnumerateArray())
        {
            var slug = item.ValueKind == JsonValueKind.String ? ImportedColumnRules.Stored("articles", "slug", item.GetString()) as string : null;
            if (slug is null || ImportedColumnRules.Problem("articles", "slug", slug) is not null)
            {
                throw new InvalidDataException($"{path}:{lineNumber}: '{ExportFormat.PreviousSlugsProperty}' holds {item.GetRawText()}, which is no slug the API takes: {TextRules.SlugMessage}");
            }
            if (slugs.Contains(slug))
            {
                throw new InvalidDataException($"{path}:{lineNumber}: '{ExportFormat.PreviousSlugsProperty}' holds '{slug}' twice.");
            }
            slugs.Add(slug);
        }
        return [.. slugs];
    }

    /// <summary>An article's slug that an article before it in the file kept as an earlier one: the API never leaves both.</summary>
    private static async Task RefuseSlugKeptByAnotherAsync(
        DbConnection connection, DbTransaction transaction, long id, string path, int lineNumber, CancellationToken cancellationToken)
    {
        var kept = await connection.QueryFirstOrDefaultAsync<(long ArticleId, string Slug)?>(new CommandDefinition(
            "SELECT s.article_id, s.slug FROM articles a JOIN article_slug_aliases s ON s.slug = a.slug WHERE a.id = @Id",
            new { Id = id }, transaction, cancellationToken: cancellationToken));
        if (kept is { } earlier)
        {
            throw new InvalidDataException($"{path}:{lineNumber}: 'slug' is '{earlier.Slug}', which article {earlier.ArticleId} has as an earlier slug ('{ExportFormat.PreviousSlugsProperty}').");
        }
    }

    /// <summary>
    /// Each earlier slug leads to its article again. One that two articles had, or one that is an article's slug, is
    /// refused: the API never leaves either.
    /// </summary>
    private static async Task AddPreviousSlugsAsync(
        DbConnection connection, DbTransaction transaction, long id, string[] slugs, string path, int lineNumber, CancellationToken cancellationToken)
    {
        foreach (var slug in slugs)
        {
            var holder = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
                SlugAllocator.HoldersSql(SluggedTable.Articles), new { Slug = slug }, transaction, cancellationToken: cancellationToken));
            if (holder is { } other)
            {
                throw new InvalidDataException($"{path}:{lineNumber}: '{ExportFormat.PreviousSlugsProperty}' holds '{slug}', which article {other} has as its slug or an earlier one.");
            }
            await connection.ExecuteAsync(new CommandDefinition(
                Articles.ArticleQueries.KeepOldSlug, new { Slug = slug, Id = id }, transaction, cancellationToken: cancellationToken));
        }
    }

    /// <summary>A row's member name, which can hold an escaped lone surrogate too (<see cref="ImportedValue.LoneSurrogate"/>).</summary>
    private static string NameOf(JsonProperty property, string path, int lineNumber)
    {
        try
        {
            return property.Name;
        }
        catch (InvalidOperationException exception)
        {
            throw new InvalidDataException($"{path}:{lineNumber}: a member's name {ImportedValue.LoneSurrogate}", exception);
        }
    }

    private static JsonDocument Parse(string line, string path, int lineNumber)
    {
        try
        {
            return JsonDocument.Parse(line);
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException(NotAJsonRow.Message(path, lineNumber, exception));
        }
    }

    /// <summary>The line of the file's first bytes that are not UTF-8 (after a byte-order mark), read in pieces: an export can be large.</summary>
    private static long LineNotUtf8(string path)
    {
        using var stream = File.OpenRead(path);
        var buffer = new byte[64 * 1024];
        var chars = new char[buffer.Length];
        var (pending, line, first) = (0, 1L, true);
        while (true)
        {
            var read = stream.Read(buffer, pending, buffer.Length - pending);
            var length = pending + read;
            var start = first && buffer.AsSpan(0, length).StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
            first = false;
            var status = System.Text.Unicode.Utf8.ToUtf16(buffer.AsSpan(start, length - start), chars, out var consumed, out _, replaceInvalidSequences: false, isFinalBlock: read == 0);
            line += buffer.AsSpan(start, consumed).Count((byte)'\n');
            if (status == System.Buffers.OperationStatus.InvalidData || read == 0)
            {
                return line;
            }
            // What is left is the start of a character cut by the read: it is read again with the next piece.
            pending = length - start - consumed;
            buffer.AsSpan(start + consumed, pending).CopyTo(buffer);
        }
    }

    /// <summary>
    /// The longest line read, in characters: an article's row, with a body of 500,000 characters each written as an
    /// escaped surrogate pair (12 characters), is under 6.5 million. Read whole, a line of gigabytes (an export edited, or
    /// a file that is not one) took the memory of the machine before anything could refuse it.
    /// </summary>
    public const int MaxLineCharacters = 16 * 1024 * 1024;

    /// <summary>
    /// The file's lines (ended by LF, CR or CRLF, as <see cref="TextReader.ReadLine"/> ends them), read as strict UTF-8: a
    /// byte that is not UTF-8 is an error, not a U+FFFD in the data; a line past <paramref name="maxLineCharacters"/> is an
    /// error at its line, found before it is held whole.
    /// </summary>
    internal static IEnumerable<string> Lines(string path, int maxLineCharacters = MaxLineCharacters)
    {
        using var reader = new StreamReader(path, new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
        var buffer = new char[64 * 1024];
        var line = new System.Text.StringBuilder();
        var (lineNumber, afterCarriageReturn) = (1L, false);
        int read;
        while ((read = Read(reader, buffer, path)) > 0)
        {
            var start = 0;
            if (afterCarriageReturn && buffer[0] == '\n')
            {
                start = 1; // the LF of a CRLF that a read cut in two
            }
            afterCarriageReturn = false;
            while (start < read)
            {
                var end = buffer.AsSpan(start, read - start).IndexOfAny('\r', '\n');
                var length = end < 0 ? read - start : end;
                if (line.Length + length > maxLineCharacters)
                {
                    throw new InvalidDataException(
                        $"{path}:{lineNumber}: the line is longer than {maxLineCharacters:N0} characters, which no row of an export is (an article's body is at most {Articles.ArticleRequestValidator.MaxBodyLength:N0} characters).");
                }
                line.Append(buffer, start, length);
                if (end < 0)
                {
                    break;
                }
                var breakAt = start + end;
                start = breakAt + 1;
                if (buffer[breakAt] == '\r')
                {
                    if (start < read && buffer[start] == '\n')
                    {
                        start++;
                    }
                    else if (start == read)
                    {
                        afterCarriageReturn = true;
                    }
                }
                yield return line.ToString();
                line.Clear();
                lineNumber++;
            }
        }
        if (line.Length > 0)
        {
            yield return line.ToString();
        }
    }

    private static int Read(StreamReader reader, char[] buffer, string path)
    {
        try
        {
            return reader.Read(buffer, 0, buffer.Length);
        }
        catch (System.Text.DecoderFallbackException)
        {
            // The reader decodes ahead of the line it returns: the line is found in the bytes.
            throw new InvalidDataException($"{path}:{LineNotUtf8(path)}: not UTF-8 (save the file as UTF-8).");
        }
    }
}
