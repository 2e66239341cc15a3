using ContentApi.Cli;
using ContentApi.Data;
using System.Net;
using System.Net.Http.Headers;
using ContentApi.IntegrationTests.Reading;
using ContentApi.TestSupport;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace ContentApi.IntegrationTests.Operations;

public sealed class AdminCommandTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Keys_create_prints_the_key_last_list_never_shows_it_and_revoke_makes_it_401()
    {
        _ = factory.Services;
        var (created, output) = await CommandRunner.RunAsync(factory.DatabasePath, "keys", "create", "--name", "cli-editor", "--scope", "write");
        Assert.True(created == 0, output);
        var key = output.TrimEnd().Split('\n')[^1];
        Assert.StartsWith("capi_", key, StringComparison.Ordinal);

        var client = factory.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        await (await client.PostAsync("/api/v1/tags", HttpAssertions.JsonBody(new { name = "From a CLI key" }))).AssertJsonAsync(HttpStatusCode.Created);

        var (listed, list) = await CommandRunner.RunAsync(factory.DatabasePath, "keys", "list");
        Assert.Equal(0, listed);
        Assert.Contains("cli-editor", list, StringComparison.Ordinal);
        Assert.Contains(key[..11], list, StringComparison.Ordinal);
        Assert.DoesNotContain(key, list, StringComparison.Ordinal);

        Assert.Equal(0, (await CommandRunner.RunAsync(factory.DatabasePath, "keys", "revoke", "cli-editor")).ExitCode);
        await (await client.GetAsync("/api/v1/tags")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    /// <summary>Names were padded by their length, so 編輯部 pushed its scope out of line with the others' (operator).</summary>
    [Fact]
    public async Task Keys_list_keeps_its_columns_in_line_with_names_in_any_script()
    {
        var database = Path.Combine(CommandRunner.TempDirectory(), "content.db");
        foreach (var name in new[] { "editor", "編輯部" })
        {
            Assert.Equal(0, (await CommandRunner.RunAsync(database, "keys", "create", "--name", name, "--scope", "write")).ExitCode);
        }

        var (_, list) = await CommandRunner.RunAsync(database, "keys", "list");

        var rows = list.Split('\n').Where(line => line.StartsWith("editor", StringComparison.Ordinal) || line.StartsWith("編輯部", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, row => Assert.Equal(24 + 1, ContentApi.Cli.ColumnWidth.Of(row[..row.IndexOf("write", StringComparison.Ordinal)])));
    }

    /// <summary>
    /// A name is measured for its column as printed: a restored key named "release-bot" + U+202E + "-2026-prod" (22
    /// characters) printed as "release-bot\u202E-2026-prod", 27 cells in a column of 24, and its scope, prefix and dates
    /// stood three cells right of the other rows' and the header's. Cells are counted here, not by ColumnWidth: each of
    /// 編輯部 takes two, every other character printed one.
    /// </summary>
    [Fact]
    public async Task Keys_list_keeps_its_columns_in_line_with_a_name_its_escapes_widen()
    {
        var database = Path.Combine(CommandRunner.TempDirectory(), "content.db");
        foreach (var name in new[] { "editor", "編輯部", "release-bot" })
        {
            Assert.Equal(0, (await CommandRunner.RunAsync(database, "keys", "create", "--name", name, "--scope", "write")).ExitCode);
        }
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database};Pooling=False"))
        {
            await connection.ExecuteAsync("UPDATE api_keys SET name = 'release-bot' || char(0x202E) || '-2026-prod' WHERE name = 'release-bot'");
        }

        var (exitCode, list) = await CommandRunner.RunAsync(database, "keys", "list");

        Assert.Equal(0, exitCode);
        Assert.Contains("release-bot\\u202E-2026-prod ", list, StringComparison.Ordinal);
        var lines = list.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var scopeAt = CellsBefore(lines.Single(line => line.StartsWith("NAME ", StringComparison.Ordinal)), "SCOPE");
        var rows = lines.Where(line => line.Contains(" write ", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, rows.Count);
        Assert.All(rows, row => Assert.Equal(scopeAt, CellsBefore(row, " write ") + 1));

        static int CellsBefore(string line, string column) => line[..line.IndexOf(column, StringComparison.Ordinal)].Sum(c => c is >= '\u4E00' and <= '\u9FFF' ? 2 : 1);
    }

    /// <summary>
    /// keys create refuses control characters in a name, but a restored snapshot's keys are taken as they are: one named
    /// "ci\e[2J" cleared the operator's terminal at keys list (security review).
    /// </summary>
    [Fact]
    public async Task Keys_list_prints_a_restored_keys_control_characters_escaped()
    {
        var database = Path.Combine(CommandRunner.TempDirectory(), "content.db");
        Assert.Equal(0, (await CommandRunner.RunAsync(database, "keys", "create", "--name", "ci", "--scope", "write")).ExitCode);
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database};Pooling=False"))
        {
            await connection.ExecuteAsync("UPDATE api_keys SET name = 'ci' || char(27) || '[2J'");
        }

        var (exitCode, list) = await CommandRunner.RunAsync(database, "keys", "list");

        Assert.Equal(0, exitCode);
        Assert.Contains("ci\\u001B[2J", list, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001B', list);
    }

    /// <summary>
    /// A restored key named "ab\u202Ecd" printed as it was, and the terminal showed the rest of the row reversed; a name
    /// with an emoji joined by a zero-width joiner (👩‍💻) is text, and prints as it is.
    /// </summary>
    [Fact]
    public async Task Keys_list_prints_a_restored_keys_bidi_override_escaped_and_an_emoji_sequence_as_it_is()
    {
        var database = Path.Combine(CommandRunner.TempDirectory(), "content.db");
        foreach (var name in new[] { "ci", "dev" })
        {
            Assert.Equal(0, (await CommandRunner.RunAsync(database, "keys", "create", "--name", name, "--scope", "write")).ExitCode);
        }
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database};Pooling=False"))
        {
            await connection.ExecuteAsync("UPDATE api_keys SET name = 'ab' || char(0x202E) || 'cd' WHERE name = 'ci'");
            await connection.ExecuteAsync("UPDATE api_keys SET name = @Name WHERE name = 'dev'", new { Name = "\U0001F469\u200D\U0001F4BB" });
        }

        var (exitCode, list) = await CommandRunner.RunAsync(database, "keys", "list");

        Assert.Equal(0, exitCode);
        Assert.Contains("ab\\u202Ecd", list, StringComparison.Ordinal);
        Assert.DoesNotContain('\u202E', list);
        Assert.Contains("\U0001F469\u200D\U0001F4BB", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_prints_the_schema_version_and_a_second_run_changes_nothing()
    {
        _ = factory.Services;
        var (exitCode, output) = await CommandRunner.RunAsync(factory.DatabasePath, "migrate");
        Assert.Equal(0, exitCode);
        Assert.Contains($"schema version {Data.Migrator.LatestVersion} (up to date)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restore_refuses_a_database_a_running_server_uses_unless_forced()
    {
        await new TestContent(factory.Writer()).TagAsync("Before the backup");
        var backup = Path.Combine(CommandRunner.TempDirectory(), "snapshot.db");
        Assert.Equal(0, (await CommandRunner.RunAsync(factory.DatabasePath, "backup", backup)).ExitCode);

        Assert.Equal(2, (await CommandRunner.RunAsync(factory.DatabasePath, "restore", backup)).ExitCode);
        Assert.Equal(0, (await CommandRunner.RunAsync(factory.DatabasePath, "restore", backup, "--force")).ExitCode);
    }

    /// <summary>Only the first server took the lock; a second went unseen once the first stopped, and restore ran under it.</summary>
    [Fact]
    public async Task Restore_refuses_while_any_of_several_servers_uses_the_database()
    {
        var first = new OnDatabaseFile(Path.Combine(CommandRunner.TempDirectory(), "content.db"));
        using var second = new SecondInstance(first);
        await new TestContent(first.Writer()).TagAsync("Served by two");
        _ = second.Services;
        var backup = Path.Combine(CommandRunner.TempDirectory(), "snapshot.db");
        Assert.Equal(0, (await CommandRunner.RunAsync(first.DatabasePath, "backup", backup)).ExitCode);

        await first.DisposeAsync();

        Assert.Equal(2, (await CommandRunner.RunAsync(second.DatabasePath, "restore", backup)).ExitCode);
        Assert.True(ServerLock.IsHeld($"Data Source={second.DatabasePath}"), "reindex would not pause for the second server");
    }

    [Fact]
    public async Task Restore_refuses_what_is_not_a_ContentApi_snapshot_and_leaves_the_database_alone()
    {
        var folder = CommandRunner.TempDirectory();
        var foreign = Path.Combine(folder, "foreign.db");
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={foreign};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var create = connection.CreateCommand();
            create.CommandText = "CREATE TABLE foo (a); INSERT INTO foo VALUES (1);";
            await create.ExecuteNonQueryAsync();
        }
        var notSqlite = Path.Combine(folder, "notes.txt");
        await File.WriteAllTextAsync(notSqlite, "not a database at all, just some text that is long enough to be a header");
        var tag = await new TestContent(factory.Writer()).TagAsync("Still here after the refused restores");

        foreach (var source in new[] { foreign, notSqlite })
        {
            var (exitCode, _) = await CommandRunner.RunAsync(factory.DatabasePath, "restore", source, "--force");
            Assert.Equal(1, exitCode);
        }
        await (await factory.Reader().GetAsync($"/api/v1/tags/{tag}")).AssertJsonAsync();
    }

    [Theory]
    [InlineData(0, "help")]
    [InlineData(1, "mgirate")]
    [InlineData(0, "--version")] // started the server, which migrated the database (operator)
    [InlineData(1, "-v")]
    [InlineData(1, "seed", "--articles", "abc")]
    [InlineData(1, "seed", "--articles", "99999999999")]
    [InlineData(1, "keys", "create", "--name", "", "--scope", "read")]
    [InlineData(1, "keys", "create", "--name", "a\nb", "--scope", "read")]
    [InlineData(1, "keys", "create", "--name", "\u200B", "--scope", "read")]
    [InlineData(1, "keys", "create", "--name", "\u202Eeulav", "--scope", "read")]
    [InlineData(0, "keys", "create", "--name", "𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷", "--scope", "read")]
    public async Task Commands_answer_typos_and_bad_values_with_an_exit_code_not_a_crash(int expected, params string[] args)
    {
        Assert.True(AdminCommands.IsCommand(args));
        Assert.Equal(expected, (await CommandRunner.RunAsync(factory.DatabasePath, args)).ExitCode);
    }

    /// <summary>A quoted "~/…" reaches the command unexpanded: backup made a folder named "~" in the current folder.</summary>
    [Theory]
    [InlineData("backup", "", "PATH must name a file or folder")]
    [InlineData("restore", " ", "PATH must name a file or folder")]
    [InlineData("export", "", "PATH must name a file or folder")]
    [InlineData("import", "", "PATH must name a file or folder")]
    [InlineData("backup", "~/nightly.db", "PATH starts with ~, which only a shell expands")]
    [InlineData("restore", "~", "PATH starts with ~, which only a shell expands")]
    [InlineData("export", "~/export", "PATH starts with ~, which only a shell expands")]
    [InlineData("import", "~/posts", "PATH starts with ~, which only a shell expands")]
    public void A_path_that_names_no_file_is_refused_when_the_command_is_read_not_when_it_runs(string command, string path, string refusal)
    {
        var errors = AdminCommands.Commands(TextWriter.Null, null).Parse([command, path]).Errors;
        Assert.Contains(errors, e => e.Message.Contains(refusal, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ready_is_degraded_while_the_search_index_needs_a_reindex_and_reindex_ends_it()
    {
        using var own = new ApiFactory();
        await new TestContent(own.Writer()).ArticleAsync();
        Assert.Equal("Healthy", await SearchIndexStatusAsync(own));
        using (var connection = own.OpenDatabase())
        {
            connection.Execute("UPDATE search_analysis SET version = NULL"); // indexed before the analysis was recorded
        }

        Assert.Equal("Degraded", await SearchIndexStatusAsync(own));
        Assert.Equal(0, (await CommandRunner.RunAsync(own.DatabasePath, "reindex")).ExitCode);

        Assert.Equal("Healthy", await SearchIndexStatusAsync(own));
    }

    [Fact]
    public async Task Reindex_refreshes_derived_excerpts_and_counts_without_a_new_version()
    {
        using var own = new ApiFactory();
        var writer = own.Writer();
        var article = await new TestContent(writer).ArticleAsync(new() { ["body"] = "# 標題\n\n通義千問發布新模型，表現出色。" });
        var url = $"/api/v1/articles/{article.Id()}";
        // Read with a key: never from the response cache.
        var current = await writer.GetJsonAsync(url);
        using (var connection = own.OpenDatabase())
        {
            // As an earlier build derived them.
            connection.Execute($"UPDATE articles SET derived_excerpt = '標題 通義千問發布新模型，表現出色。', character_count = 1, reading_time_minutes = 9 WHERE id = {article.Id()}");
        }
        Assert.Equal("標題 通義千問發布新模型，表現出色。", (await writer.GetJsonAsync(url)).Text("excerpt"));

        var (exitCode, output) = await CommandRunner.RunAsync(own.DatabasePath, "reindex");
        Assert.Equal(0, exitCode);
        Assert.Contains("Derived excerpts and counts refreshed: 1.", output, StringComparison.Ordinal);
        var refreshed = await writer.GetJsonAsync(url);
        Assert.Equal("通義千問發布新模型，表現出色。", refreshed.Text("excerpt"));
        Assert.Equal(current.ToJsonString(), refreshed.ToJsonString());
        Assert.Equal(article.Id(), (await own.Anonymous().GetJsonAsync("/api/v1/search?q=表現出色"))["items"]![0]!.Id());
        Assert.Contains("Derived excerpts and counts refreshed: 0.", (await CommandRunner.RunAsync(own.DatabasePath, "reindex")).Output, StringComparison.Ordinal);
    }

    /// <summary>
    /// Reindex changed the excerpt but not Last-Modified, so a cache revalidating by date alone was told 304 and kept the
    /// earlier excerpt (review).
    /// </summary>
    [Fact]
    public async Task A_refreshed_excerpt_is_not_modified_since_no_earlier_date()
    {
        using var own = new ApiFactory();
        var writer = own.Writer();
        var article = await new TestContent(writer).ArticleAsync(new() { ["body"] = "通義千問發布新模型，表現出色。" });
        var url = $"/api/v1/articles/{article.Id()}";
        using (var connection = own.OpenDatabase())
        {
            // Written a while ago (with what it embeds), so that the reindex is in a later second than its Last-Modified.
            connection.Execute($"""
                UPDATE articles SET derived_excerpt = 'As an earlier build derived it.', updated_at = '2026-01-01T00:00:00.000000Z' WHERE id = {article.Id()};
                UPDATE authors SET updated_at = '2026-01-01T00:00:00.000000Z';
                """);
        }
        var before = await writer.GetAsync(url);
        var lastModified = before.Content.Headers.LastModified;
        Assert.NotNull(lastModified);

        Assert.Equal(0, (await CommandRunner.RunAsync(own.DatabasePath, "reindex")).ExitCode);

        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.IfModifiedSince = lastModified;
        var revalidated = await writer.SendAsync(request);
        Assert.Equal("通義千問發布新模型，表現出色。", (await revalidated.AssertJsonAsync()).Text("excerpt"));
        Assert.True(revalidated.Content.Headers.LastModified > lastModified);
    }

    [Fact]
    public async Task The_refresh_leaves_an_article_edited_after_it_was_measured_as_the_edit_wrote_it()
    {
        using var own = new ApiFactory();
        var writer = own.Writer();
        var article = await new TestContent(writer).ArticleAsync(new() { ["body"] = "通義千問發布新模型，表現出色。" });
        var url = $"/api/v1/articles/{article.Id()}";
        using (var connection = own.OpenDatabase())
        {
            connection.Execute($"UPDATE articles SET derived_excerpt = 'As an earlier build derived it.' WHERE id = {article.Id()}");
        }
        var db = own.Services.GetRequiredService<Data.Db>();
        var measured = await Articles.DerivedTextRefresh.MeasureAsync(db, [article.Id()], CancellationToken.None);
        Assert.Single(measured);

        // A server's edit lands between the refresh's measuring and its writing.
        (await writer.PatchMergeAsync(url, new { body = "阿里巴巴再次更新模型。" })).EnsureSuccessStatusCode();
        var edited = await writer.GetJsonAsync(url);

        Assert.Equal(0, await Articles.DerivedTextRefresh.WriteAsync(db, TimeProvider.System, measured, CancellationToken.None));
        var after = await writer.GetJsonAsync(url);
        Assert.Equal("阿里巴巴再次更新模型。", after.Text("excerpt"));
        Assert.Equal(edited.ToJsonString(), after.ToJsonString());
    }

    private static async Task<string> SearchIndexStatusAsync(ApiFactory api)
    {
        var ready = await api.Anonymous().GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode); // degraded search keeps the instance in service
        return (await ready.AssertJsonAsync())["checks"]!["searchIndex"]!["status"]!.GetValue<string>();
    }

    [Fact]
    public async Task Export_refuses_a_folder_that_is_not_empty_and_leaves_it_as_it_was()
    {
        var folder = CommandRunner.TempDirectory();
        var earlier = Path.Combine(folder, "notes.txt");
        await File.WriteAllTextAsync(earlier, "an earlier export's file");
        Assert.Equal(1, (await CommandRunner.RunAsync(factory.DatabasePath, "export", folder)).ExitCode);
        Assert.Equal([earlier], Directory.GetFileSystemEntries(folder));
    }

    /// <summary>
    /// A mistyped path made a new, empty database: `keys list` then listed no keys, and `keys revoke` said there was no
    /// such key, as if the keys were gone (`keys create` still makes the database, as the first step on a new machine).
    /// </summary>
    [Theory]
    [InlineData("backup")]
    [InlineData("export")]
    [InlineData("reindex")]
    [InlineData("keys", "list")]
    [InlineData("keys", "revoke", "editor")]
    public async Task A_command_reading_a_database_that_does_not_exist_fails_and_creates_nothing(params string[] command)
    {
        var folder = CommandRunner.TempDirectory();
        var mistyped = Path.Combine(folder, "no-such-folder", "content.db");
        var target = Path.Combine(folder, "out");
        string[] args = command is ["backup" or "export"] ? [.. command, target] : command;

        Assert.Equal(1, (await CommandRunner.RunAsync(mistyped, args)).ExitCode);

        Assert.Equal([], Directory.GetFileSystemEntries(folder));
    }

    [Fact]
    public async Task A_backup_onto_a_folder_fails_in_one_line_with_exit_code_1()
    {
        var folder = CommandRunner.TempDirectory();
        Assert.Equal(1, (await CommandRunner.RunAsync(factory.DatabasePath, "backup", folder)).ExitCode);
        Assert.False(AdminCommands.IsCommand(["--urls", "http://127.0.0.1:5000"]));
    }

    [Fact]
    public async Task Metrics_endpoint_reports_requests_per_route_and_database_timings()
    {
        await factory.Anonymous().GetAsync("/api/v1/tags");
        await new TestContent(factory.Writer()).TagAsync();
        var metrics = await factory.Anonymous().GetStringAsync("/metrics");
        Assert.Contains("http_request_duration_seconds_bucket", metrics, StringComparison.Ordinal);
        Assert.Contains("endpoint=\"/api/v1/tags\"", metrics, StringComparison.Ordinal);
        Assert.Contains("contentapi_db_write_transaction_seconds", metrics, StringComparison.Ordinal);
        Assert.Contains("contentapi_db_connection_open_seconds", metrics, StringComparison.Ordinal);
        var sqliteMemory = metrics.Split('\n').Single(line => line.StartsWith("contentapi_db_sqlite_memory_bytes ", StringComparison.Ordinal));
        Assert.True(double.Parse(sqliteMemory.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture) > 0, sqliteMemory);
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("DELETE")]
    [InlineData("FOO")]
    public async Task Metrics_endpoint_answers_GET_and_HEAD_only(string method)
    {
        var client = factory.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/metrics"))).StatusCode);
        var refused = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/metrics"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, refused.StatusCode);
    }
}
