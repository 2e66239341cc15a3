using ContentApi.Data;
using ContentApi.Search;
using ContentApi.Tags;
using ContentApi.Text;
using Dapper;
using Microsoft.Data.Sqlite;

namespace ContentApi.Seeding;

/// <summary>
/// Writes generated content in large batched transactions with prepared statements: fast enough for a
/// 100,000-article library in well under two minutes, and searchable (the index is filled as it goes).
/// </summary>
public sealed class SeedWriter(Db db)
{
    public const int BatchSize = 4000;

    private const string InsertImage = $"""
        INSERT INTO images (id, url, alt_text, caption, credit, width, height, mime_type, byte_size, search_key, created_at, updated_at, version)
        VALUES ({SqliteDialect.NextImageId}, $url, $alt, $caption, $credit, $width, $height, $mime, $size, $key, $now, $now, 1) RETURNING id
        """;

    private const string InsertArticle = $"""
        INSERT INTO articles (id, slug, title, subtitle, excerpt, derived_excerpt, body, language, status, published_at, cover_image_id,
                              canonical_url, reading_time_minutes, character_count, created_at, updated_at, version)
        VALUES ({SqliteDialect.NextArticleId}, $slug, $title, $subtitle, $excerpt, $derived, $body, $language, $status, $published, $cover, NULL, $minutes, $characters, $now, $now, 1)
        RETURNING id
        """;

