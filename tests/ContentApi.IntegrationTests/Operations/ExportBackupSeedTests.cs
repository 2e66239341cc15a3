using System.Net;
using System.Net.Http.Json;
using ContentApi.IntegrationTests.Search;
using ContentApi.TestSupport;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ContentApi.IntegrationTests.Operations;

public sealed class ExportBackupSeedTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static readonly string[] ExportFiles = ["images.jsonl", "authors.jsonl", "tags.jsonl", "articles.jsonl"];

    [Fact]
    public async Task Export_then_import_into_empty_database_reproduces_the_export_byte_for_byte()
    {
        var content = new TestContent(factory.Writer());
        var imageId = await content.ImageAsync("圖源:財聯社", "發布會現場");
        var moved = await content.ArticleAsync(new()
        {
            ["title"] = "通義千問 Qwen3-Max 發布",
            ["body"] = $"## 一、模型\n\n阿里巴巴發布模型。\n\n![現場](image:{imageId})\n\nCafe\u0301 與 𠀋。\r\n",
            ["language"] = "zh-Hant",
            ["imageIds"] = new[] { imageId },
            ["coverImageId"] = imageId,
            ["tagIds"] = new[] { await content.TagAsync("人工智慧"), await content.TagAsync("晶片") },
        });
        await content.ArticleAsync(new() { ["status"] = "draft", ["subtitle"] = "a draft" });
        foreach (var slug in new[] { $"通義千問-{Guid.NewGuid():N}", $"qwen3-max-{Guid.NewGuid():N}" })
        {
            await (await factory.Writer().PatchMergeAsync($"/api/v1/articles/{moved["id"]}", new { slug })).AssertJsonAsync();
        }

        var first = CommandRunner.TempDirectory();
        var (exported, exportOutput) = await CommandRunner.RunAsync(factory.DatabasePath, "export", first, "--markdown");
        Assert.True(exported == 0, exportOutput);
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(first, "markdown"), "*.md"));
        // The manifest counts what each file holds (it said 0 for every table when the export reported no progress).
        var counts = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(first, "manifest.json")))!["Counts"]!.AsObject();
        foreach (var (table, count) in counts)
        {
            Assert.Equal((await File.ReadAllLinesAsync(Path.Combine(first, table + ".jsonl"))).Length, count!.GetValue<long>());
        }
        Assert.True(counts["articles"]!.GetValue<long>() >= 2);

        var emptyDatabase = Path.Combine(CommandRunner.TempDirectory(), "restored.db");
        var (imported, importOutput) = await CommandRunner.RunAsync(emptyDatabase, "import", first);
        Assert.True(imported == 0, importOutput);
        var second = CommandRunner.TempDirectory();
        Assert.Equal(0, (await CommandRunner.RunAsync(emptyDatabase, "export", second)).ExitCode);

        foreach (var file in ExportFiles)
        {
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(first, file)), await File.ReadAllBytesAsync(Path.Combine(second, file)));
        }
        Assert.Contains("Cafe\u0301 與 \U0002000B。\\r\\n", await File.ReadAllTextAsync(Path.Combine(second, "articles.jsonl")), StringComparison.Ordinal);
        // The article's two earlier slugs lead to it in the imported database too.
        await using (var importedDatabase = new SqliteConnection($"Data Source={emptyDatabase};Pooling=False"))
        {
            Assert.Equal(2, await importedDatabase.ExecuteScalarAsync<long>("SELECT count(*) FROM article_slug_aliases WHERE article_id = @Id", new { Id = moved["id"]!.GetValue<long>() }));
        }

        // A second import would duplicate ids: it is refused and changes nothing.
        Assert.Equal(1, (await CommandRunner.RunAsync(emptyDatabase, "import", first)).ExitCode);

        // A file cut short is not the whole export: refused, and nothing imported.
        var articles = await File.ReadAllLinesAsync(Path.Combine(first, "articles.jsonl"));
        await File.WriteAllLinesAsync(Path.Combine(first, "articles.jsonl"), articles[..^1]);
        var anotherEmpty = Path.Combine(CommandRunner.TempDirectory(), "truncated.db");
        Assert.Equal(1, (await CommandRunner.RunAsync(anotherEmpty, "import", first)).ExitCode);
        await using var check = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={anotherEmpty};Pooling=False");
        await check.OpenAsync();
        await using var rows = check.CreateCommand();
        rows.CommandText = "SELECT (SELECT count(*) FROM articles) + (SELECT count(*) FROM tags) + (SELECT count(*) FROM images)";
        Assert.Equal(0L, (long)(await rows.ExecuteScalarAsync())!);
    }

    [Theory]
    [InlineData("images.jsonl", "\"focal_x\":[^,]*", "\"focal_x\":1e400")]
    [InlineData("articles.jsonl", "\"created_at\":\"[^\"]*\"", "\"created_at\":\"garbage\"")]
    [InlineData("articles.jsonl", "\"published_at\":\"[^\"]*\"", "\"published_at\":\"2020-01-01\"")]
    [InlineData("articles.jsonl", "\"reading_time_minutes\":[0-9]+", "\"reading_time_minutes\":\"x\"")]
    [InlineData("articles.jsonl", "\"version\":[0-9]+", "\"version\":1.5")]
    [InlineData("images.jsonl", "\"width\":[^,]*", "\"width\":\"wide\"")]
    [InlineData("articles.jsonl", "\"id\":[0-9]+", "\"id\":9223372036854775807")]
    [InlineData("articles.jsonl", "\"id\":[0-9]+,", "")]
    [InlineData("articles.jsonl", "\"id\":[0-9]+", "\"id\":true")]
    [InlineData("articles.jsonl", "\"tag_ids\":\\[", "\"tag_ids\":[1.5,")]
    [InlineData("manifest.json", "\"Counts\":\\{[^}]*\\},?", "")]
    [InlineData("articles.jsonl", "\"title\":\"", "\"title\":\"\u00ff\u00fe")]
    public async Task Import_refuses_values_the_app_could_not_read_back_and_imports_nothing(string file, string pattern, string replacement)
    {
        var content = new TestContent(factory.Writer());
        await content.ImageAsync();
        await content.ArticleAsync(new() { ["tagIds"] = new[] { await content.TagAsync() } });
        var folder = CommandRunner.TempDirectory();
        Assert.Equal(0, (await CommandRunner.RunAsync(factory.DatabasePath, "export", folder)).ExitCode);
        var path = Path.Combine(folder, file);
        var text = await File.ReadAllTextAsync(path);
        var match = System.Text.RegularExpressions.Regex.Match(text, pattern);
        Assert.True(match.Success, $"{pattern} not in {file}");
        var edited = text[..match.Index] + replacement + text[(match.Index + match.Length)..];
        // The last case writes bytes that are not UTF-8 (Latin-1 ÿþ); the others are UTF-8 like the export.
        await File.WriteAllBytesAsync(path, replacement.Contains('\u00ff') ? System.Text.Encoding.Latin1.GetBytes(edited) : System.Text.Encoding.UTF8.GetBytes(edited));

        var database = Path.Combine(CommandRunner.TempDirectory(), "refused.db");
        // The reason goes to standard error (for example "articles.jsonl:1: 'created_at' must be a timestamp ...").
        Assert.Equal(1, (await CommandRunner.RunAsync(database, "import", folder)).ExitCode);
        await using var check = new SqliteConnection($"Data Source={database};Pooling=False");
        await check.OpenAsync();
        await using var rows = check.CreateCommand();
        rows.CommandText = "SELECT (SELECT count(*) FROM articles) + (SELECT count(*) FROM tags) + (SELECT count(*) FROM images) + (SELECT count(*) FROM authors)";
        Assert.Equal(0L, (long)(await rows.ExecuteScalarAsync())!);
    }

    /// <summary>An export left out the earlier slugs of authors and tags, so an imported site's old /tags/ai links broke.</summary>
    [Fact]
    public async Task An_export_carries_the_earlier_slugs_of_authors_and_tags_into_the_imported_database()
    {
        var writer = factory.Writer();
        var nonce = Guid.NewGuid().ToString("N")[..10];
        var tag = (await writer.PostOkAsync("/api/v1/tags", new { name = $"人工智慧 {nonce}", slug = $"ai-{nonce}" }))["id"]!.GetValue<long>();
        var author = (await writer.PostOkAsync("/api/v1/authors", new { name = $"王小明 {nonce}", slug = $"wang-{nonce}" }))["id"]!.GetValue<long>();
        await (await writer.PatchMergeAsync($"/api/v1/tags/{tag}", new { slug = $"artificial-intelligence-{nonce}" })).AssertJsonAsync();
        await (await writer.PatchMergeAsync($"/api/v1/authors/{author}", new { slug = $"wang-da-ming-{nonce}" })).AssertJsonAsync();

        var folder = CommandRunner.TempDirectory();
        Assert.Equal(0, (await CommandRunner.RunAsync(factory.DatabasePath, "export", folder)).ExitCode);
        var imported = Path.Combine(CommandRunner.TempDirectory(), "imported.db");
        var (exitCode, output) = await CommandRunner.RunAsync(imported, "import", folder);

        Assert.True(exitCode == 0, output);
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={imported};Pooling=False");
        Assert.Equal(tag, await connection.ExecuteScalarAsync<long?>("SELECT tag_id FROM tag_slug_aliases WHERE slug = @Slug", new { Slug = $"ai-{nonce}" }));
        Assert.Equal(author, await connection.ExecuteScalarAsync<long?>("SELECT author_id FROM author_slug_aliases WHERE slug = @Slug", new { Slug = $"wang-{nonce}" }));
    }

    [Fact]
    public async Task An_imported_export_gives_no_id_that_its_source_had_given_and_deleted()
    {
        var writer = factory.Writer();
        var kept = await new TestContent(writer).TagAsync();
        var deleted = await new TestContent(writer).TagAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await writer.DeleteAsync($"/api/v1/tags/{deleted}")).StatusCode);

        var folder = CommandRunner.TempDirectory();
        Assert.Equal(0, (await CommandRunner.RunAsync(factory.DatabasePath, "export", folder)).ExitCode);
        var imported = Path.Combine(CommandRunner.TempDirectory(), "imported.db");
        Assert.Equal(0, (await CommandRunner.RunAsync(imported, "import", folder)).ExitCode);

        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={imported};Pooling=False");
        Assert.True(await connection.ExecuteScalarAsync<long>("SELECT max(id) FROM tags") >= kept);
        Assert.True(await connection.ExecuteScalarAsync<long>("SELECT last_id FROM id_high_water WHERE name = 'tags'") >= deleted,
            "the next tag would take the deleted tag's id");
    }

    /// <summary>
    /// A database emptied of its content had given ids, and an export imported into it gave them again: a URL, cached copy
    /// or If-Match (same id, same version) of a deleted resource named another (README: ids are never given twice).
    /// </summary>
    [Fact]
    public async Task An_export_is_not_imported_over_ids_the_database_gave_before_and_nothing_is_imported()
    {
        await new TestContent(factory.Writer()).TagAsync();
        var folder = CommandRunner.TempDirectory();
        Assert.Equal(0, (await CommandRunner.RunAsync(factory.DatabasePath, "export", folder)).ExitCode);
        var emptied = Path.Combine(CommandRunner.TempDirectory(), "emptied.db");
        var markdown = CommandRunner.TempDirectory();
        await File.WriteAllTextAsync(Path.Combine(markdown, "gone.md"), "---\ntitle: Gone\nauthors: J\ntags: [t]\n---\n\nDeleted since.\n");
        Assert.Equal(0, (await CommandRunner.RunAsync(emptied, "import", markdown)).ExitCode);
        await using (var connection = new SqliteConnection($"Data Source={emptied};Pooling=False"))
        {
            await connection.ExecuteAsync("PRAGMA foreign_keys = ON; DELETE FROM articles; DELETE FROM authors; DELETE FROM tags;");
        }

        Assert.Equal(1, (await CommandRunner.RunAsync(emptied, "import", folder)).ExitCode);
        await using (var app = await ContentApi.Cli.CommandHost.StartMigratedAsync(CancellationToken.None, CommandRunner.UsingDatabase(emptied)))
        {
            var refusal = await Assert.ThrowsAsync<InvalidDataException>(() =>
                new ContentApi.Transfer.JsonlImporter(app.Services.GetRequiredService<ContentApi.Data.Db>(), TimeProvider.System).ImportAsync(folder, null, CancellationToken.None));
            Assert.Matches(@"(authors|tags)\.jsonl:[0-9]+: id 1 is one this database gave before", refusal.Message);
        }
        await using var after = new SqliteConnection($"Data Source={emptied};Pooling=False");
        Assert.Equal(0L, await after.ExecuteScalarAsync<long>("SELECT (SELECT count(*) FROM articles) + (SELECT count(*) FROM tags) + (SELECT count(*) FROM images) + (SELECT count(*) FROM authors)"));
    }

    [Fact]
    public async Task An_imported_export_keeps_the_versions_its_source_had_given_and_its_last_restore()
    {
        // Lost on import, a restore into the imported database could give a version again, and an If-Match made
        // before would match other content (review of the restore fix).
        await new TestContent(factory.Writer()).TagAsync();
        using (var source = factory.OpenDatabase())
        {
            source.Execute("UPDATE version_high_water SET last_version = 4321 WHERE name = 'tags'");
            source.Execute("INSERT INTO last_restore (id, restored_at) VALUES (1, @Now) ON CONFLICT (id) DO UPDATE SET restored_at = excluded.restored_at", new { Now = "2026-11-30T10:00:00.000000Z" });
        }

        var folder = CommandRunner.TempDirectory();
        Assert.Equal(0, (await CommandRunner.RunAsync(factory.DatabasePath, "export", folder)).ExitCode);
        var imported = Path.Combine(CommandRunner.TempDirectory(), "imported.db");
        Assert.Equal(0, (await CommandRunner.RunAsync(imported, "import", folder)).ExitCode);

        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={imported};Pooling=False");
        Assert.Equal(4321, await connection.ExecuteScalarAsync<long>("SELECT last_version FROM version_high_water WHERE name = 'tags'"));
        Assert.Equal("2026-11-30T10:00:00.000000Z", await connection.ExecuteScalarAsync<string>("SELECT restored_at FROM last_restore WHERE id = 1"));
    }

    [Fact]
    public async Task The_markdown_of_an_export_has_one_file_per_article_of_its_json_lines()
    {
        var content = new TestContent(factory.Writer());
        await content.ArticleAsync();
        await content.ArticleAsync(new() { ["slug"] = "renamed-before-export" });

        var folder = CommandRunner.TempDirectory();
        Assert.Equal(0, (await CommandRunner.RunAsync(factory.DatabasePath, "export", folder, "--markdown")).ExitCode);

        var expected = File.ReadLines(Path.Combine(folder, "articles.jsonl"))
            .Select(line => System.Text.Json.Nodes.JsonNode.Parse(line)!)
            .Select(row => ContentApi.Transfer.MarkdownFromExport.FileName(row["id"]!.GetValue<long>(), row["slug"]!.GetValue<string>()))
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected, Directory.GetFiles(Path.Combine(folder, "markdown")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    /// <summary>The Markdown left out the slugs that lead to an article (its previous_slugs), so importing it lost them.</summary>
    [Fact]
    public async Task The_markdown_of_an_export_gives_an_articles_earlier_slugs_as_aliases()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var article = await new TestContent(factory.Writer()).ArticleAsync(new() { ["slug"] = $"first-{marker}" });
        await (await factory.Writer().PatchMergeAsync($"/api/v1/articles/{article["id"]}", new { slug = $"second-{marker}" })).AssertJsonAsync();

        var folder = CommandRunner.TempDirectory();
        Assert.Equal(0, (await CommandRunner.RunAsync(factory.DatabasePath, "export", folder, "--markdown")).ExitCode);

        var markdown = await File.ReadAllTextAsync(Path.Combine(folder, "markdown", $"second-{marker}.md"));
        Assert.Contains($"\naliases: [first-{marker}]\n", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_of_an_export_without_its_manifest_fails_instead_of_importing_nothing()
    {
        await new TestContent(factory.Writer()).ArticleAsync();
        var folder = CommandRunner.TempDirectory();
        Assert.Equal(0, (await CommandRunner.RunAsync(factory.DatabasePath, "export", folder)).ExitCode);
        File.Delete(Path.Combine(folder, "manifest.json"));

        Assert.Equal(1, (await CommandRunner.RunAsync(Path.Combine(CommandRunner.TempDirectory(), "none.db"), "import", folder)).ExitCode);
    }

    [Fact]
    public async Task Export_of_one_article_counts_it_in_the_singular()
    {
        using var own = new OnDatabaseFile(Path.Combine(CommandRunner.TempDirectory(), "content.db"));
        await new TestContent(own.Writer()).ArticleAsync();

        var (exitCode, output) = await CommandRunner.RunAsync(own.DatabasePath, "export", CommandRunner.TempDirectory(), "--markdown");

        Assert.True(exitCode == 0, output);
        Assert.Contains("Wrote 1 Markdown file.", output, StringComparison.Ordinal);
        Assert.Contains(" 1 author, ", output, StringComparison.Ordinal);
        Assert.EndsWith(" 1 article.", output.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Markdown_export_names_files_inside_its_folder_whatever_the_slugs_hold()
    {
        // A database of its own: the class's, holding the slug below, would make every other test's export refused on import.
        using var own = new OnDatabaseFile(Path.Combine(CommandRunner.TempDirectory(), "content.db"));
        var content = new TestContent(own.Writer());
        var escaping = (await content.ArticleAsync())["id"]!.GetValue<long>();
        var longest = (await content.ArticleAsync())["id"]!.GetValue<long>();
        // A valid slug that reads like another article's fallback name keeps its own file.
        await content.ArticleAsync(new() { ["slug"] = $"article-{escaping}" });
        await using (var connection = new SqliteConnection($"Data Source={own.DatabasePath};Pooling=False"))
        {
            // As a database may hold it all the same (edited by hand, or from before a rule): the API and import refuse such a slug.
            await connection.OpenAsync();
            await using var slug = connection.CreateCommand();
            slug.CommandText = $"UPDATE articles SET slug = '../../escaped-{escaping}' WHERE id = {escaping}; " +
                $"UPDATE articles SET slug = '{new string('漢', 120)}' WHERE id = {longest}"; // taken before slugs were held to 180 bytes
            await slug.ExecuteNonQueryAsync();
        }
        var root = CommandRunner.TempDirectory();
        var folder = Path.Combine(root, "a", "b");

        var (exitCode, output) = await CommandRunner.RunAsync(own.DatabasePath, "export", folder, "--markdown");

        Assert.True(exitCode == 0, output);
        Assert.Equal([Path.Combine(folder, "markdown")], Directory.GetFiles(root, "*.md", SearchOption.AllDirectories).Select(Path.GetDirectoryName).Distinct());
        Assert.True(File.Exists(Path.Combine(folder, "markdown", $"_article-{escaping}.md")));
        Assert.True(File.Exists(Path.Combine(folder, "markdown", $"_article-{longest}.md")));
        Assert.True(File.Exists(Path.Combine(folder, "markdown", $"article-{escaping}.md")));
    }

    [Fact]
    public async Task Backup_taken_during_concurrent_writes_is_consistent_and_passes_integrity_check()
    {
        var content = new TestContent(factory.Writer());
        var authorId = await content.AuthorAsync();
        using var stop = new CancellationTokenSource();
        var writer = factory.Writer();
        var firstWrite = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writes = Task.Run(async () =>
        {
            var written = 0;
            while (!stop.IsCancellationRequested && written < 200)
            {
                var response = await writer.PostAsJsonAsync("/api/v1/articles", new { title = $"Concurrent {Guid.NewGuid():N}", body = "b", language = "en", authorIds = new[] { authorId } });
                response.EnsureSuccessStatusCode();
                written++;
                firstWrite.TrySetResult();
            }
            return written;
        });
        // The backup starts once writes are under way, however slowly the machine runs them.
        await firstWrite.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var backup = Path.Combine(CommandRunner.TempDirectory(), "backup.db");
        var (exitCode, output) = await CommandRunner.RunAsync(factory.DatabasePath, "backup", backup);
        await stop.CancelAsync();
        Assert.True(await writes > 0);
        Assert.True(exitCode == 0, output);
        Assert.Contains("integrity check ok", output, StringComparison.Ordinal);

        await using var connection = new SqliteConnection($"Data Source={backup};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var orphans = connection.CreateCommand();
        orphans.CommandText = "SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM article_authors x WHERE x.article_id = a.id)";
        Assert.Equal(0L, (long)(await orphans.ExecuteScalarAsync())!);
        await using var foreignKeys = connection.CreateCommand();
        foreignKeys.CommandText = "PRAGMA foreign_key_check";
        await using var reader = await foreignKeys.ExecuteReaderAsync();
        Assert.False(await reader.ReadAsync());
    }

    /// <summary>
    /// A seed's dates end at the start of the day it runs (UTC), so the runs compared here are on one clock, set late in
    /// a day: on the real one, two runs either side of midnight differed.
    /// </summary>
    [Fact]
    public async Task Seed_with_the_same_seed_gives_identical_content_and_another_seed_differs()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 6, 30, 23, 59, 59, TimeSpan.Zero));
        async Task<string> SeedAndExportAsync(int seed)
        {
            var database = Path.Combine(CommandRunner.TempDirectory(), "seed.db");
            var (exitCode, output) = await CommandRunner.RunAsync(CommandRunner.OnClock(CommandRunner.UsingDatabase(database), clock),
                "seed", "--articles", "40", "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.True(exitCode == 0, output);
            // The seed's larger index buffer is stored in the index; it must not outlive the load.
            await using (var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False"))
            {
                await connection.OpenAsync();
                Assert.Equal(["2025-06-30T00:00:00.000000Z"], await connection.QueryAsync<string>("SELECT DISTINCT created_at FROM articles"));
                Assert.True(string.CompareOrdinal(await connection.ExecuteScalarAsync<string>("SELECT max(published_at) FROM articles"), "2025-06-30T00:00:00.000000Z") <= 0);
                await using var bufferSize = connection.CreateCommand();
                bufferSize.CommandText = "SELECT v FROM articles_fts_config WHERE k = 'hashsize'";
                Assert.Equal((long)Data.SqliteDialect.DefaultSearchIndexBufferSize, Convert.ToInt64(await bufferSize.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
                // Indexed by this build's analysis, and recorded so: a server started on it reports the index healthy.
                Assert.Equal(ContentApi.Search.SearchAnalysis.Current, await connection.ExecuteScalarAsync<string>("SELECT version FROM search_analysis"));
            }
            var folder = CommandRunner.TempDirectory();
            Assert.Equal(0, (await CommandRunner.RunAsync(database, "export", folder)).ExitCode);
            return string.Concat(ExportFiles.Select(f => File.ReadAllText(Path.Combine(folder, f))));
        }

        var first = await SeedAndExportAsync(7);
        var again = await SeedAndExportAsync(7);
        var other = await SeedAndExportAsync(8);
        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.Contains("zh-Hant", first, StringComparison.Ordinal);
        Assert.Contains("\"language\":\"en\"", first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reindex_beside_a_running_server_leaves_no_stale_anonymous_search_in_its_cache()
    {
        var word = "reindexed" + Guid.NewGuid().ToString("N")[..10];
        var article = await new TestContent(factory.Writer()).ArticleAsync(new() { ["title"] = word });
        // A search answered while the index was being rebuilt from empty (reindex --clear), and cached.
        await using (var connection = new SqliteConnection($"Data Source={factory.DatabasePath};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var clear = connection.CreateCommand();
            clear.CommandText = "DELETE FROM articles_fts WHERE rowid = " + article["id"]!.GetValue<long>();
            await clear.ExecuteNonQueryAsync();
        }
        Assert.Empty((await factory.Anonymous().SearchAsync(word)).Ids());

        Assert.Equal(0, (await CommandRunner.RunAsync(factory.DatabasePath, "reindex")).ExitCode);

        // Another process's writes reach the server's cache within Database:ContentStateRecheckMilliseconds (250).
        // A bound far past that, for a stalled machine: 50 tries of 100 ms could all fall within a stall.
        var found = new List<long>();
        for (var deadline = DateTime.UtcNow.AddSeconds(30); found.Count == 0 && DateTime.UtcNow < deadline;)
        {
            await Task.Delay(100);
            found = (await factory.Anonymous().SearchAsync(word)).Ids();
        }
        Assert.Equal([article["id"]!.GetValue<long>()], found);
    }

    /// <summary>
    /// The seed finds its authors and tags by slug, and indexed its articles under the generator's names for them: an
    /// author a server had given one of those slugs (or renamed while the seed ran, between its batches) was stored under
    /// one name and searchable under another, so searches by the name every response shows missed all its seeded articles.
    /// </summary>
    [Fact]
    public async Task Seeded_articles_are_indexed_under_the_stored_names_of_their_authors_and_tags()
    {
        var database = Path.Combine(CommandRunner.TempDirectory(), "seed-names.db");
        var name = "qz" + string.Concat(Guid.NewGuid().ToByteArray().Select(b => (char)('a' + b % 26)));
        using (var server = new OnDatabaseFile(database))
        {
            await server.Writer().PostOkAsync("/api/v1/authors", new { name, slug = "lin-ruizhe" });
        }
        SqliteConnection.ClearAllPools();

        Assert.Equal(0, (await CommandRunner.RunAsync(database, "seed", "--articles", "200", "--seed", "7")).ExitCode);

        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        await connection.OpenAsync();
        var written = await connection.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM article_authors x JOIN authors a ON a.id = x.author_id WHERE a.slug = 'lin-ruizhe'");
        Assert.True(written > 0, "the seed should give the author articles");
        Assert.Equal(written, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH @Name", new { Name = name }));
    }

    /// <summary>
    /// The seed indexed its articles' author and tag names joined by spaces, which Chinese runs read across, where writes
    /// and reindexes put each on a line of its own: in a seeded database 體台 found an article tagged 半導體 and 台積電
    /// until its next reindex (review).
    /// </summary>
    [Fact]
    public async Task Seeded_articles_index_each_author_and_tag_name_on_a_line_of_its_own()
    {
        var database = Path.Combine(CommandRunner.TempDirectory(), "seed-lines.db");
        Assert.Equal(0, (await CommandRunner.RunAsync(database, "seed", "--articles", "100")).ExitCode);

        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        await connection.OpenAsync();
        var checkedPairs = 0;
        foreach (var (column, sql) in new[]
        {
            ("authors", "SELECT x.article_id, a.name FROM article_authors x JOIN authors a ON a.id = x.author_id ORDER BY x.article_id, x.position"),
            ("tags", "SELECT x.article_id, t.name FROM article_tags x JOIN tags t ON t.id = x.tag_id ORDER BY x.article_id, x.position"),
        })
        {
            foreach (var article in (await connection.QueryAsync<(long Id, string Name)>(sql)).GroupBy(row => row.Id))
            {
                var names = article.Select(row => row.Name).ToList();
                foreach (var (left, right) in names.Zip(names.Skip(1)))
                {
                    var across = $"{left[^1]}{right[0]}";
                    if (!across.All(c => c is >= '\u4E00' and <= '\u9FFF') || names.Any(name => name.Contains(across, StringComparison.Ordinal)))
                    {
                        continue;
                    }
                    checkedPairs++;
                    Assert.Equal(0, await connection.ExecuteScalarAsync<long>(
                        "SELECT count(*) FROM articles_fts WHERE rowid = @Id AND articles_fts MATCH @Match",
                        new { Id = article.Key, Match = $"{column} : \"{ContentApi.Search.SearchAnalyzer.AnalyzeForIndex(across)}\"" }));
                }
            }
        }
        Assert.True(checkedPairs > 0, "the seed should give articles two names that end and start in Chinese");
    }

    [Fact]
    public async Task Reindex_replaces_every_entry_in_place_drops_orphans_and_compacts_into_one_segment()
    {
        var database = Path.Combine(CommandRunner.TempDirectory(), "reindex.db");
        Assert.Equal(0, (await CommandRunner.RunAsync(database, "seed", "--articles", "1000")).ExitCode);
        // An index behind its tables: an article retitled without it, and an entry whose article is gone; and a rename's
        // leftovers in the backlog, which the reindex covers (one of an article gone too).
        await using (var connection = new SqliteConnection($"Data Source={database};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var drift = connection.CreateCommand();
            drift.CommandText = "UPDATE articles SET title = 'zyxwvu retitled' WHERE id = 7; " +
                "INSERT INTO articles_fts (rowid, title, subtitle, excerpt, body, authors, tags, images) VALUES (9999999, 'orphan', '', '', '', '', '', ''); " +
                "INSERT INTO search_backlog (article_id) VALUES (7), (9999999)";
            await drift.ExecuteNonQueryAsync();
        }

        var (exitCode, output) = await CommandRunner.RunAsync(database, "reindex");
        Assert.True(exitCode == 0, output);
        Assert.Contains("Reindexed 1000 articles and removed 1 index entry of deleted articles.", output, StringComparison.Ordinal);
        await AssertIndexMatchesTablesAsync();

        (exitCode, output) = await CommandRunner.RunAsync(database, "reindex", "--clear");
        Assert.True(exitCode == 0, output);
        Assert.Contains("Reindexed 1000 articles.", output, StringComparison.Ordinal);
        await AssertIndexMatchesTablesAsync();

        async Task AssertIndexMatchesTablesAsync()
        {
            await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
            await connection.OpenAsync();
            await using var documents = connection.CreateCommand();
            documents.CommandText = "SELECT (SELECT count(*) FROM articles_fts_docsize) = (SELECT count(*) FROM articles), " +
                "(SELECT group_concat(rowid) FROM articles_fts WHERE articles_fts MATCH 'zyxwvu'), (SELECT count(*) FROM search_backlog)";
            await using (var reader = await documents.ExecuteReaderAsync())
            {
                Assert.True(await reader.ReadAsync());
                Assert.Equal(1L, reader.GetInt64(0));
                Assert.Equal("7", reader.GetString(1));
                Assert.Equal(0L, reader.GetInt64(2));
            }
            // ~10 MB of index, several merge steps: they ran until the index was one segment.
            await using var segments = connection.CreateCommand();
            segments.CommandText = "SELECT count(DISTINCT segid) FROM articles_fts_idx";
            Assert.Equal(1L, await segments.ExecuteScalarAsync());
        }
    }
}
