using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ContentApi.Cli;
using ContentApi.Data;
using ContentApi.Text;
using ContentApi.TestSupport;
using ContentApi.Transfer;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ContentApi.IntegrationTests.Operations;

/// <summary>
/// An export is input like a request body: its file can be edited before it is imported. Import refuses what the API
/// refuses where readers could be harmed or the contract broken (links, slugs, the values clients choose by), and keeps
/// what is only past today's limits, as an older version may have stored it.
/// </summary>
public sealed class TamperedExportTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string UrlRule = "absolute http or https URL";
    private const string SlugRule = "lowercase letters";
    private const string EmailRule = "email address";
    private const string BidiRule = "close each bidirectional embedding or override";

    [Theory]
    [InlineData("images.jsonl", "\"url\":\"[^\"]*\"", "\"url\":\"javascript:alert(document.domain)\"", "url", UrlRule)]
    [InlineData("images.jsonl", "\"url\":\"[^\"]*\"", "\"url\":\"https://images.example.com/a.jpg\\\" onerror=\\\"alert(2)\"", "url", UrlRule)]
    [InlineData("authors.jsonl", "\"website\":(null|\"[^\"]*\")", "\"website\":\"javascript:alert(1)\"", "website", UrlRule)]
    [InlineData("authors.jsonl", "\"email\":(null|\"[^\"]*\")", "\"email\":\"x@-b.com\"", "email", EmailRule)]
    [InlineData("authors.jsonl", "\"email\":(null|\"[^\"]*\")", "\"email\":\"not an address\"", "email", EmailRule)]
    [InlineData("articles.jsonl", "\"canonical_url\":(null|\"[^\"]*\")", "\"canonical_url\":\"javascript:alert(3)\"", "canonical_url", UrlRule)]
    [InlineData("articles.jsonl", "\"slug\":\"[^\"]*\"", "\"slug\":\"../../../tmp/pwned\"", "slug", SlugRule)]
    [InlineData("authors.jsonl", "\"slug\":\"[^\"]*\"", "\"slug\":\"Admin\"", "slug", SlugRule)]
    [InlineData("tags.jsonl", "\"slug\":\"[^\"]*\"", "\"slug\":\"a?b=c\"", "slug", SlugRule)]
    [InlineData("articles.jsonl", "\"language\":\"[^\"]*\"", "\"language\":\"en><script>alert(4)</script>\"", "language", "BCP 47")]
    [InlineData("articles.jsonl", "\"status\":\"[^\"]*\"", "\"status\":\"Published\"", "status", "draft, published")]
    [InlineData("images.jsonl", "\"mime_type\":(null|\"[^\"]*\")", "\"mime_type\":\"text/html\"", "mime_type", "image media type")]
    [InlineData("images.jsonl", "\"width\":[^,]*", "\"width\":3000000000", "width", "pixel count")]
    [InlineData("images.jsonl", "\"height\":[^,]*", "\"height\":-1", "height", "pixel count")]
    [InlineData("tags.jsonl", "\"version\":[0-9]+", "\"version\":9223372036854775807", "version", "must be a version from 1 to 9007199254740991")]
    [InlineData("articles.jsonl", "\"version\":[0-9]+", "\"version\":-5", "version", "must be a version from 1 to 9007199254740991")]
    [InlineData("images.jsonl", "\"focal_x\":[^,]*", "\"focal_x\":1e308", "focal_x", "between 0 and 1")]
    [InlineData("images.jsonl", "\"focal_y\":[^,]*", "\"focal_y\":-0.5", "focal_y", "between 0 and 1")]
    [InlineData("images.jsonl", "\"byte_size\":[^,]*", "\"byte_size\":-1", "byte_size", "from 0 to 9007199254740991")]
    [InlineData("images.jsonl", "\"byte_size\":[^,]*", "\"byte_size\":9007199254740992", "byte_size", "from 0 to 9007199254740991")]
    [InlineData("articles.jsonl", "\"author_ids\":\\[[^\\]]*\\]", "\"author_ids\":[]", "author_ids", "At least one author is required")]
    [InlineData("articles.jsonl", "\"author_ids\":\\[[^\\]]*\\],?", "", "author_ids", "At least one author is required")]
    [InlineData("articles.jsonl", "\"title\":\"[^\"]*\"", "\"title\":\"invoice\\u202Efdp.exe\"", "title", BidiRule)]
    [InlineData("authors.jsonl", "\"name\":\"[^\"]*\"", "\"name\":\"\\u2067שלום\"", "name", BidiRule)]
    [InlineData("tags.jsonl", "\"name\":\"[^\"]*\"", "\"name\":\"AI\\u202C\"", "name", BidiRule)]
    [InlineData("images.jsonl", "\"alt_text\":\"[^\"]*\"", "\"alt_text\":\"\\u202Egnp.exe\"", "alt_text", BidiRule)]
    public async Task Import_refuses_a_value_the_api_refuses_saying_where_and_why_and_imports_nothing(
        string file, string pattern, string replacement, string column, string rule)
    {
        await CreateContentAsync();
        var folder = await ExportAsync(factory.DatabasePath);
        var line = Tamper(folder, file, pattern, replacement);

        var refusal = await RefusalAsync(folder);

        Assert.Contains($"{file}:{line}: '{column}'", refusal, StringComparison.Ordinal);
        Assert.Contains(rule, refusal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("images.jsonl", "id")]
    [InlineData("articles.jsonl", "id")]
    [InlineData("authors.jsonl", "slug")]
    [InlineData("tags.jsonl", "slug")]
    [InlineData("articles.jsonl", "slug")]
    public async Task Import_refuses_a_row_repeating_an_earlier_rows_id_or_slug_naming_both_lines(string file, string column)
    {
        await CreateContentAsync();
        var folder = await ExportAsync(factory.DatabasePath);
        var path = Path.Combine(folder, file);
        var first = File.ReadLines(path).First();
        // The first row again, as the file's last; for a slug, under an id no row has, so that the slug alone repeats.
        var repeated = column == "id" ? first : Regex.Replace(first, "^\\{\"id\":[0-9]+", $"{{\"id\":{ImportedValue.MaxId}");
        File.AppendAllText(path, repeated + "\n");
        var line = File.ReadLines(path).Count();
        // The manifest counts the row too: the repeat is all that is wrong.
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, ExportFormat.ManifestFile)))!;
        manifest["Counts"]![Path.GetFileNameWithoutExtension(file)] = line;
        File.WriteAllText(Path.Combine(folder, ExportFormat.ManifestFile), manifest.ToJsonString());

        var refusal = await RefusalAsync(folder);

        using var row = JsonDocument.Parse(first);
        Assert.Contains($"{file}:{line}: '{column}' is {row.RootElement.GetProperty(column).GetRawText()}, as on line 1;", refusal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("articles.jsonl", "author_ids", "[]")]
    [InlineData("articles.jsonl", "published_at", "null")]
    [InlineData("images.jsonl", "id", "9007199254740991")]
    public async Task Import_refuses_a_row_giving_a_column_twice(string file, string column, string otherValue)
    {
        await CreateContentAsync();
        var folder = await ExportAsync(factory.DatabasePath);
        // SQLite took one of the two values for the row, and an article's links took both lists.
        var line = Tamper(folder, file, $"\"{column}\":", $"\"{column}\":{otherValue},\"{column}\":");

        var refusal = await RefusalAsync(folder);

        Assert.Contains($"{file}:{line}: '{column}' appears twice in the row.", refusal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("articles.jsonl", "\"author_ids\":\\[[^\\]]*\\]", "\"author_ids\":[999999999]", "'author_ids' lists 999999999, but authors.jsonl has no row with id 999999999.")]
    [InlineData("articles.jsonl", "\"tag_ids\":\\[[^\\]]*\\]", "\"tag_ids\":[999999999]", "'tag_ids' lists 999999999, but tags.jsonl has no row with id 999999999.")]
    [InlineData("articles.jsonl", "\"image_ids\":\\[[^\\]]*\\]", "\"image_ids\":[999999999]", "'image_ids' lists 999999999, but images.jsonl has no row with id 999999999.")]
    [InlineData("articles.jsonl", "\"cover_image_id\":(null|[0-9]+)", "\"cover_image_id\":999999999", "'cover_image_id' is 999999999, but images.jsonl has no row with id 999999999.")]
    [InlineData("authors.jsonl", "\"avatar_image_id\":(null|[0-9]+)", "\"avatar_image_id\":999999999", "'avatar_image_id' is 999999999, but images.jsonl has no row with id 999999999.")]
    [InlineData("articles.jsonl", "\"author_ids\":\\[([0-9]+)", "\"author_ids\":[$1,$1", "'author_ids' lists $1 twice.")]
    [InlineData("articles.jsonl", "\"title\":\"[^\"]*\",", "", "'title' is missing, and every row needs one.")]
    [InlineData("images.jsonl", "\"alt_text\":\"[^\"]*\"", "\"alt_text\":null", "'alt_text' is null, and every row needs one.")]
    [InlineData("articles.jsonl", "\"published_at\":\"[^\"]*\"", "\"published_at\":null", "'status' is \"published\" and 'published_at' is null, which do not go together:")]
    public async Task Import_refuses_a_row_the_database_refuses_saying_where_and_why_and_imports_nothing(string file, string pattern, string replacement, string reason)
    {
        await CreateContentAsync();
        var folder = await ExportAsync(factory.DatabasePath);
        var path = Path.Combine(folder, file);
        var match = Regex.Match(File.ReadAllText(path), pattern);
        var line = Tamper(folder, file, pattern, replacement);

        var refusal = await RefusalAsync(folder);

        Assert.Contains($"{file}:{line}: {match.Result(reason)}", refusal, StringComparison.Ordinal);
        // The database's own words name its SQL (a CHECK's expression), and no line of the file.
        Assert.DoesNotContain("constraint", refusal, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>An article's earlier slugs lead to it (301): each must be a slug, and none another article's or its own.</summary>
    [Theory]
    [InlineData("[\"Bad Slug\"]", "articles.jsonl:1: 'previous_slugs' holds \"Bad Slug\", which is no slug the API takes: Must be 1-120 lowercase letters")]
    [InlineData("\"old-slug\"", "articles.jsonl:1: 'previous_slugs' must be a list of slugs.")]
    [InlineData("[\"SELF\"]", "articles.jsonl:1: 'previous_slugs' holds 'SELF', which article ID has as its slug or an earlier one.")]
    [InlineData("[\"gone\", \"gone\"]", "articles.jsonl:1: 'previous_slugs' holds 'gone' twice.")]
    public async Task Import_refuses_earlier_slugs_the_api_would_never_keep(string previousSlugs, string reason)
    {
        await CreateContentAsync();
        var folder = await ExportAsync(factory.DatabasePath);
        const string Pattern = "^\\{\"id\":([0-9]+),(.*?)\"slug\":\"([^\"]*)\"";
        var first = Regex.Match(File.ReadAllText(Path.Combine(folder, "articles.jsonl")), Pattern);
        string Named(string text) => text.Replace("SELF", first.Groups[3].Value, StringComparison.Ordinal).Replace("ID", first.Groups[1].Value, StringComparison.Ordinal);
        Tamper(folder, "articles.jsonl", Pattern, $"{{\"id\":$1,\"previous_slugs\":{Named(previousSlugs)},$2\"slug\":\"$3\"");

        var refusal = await RefusalAsync(folder);

        Assert.Contains(Named(reason), refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_refuses_an_earlier_slug_that_a_later_article_has_as_its_own()
    {
        await CreateContentAsync();
        await CreateContentAsync();
        var folder = await ExportAsync(factory.DatabasePath);
        var lines = File.ReadAllLines(Path.Combine(folder, "articles.jsonl"));
        var (firstId, lastSlug) = (JsonNode.Parse(lines[0])!["id"]!.GetValue<long>(), JsonNode.Parse(lines[^1])!["slug"]!.GetValue<string>());
        Tamper(folder, "articles.jsonl", "^\\{\"id\":([0-9]+),", $"{{\"id\":$1,\"previous_slugs\":[\"{lastSlug}\"],");

        var refusal = await RefusalAsync(folder);

        // At the later article's line (the refusal named no line).
        Assert.Contains($"articles.jsonl:{lines.Length}: 'slug' is '{lastSlug}', which article {firstId} has as an earlier slug ('previous_slugs').", refusal, StringComparison.Ordinal);
    }

    /// <summary>
    /// A line was read whole before anything judged it: an export edited to hold a line of gigabytes (or a file that is no
    /// export) took the machine's memory. A line longer than any row is refused at its line before it is held.
    /// </summary>
    [Fact]
    public async Task Import_refuses_a_line_longer_than_any_row_naming_the_file_and_line_and_imports_nothing()
    {
        await CreateContentAsync();
        var folder = await ExportAsync(factory.DatabasePath);
        var path = Path.Combine(folder, "tags.jsonl");
        var rows = File.ReadAllLines(path);
        rows[^1] = "{\"padding\":\"" + new string('a', JsonlLines.MaxLineCharacters) + "\"," + rows[^1][1..];
        File.WriteAllLines(path, rows);

        var refusal = await RefusalAsync(folder);

        Assert.StartsWith($"{path}:{rows.Length}: the line is longer than {JsonlLines.MaxLineCharacters:N0} characters", refusal, StringComparison.Ordinal);
    }

    /// <summary>The manifest was read whole too: one of gigabytes (padded with white space, still JSON) is refused, not read.</summary>
    [Fact]
    public async Task Import_refuses_a_manifest_larger_than_any_export_writes()
    {
        await CreateContentAsync();
        var folder = await ExportAsync(factory.DatabasePath);
        var manifest = Path.Combine(folder, ExportFormat.ManifestFile);
        File.WriteAllText(manifest, new string(' ', 2 * 1024 * 1024) + File.ReadAllText(manifest));

        Assert.StartsWith($"{manifest} is not the manifest an export writes (it is larger than", await RefusalAsync(folder), StringComparison.Ordinal);
    }

    /// <summary>Each was refused with the JSON reader's words alone, naming no file or line.</summary>
    [Fact]
    public async Task Import_names_the_file_and_line_of_a_lone_surrogate_and_the_manifest_it_cannot_read()
    {
        await CreateContentAsync();
        var folder = await ExportAsync(factory.DatabasePath);
        var line = Tamper(folder, "articles.jsonl", "\"title\":\"[^\"]*\"", "\"title\":\"\\ud800x\"");
        Assert.StartsWith($"{Path.Combine(folder, "articles.jsonl")}:{line}: 'title' holds an escaped lone surrogate", await RefusalAsync(folder), StringComparison.Ordinal);
        Tamper(folder, "articles.jsonl", "\"title\":\"\\\\ud800x\"", "\"title\":\"x\"");
        var nameLine = Tamper(folder, "tags.jsonl", "\"description\":", "\"descr\\ud800iption\":");
        Assert.StartsWith($"{Path.Combine(folder, "tags.jsonl")}:{nameLine}: a member's name holds an escaped lone surrogate", await RefusalAsync(folder), StringComparison.Ordinal);

        await File.WriteAllTextAsync(Path.Combine(folder, ExportFormat.ManifestFile), "not json");
        Assert.StartsWith($"{Path.Combine(folder, ExportFormat.ManifestFile)} is not the manifest an export writes", await RefusalAsync(folder), StringComparison.Ordinal);
    }

    /// <summary>
    /// Hunt: a named pipe in place of a file of the export was opened, and the import waited for a writer for ever. In a
    /// process of its own, stopped (and the test failed) if it waits.
    /// </summary>
    [Theory]
    [InlineData("articles.jsonl", ", where the manifest counts 1 row: give the file export wrote.")]
    [InlineData("manifest.json", ", which no export writes.")]
    public async Task Import_refuses_a_named_pipe_in_the_export_without_waiting_on_it(string file, string why)
    {
        await CreateContentAsync();
        var folder = await ExportAsync(factory.DatabasePath);
        var path = Path.Combine(folder, file);
        if (file == "articles.jsonl")
        {
            // One article, as the manifest then counts.
            var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, ExportFormat.ManifestFile)))!;
            manifest["Counts"]!["articles"] = 1;
            File.WriteAllText(Path.Combine(folder, ExportFormat.ManifestFile), manifest.ToJsonString());
        }
        File.Delete(path);
        Assert.Equal(0, MakeFifo([.. System.Text.Encoding.UTF8.GetBytes(path), 0], Convert.ToUInt32("644", 8)));

        var refused = await AppProcess.RunAsync(NewDatabase(), ["import", folder]);

        Assert.True(refused.ExitCode == 1, refused.ToString());
        // After the notice that the new database was created.
        Assert.Equal($"{path} is empty, or is not a regular file (a named pipe or a device){why}", refused.ErrorLines[^1]);
    }

    /// <summary>Review: a manifest that counts no rows for a table was quoted as counting -1.</summary>
    [Fact]
    public async Task Import_refuses_an_empty_file_of_a_table_the_manifest_does_not_count()
    {
        await CreateContentAsync();
        var folder = await ExportAsync(factory.DatabasePath);
        var manifestPath = Path.Combine(folder, ExportFormat.ManifestFile);
        var manifest = JsonNode.Parse(File.ReadAllText(manifestPath))!;
        manifest["Counts"]!.AsObject().Remove("articles");
        File.WriteAllText(manifestPath, manifest.ToJsonString());
        var path = Path.Combine(folder, "articles.jsonl");
        File.WriteAllText(path, "");

        Assert.Equal($"{path} is empty, or is not a regular file (a named pipe or a device), where the manifest counts none of its rows: give the file export wrote.", await RefusalAsync(folder));
    }

    /// <summary>An empty table's file is empty, and imports as no rows (the tables here have rows: the manifest is told none).</summary>
    [Fact]
    public async Task Import_reads_an_empty_file_as_a_table_without_rows()
    {
        await CreateContentAsync();
        var folder = await ExportAsync(factory.DatabasePath);
        var manifestPath = Path.Combine(folder, ExportFormat.ManifestFile);
        var manifest = JsonNode.Parse(File.ReadAllText(manifestPath))!;
        manifest["Counts"]!["articles"] = 0;
        File.WriteAllText(manifestPath, manifest.ToJsonString());
        File.WriteAllText(Path.Combine(folder, "articles.jsonl"), "");

        var database = NewDatabase();
        await ImportAsync(folder, database);

        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM articles"));
        Assert.True(await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM tags") > 0);
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
    private static extern int MakeFifo(byte[] path, uint mode);

    /// <summary>The next version after 2^63 - 1 overflowed: a restore left its articles below the versions it had given.</summary>
    [Theory]
    [InlineData("LastVersions", 9223372036854775807)]
    [InlineData("LastVersions", -1)]
    [InlineData("LastIds", 9007199254740992)]
    public async Task Import_refuses_a_manifest_high_water_mark_out_of_range(string mark, long value)
    {
        await CreateContentAsync();
        var folder = await ExportAsync(factory.DatabasePath);
        var path = Path.Combine(folder, ExportFormat.ManifestFile);
        var manifest = JsonNode.Parse(File.ReadAllText(path))!;
        manifest[mark] = new JsonObject { ["articles"] = value };
        File.WriteAllText(path, manifest.ToJsonString());

        Assert.StartsWith($"The manifest's {mark} has articles: {value}; expected a table of the export and ", await RefusalAsync(folder), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_untampered_export_imports_and_exports_again_byte_for_byte()
    {
        await CreateContentAsync();
        var folder = await ExportAsync(factory.DatabasePath);

        var database = NewDatabase();
        await ImportAsync(folder, database);

        var again = await ExportAsync(database);
        foreach (var file in ExportFormat.Tables.Select(ExportFormat.FileOf))
        {
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(folder, file)), await File.ReadAllBytesAsync(Path.Combine(again, file)));
        }
    }

    [Fact]
    public async Task Import_keeps_harmless_values_that_only_todays_limits_refuse()
    {
        await CreateContentAsync();
        var folder = await ExportAsync(factory.DatabasePath);
        // As an older version may have stored them: an invisible title, a subtitle and a URL past today's lengths.
        var subtitle = new string('長', 501);
        var url = "https://example.com/" + new string('a', TextRules.MaxUrlLength);
        Tamper(folder, "articles.jsonl", "\"title\":\"[^\"]*\"", "\"title\":\"\\u200B\"");
        Tamper(folder, "articles.jsonl", "\"subtitle\":(null|\"[^\"]*\")", $"\"subtitle\":\"{subtitle}\"");
        Tamper(folder, "articles.jsonl", "\"canonical_url\":(null|\"[^\"]*\")", $"\"canonical_url\":\"{url}\"");

        var database = NewDatabase();
        await ImportAsync(folder, database);

        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM articles WHERE title = @Title AND subtitle = @Subtitle AND canonical_url = @Url", new { Title = "\u200B", Subtitle = subtitle, Url = url }));
    }

    /// <summary>
    /// What an article's body derives (its excerpt when none is given, character count, reading time) is derived again
    /// as this build derives it, whatever the export holds: an older build's export kept that build's excerpts (229 of
    /// 303 articles of one, ending "…29 周以上。…" instead of "…29 周以上。"), with /health/ready Healthy and nothing saying
    /// to run reindex. One edited to hold an override open gets none either.
    /// </summary>
    [Fact]
    public async Task Import_derives_each_articles_derived_texts_as_this_build_does()
    {
        await CreateContentAsync();
        var folder = await ExportAsync(factory.DatabasePath);
        Tamper(folder, "articles.jsonl", "\"derived_excerpt\":\"[^\"]*\"", "\"derived_excerpt\":\"Open invoice\\u202Efdp.exe…\"");
        Tamper(folder, "articles.jsonl", "\"character_count\":[0-9]+", "\"character_count\":1");
        Tamper(folder, "articles.jsonl", "\"reading_time_minutes\":[0-9]+", "\"reading_time_minutes\":99");

        var database = NewDatabase();
        await ImportAsync(folder, database);

        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        var rows = (await connection.QueryAsync<(string Body, string DerivedExcerpt, long CharacterCount, long ReadingTimeMinutes)>(
            "SELECT body, derived_excerpt, character_count, reading_time_minutes FROM articles")).AsList();
        Assert.NotEmpty(rows);
        foreach (var row in rows)
        {
            var derived = ArticleText.Measure(row.Body);
            Assert.Equal((derived.DerivedExcerpt, (long)derived.CharacterCount, (long)derived.ReadingTimeMinutes), (row.DerivedExcerpt, row.CharacterCount, row.ReadingTimeMinutes));
        }
    }

    /// <summary>
    /// A body placing an image that is neither in its row's image_ids nor its cover was imported: the figure rendered as
    /// nothing, and a client's read-modify-write of the body was a 400. The API's rule refuses it, with file and line, and
    /// as the API says of an image no image has, that it does not exist (it said to list it, which the next import refuses).
    /// </summary>
    [Fact]
    public async Task Import_refuses_a_body_placing_an_image_neither_listed_nor_the_cover_and_imports_nothing()
    {
        await CreateContentAsync();
        var folder = await ExportAsync(factory.DatabasePath);
        var line = Tamper(folder, "articles.jsonl", "\"body\":\"", "\"body\":\"![x](image:999999)\\n\\n");

        var refusal = await RefusalAsync(folder);

        Assert.Contains($"articles.jsonl:{line}: 'body' places image:999999, which the API refuses: Places images that do not exist: image:999999 (there is no image with those ids).", refusal, StringComparison.Ordinal);
        Assert.DoesNotContain("Add them to imageIds", refusal, StringComparison.Ordinal);
    }

    /// <summary>
    /// Excerpts were trusted for their length: edited to a megabyte, one was stored and sent with its article in every
    /// list. A derived excerpt is refused as longer than the app derives, a given one as longer than the API has ever
    /// taken (2,000 characters since the first build, so no older export holds a longer one), and the refusal quotes
    /// only its start.
    /// </summary>
    [Theory]
    [InlineData("derived_excerpt", "at most 200 characters")]
    [InlineData("excerpt", "at most 2,000 characters")]
    public async Task Import_refuses_an_excerpt_longer_than_the_api_makes_or_takes_quoting_only_its_start(string column, string rule)
    {
        await CreateContentAsync();
        var folder = await ExportAsync(factory.DatabasePath);
        var line = Tamper(folder, "articles.jsonl", $"\"{column}\":(null|\"[^\"]*\")", $"\"{column}\":\"{new string('長', 1024 * 1024)}\"");

        var refusal = await RefusalAsync(folder);

        Assert.Contains($"articles.jsonl:{line}: '{column}' is \"長長長", refusal, StringComparison.Ordinal);
        Assert.Contains(rule, refusal, StringComparison.Ordinal);
        Assert.True(refusal.Length < 1_000, $"The refusal quoted {refusal.Length:N0} characters.");
    }

    /// <summary>An image, an author, a tag and an article, with every column that import checks filled in as unusually as the API allows.</summary>
    private async Task CreateContentAsync()
    {
        var writer = factory.Writer();
        var content = new TestContent(writer);
        var image = await writer.PostOkAsync("/api/v1/images", new
        {
            url = $"HTTPS://images.example.com/圖片/{Guid.NewGuid():N}.svg?size=%E5%A4%A7#圖",
            altText = "示意圖",
            mimeType = "image/svg+xml",
            width = 1,
            height = 100_000,
        });
        var author = await writer.PostOkAsync("/api/v1/authors", new
        {
            name = $"王小明 {Guid.NewGuid():N}",
            slug = $"王小明-{Guid.NewGuid():N}",
            website = "http://例え.jp/wang",
            email = "王.小明@例え.jp",
        });
        await content.ArticleAsync(new()
        {
            ["slug"] = $"通義千問-qwen3-max-發布-{Guid.NewGuid():N}",
            ["language"] = "zh-Hant-TW",
            ["authorIds"] = new[] { author["id"]!.GetValue<long>() },
            ["coverImageId"] = image["id"]!.GetValue<long>(),
            ["tagIds"] = new[] { await content.TagAsync($"人工智慧 {Guid.NewGuid():N}") },
            ["canonicalUrl"] = "https://www.ifanr.com/1636000",
        });
    }

    private static async Task<string> ExportAsync(string database)
    {
        var folder = CommandRunner.TempDirectory();
        var (exitCode, output) = await CommandRunner.RunAsync(database, "export", folder);
        Assert.True(exitCode == 0, output);
        return folder;
    }

    /// <summary>Replaces the first match of <paramref name="pattern"/> in one of the export's files ($1 in <paramref name="replacement"/> is its first group); the line it is on.</summary>
    private static int Tamper(string folder, string file, string pattern, string replacement)
    {
        var path = Path.Combine(folder, file);
        var text = File.ReadAllText(path);
        var match = Regex.Match(text, pattern);
        Assert.True(match.Success, $"{pattern} not in {file}");
        File.WriteAllText(path, text[..match.Index] + match.Result(replacement) + text[(match.Index + match.Length)..]);
        return text[..match.Index].Count(c => c == '\n') + 1;
    }

    private static string NewDatabase() => Path.Combine(CommandRunner.TempDirectory(), "imported.db");

    /// <summary>Imports the folder into a new database, which must refuse it and be left empty; the refusal's message.</summary>
    private static async Task<string> RefusalAsync(string folder)
    {
        var database = NewDatabase();
        var refusal = await Assert.ThrowsAsync<InvalidDataException>(() => ImportAsync(folder, database));
        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>(
            "SELECT (SELECT count(*) FROM images) + (SELECT count(*) FROM authors) + (SELECT count(*) FROM tags) + (SELECT count(*) FROM articles)"));
        return refusal.Message;
    }

    /// <summary>What the import command does with an export folder, letting its refusal through for the test to read.</summary>
    private static async Task ImportAsync(string folder, string database)
    {
        await using var app = await CommandHost.StartMigratedAsync(CancellationToken.None, CommandRunner.UsingDatabase(database));
        await new JsonlImporter(app.Services.GetRequiredService<Db>(), app.Services.GetRequiredService<TimeProvider>()).ImportAsync(folder, null, CancellationToken.None);
    }
}