    /// <summary>
    /// Creates the generator's authors and tags (or finds them by slug, and a tag by its name too, which is unique) and
    /// returns their ids in its order.
    /// </summary>
    public async Task<(long[] Authors, long[] Tags)> EnsurePeopleAndTagsAsync(SeedContentGenerator generator, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.WriteAsync(async (connection, transaction) =>
        {
            var stamp = Timestamps.ToDb(now);
            var authors = new long[generator.Authors.Count];
            for (var i = 0; i < authors.Length; i++)
            {
                var a = generator.Authors[i];
                authors[i] = await connection.ExecuteScalarAsync<long?>("SELECT id FROM authors WHERE slug = @Slug", new { a.Slug }, transaction)
                    ?? await connection.ExecuteScalarAsync<long>(
                        $"INSERT INTO authors (id, slug, name, bio, website, email, search_key, created_at, updated_at, version) VALUES ({SqliteDialect.NextAuthorId}, @Slug, @Name, @Bio, @Website, @Email, @SearchKey, @Now, @Now, 1) RETURNING id",
                        new { a.Slug, a.Name, a.Bio, a.Website, a.Email, SearchKey = FoldedKeys.AuthorKey(a.Name, a.Slug), Now = stamp }, transaction);
            }
            var tags = new long[generator.Tags.Count];
            for (var i = 0; i < tags.Length; i++)
            {
                var t = generator.Tags[i];
                var (nameKey, searchKey) = FoldedKeys.TagKeys(t.Name, t.Slug);
                tags[i] = await connection.ExecuteScalarAsync<long?>("SELECT id FROM tags WHERE slug = @Slug", new { t.Slug }, transaction)
                    ?? (await TagNames.FindAsync(connection, transaction, t.Name, null, cancellationToken))?.Id
                    ?? await connection.ExecuteScalarAsync<long>(
                        $"INSERT INTO tags (id, slug, name, description, name_key, search_key, created_at, updated_at, version) VALUES ({SqliteDialect.NextTagId}, @Slug, @Name, @Description, @NameKey, @SearchKey, @Now, @Now, 1) RETURNING id",
                        new { t.Slug, t.Name, t.Description, NameKey = nameKey, SearchKey = searchKey, Now = stamp }, transaction);
            }
            return (authors, tags);
        }, cancellationToken);

    /// <summary>
    /// Lets the search index hold 64 MiB of new entries in memory before writing them out as a segment (FTS5's
    /// default is 1 MiB): a batch of 4,000 Chinese articles makes ~24 million index tokens, and fewer, larger
    /// segments mean less merging. Only bulk transactions ever fill that buffer; a single article's write never does.
    /// </summary>
    public Task BeginBulkLoadAsync(CancellationToken cancellationToken) => SetIndexBufferAsync(64 << 20, cancellationToken);

    /// <summary>Restores the index's default buffer size (it is stored in the index, so also after a failed load).</summary>
    public Task EndBulkLoadAsync(CancellationToken cancellationToken) => SetIndexBufferAsync(SqliteDialect.DefaultSearchIndexBufferSize, cancellationToken);

    private Task<int> SetIndexBufferAsync(int bytes, CancellationToken cancellationToken) =>
        db.WriteAsync((connection, transaction) => connection.ExecuteAsync(SqliteDialect.SearchIndexBufferSize(bytes), transaction: transaction),
            cancellationToken, changesContent: false);

    /// <summary>A generated article with the text work done: its statistics and its analysed index document.</summary>
    public sealed record PreparedArticle(SeedArticle Seed, ArticleTextStats Stats, IndexDocument Index);

    /// <summary>
    /// The CPU-heavy part (text statistics and search analysis), spread over all cores, so it can overlap
    /// with the single-threaded database work of the previous batch.
    /// </summary>
    public static PreparedArticle[] Prepare(SeedArticle[] batch, SeedContentGenerator generator)
    {
        var prepared = new PreparedArticle[batch.Length];
        Parallel.For(0, batch.Length, i =>
        {
            var seed = batch[i];
            var stats = ArticleText.Measure(seed.Body); // image placeholders add no text, so ids do not matter here
            var index = IndexDocument.Build(0, seed.Title, seed.Subtitle, seed.Excerpt ?? stats.IndexedDerivedExcerpt, stats.PlainText,
                seed.AuthorIndexes.Select(a => generator.Authors[a].Name), seed.TagIndexes.Select(t => generator.Tags[t].Name),
                seed.Images.Select(image => $"{image.Caption}\n{image.Credit}"));
            prepared[i] = new PreparedArticle(seed, stats, index);
        });
        return prepared;
    }

    /// <summary>Writes one prepared batch of articles, their images, links and index entries in one transaction.</summary>
    public Task WriteBatchAsync(IReadOnlyList<PreparedArticle> batch, long[] authorIds, long[] tagIds, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.WriteAsync(async (connection, transaction) =>
        {
            var stamp = Timestamps.ToDb(now);
            using var image = Prepare(connection, transaction, InsertImage, "$url", "$alt", "$caption", "$credit", "$width", "$height", "$mime", "$size", "$key", "$now");
            using var article = Prepare(connection, transaction, InsertArticle,
                "$slug", "$title", "$subtitle", "$excerpt", "$derived", "$body", "$language", "$status", "$published", "$cover", "$minutes", "$characters", "$now");
            using var link = Prepare(connection, transaction, "INSERT INTO article_authors (article_id, author_id, position) VALUES ($a, $r, $p)", "$a", "$r", "$p");
            using var tagLink = Prepare(connection, transaction, "INSERT INTO article_tags (article_id, tag_id, position) VALUES ($a, $r, $p)", "$a", "$r", "$p");
            using var imageLink = Prepare(connection, transaction, "INSERT INTO article_images (article_id, image_id, position) VALUES ($a, $r, $p)", "$a", "$r", "$p");
            // Indexed under the names stored now, not the generator's: an author or tag renamed through a server while
            // the seed ran was reindexed with its articles then, and those written after were indexed under the old name
            // for good (searches by the new one missed them), as were those of one that had the seed's slug before it.
            var authorNames = await StoredNamesAsync(connection, transaction, AuthorNamesSql, authorIds);
            var tagNames = await StoredNamesAsync(connection, transaction, TagNamesSql, tagIds);
            var analysedNames = new Dictionary<string, string>(StringComparer.Ordinal);
            string Analysed(IEnumerable<string> names) => string.Join('\n', names) is var key && analysedNames.TryGetValue(key, out var known)
                ? known
                : analysedNames[key] = IndexDocument.NamesApart(names);
            var documents = new List<IndexDocument>(batch.Count);
            foreach (var (seed, stats, index) in batch)
            {
                var imageIds = new List<long>(seed.Images.Count);
                foreach (var i in seed.Images)
                {
                    imageIds.Add((long)Run(image, i.Url, i.AltText, i.Caption, i.Credit, i.Width, i.Height, i.MimeType, i.ByteSize,
                        FoldedKeys.ImageKey(i.AltText, i.Caption, i.Credit), stamp)!);
                }
                var id = (long)Run(article, seed.Slug, seed.Title, seed.Subtitle, seed.Excerpt, stats.DerivedExcerpt, seed.BodyWith(imageIds), seed.Language,
                    seed.Status, Timestamps.ToDb(seed.PublishedAt), seed.CoverImageIndex is { } cover ? imageIds[cover] : null,
                    stats.ReadingTimeMinutes, stats.CharacterCount, stamp)!;
                for (var p = 0; p < seed.AuthorIndexes.Count; p++)
                {
                    Run(link, id, authorIds[seed.AuthorIndexes[p]], p);
                }
                for (var p = 0; p < seed.TagIndexes.Count; p++)
                {
                    Run(tagLink, id, tagIds[seed.TagIndexes[p]], p);
                }
                for (var p = 0; p < imageIds.Count; p++)
                {
                    Run(imageLink, id, imageIds[p], p);
                }
                documents.Add(index with
                {
                    Id = id,
                    Authors = Analysed(seed.AuthorIndexes.Select(a => authorNames[authorIds[a]])),
                    Tags = Analysed(seed.TagIndexes.Select(t => tagNames[tagIds[t]])),
                });
            }
            await SearchIndex.InsertAsync(connection, transaction, documents, cancellationToken);
            return 0;
        }, cancellationToken);

    private const string AuthorNamesSql = "SELECT id AS Id, name AS Name FROM authors WHERE id IN @Ids";
    private const string TagNamesSql = "SELECT id AS Id, name AS Name FROM tags WHERE id IN @Ids";

    private static async Task<Dictionary<long, string>> StoredNamesAsync(SqliteConnection connection, System.Data.Common.DbTransaction transaction, string sql, long[] ids) =>
        (await connection.QueryAsync<(long Id, string Name)>(new CommandDefinition(sql, new { Ids = ids.Distinct().ToArray() }, transaction)))
            .ToDictionary(row => row.Id, row => row.Name);

    private static SqliteCommand Prepare(SqliteConnection connection, System.Data.Common.DbTransaction transaction, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.Transaction = (SqliteTransaction)transaction;
        command.CommandText = sql;
        foreach (var name in names)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }
        command.Prepare();
        return command;
    }

    private static object? Run(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
        return command.ExecuteScalar();
    }
}
