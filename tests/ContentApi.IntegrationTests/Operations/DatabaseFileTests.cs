using ContentApi.Data;
using ContentApi.TestSupport;
using Dapper;
using Microsoft.Data.Sqlite;

namespace ContentApi.IntegrationTests.Operations;

/// <summary>
/// A database file the app must not use (a newer schema, another application's database, not a database at all) stops
/// the server and every command with one line that names the file, exit code 1, and leaves the file as it was.
/// </summary>
public sealed class DatabaseFileTests
{
    private static readonly int NewerVersion = Migrator.LatestVersion + 1;

    /// <summary>Every command that opens the database; {out} is a new path in the test's folder, {markdown} a Markdown file there.</summary>
    public static TheoryData<string[]> Commands => new()
    {
        new[] { "migrate" },
        new[] { "reindex" },
        new[] { "keys", "create", "--name", "another", "--scope", "write" },
        new[] { "keys", "list" },
        new[] { "keys", "revoke", "editor" },
        new[] { "seed", "--articles", "1" },
        new[] { "import", "{markdown}" },
        new[] { "export", "{out}" },
        new[] { "backup", "{out}" },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Commands_refuse_a_database_of_a_newer_schema_and_change_nothing(string[] command)
    {
        var database = await NewerSchemaDatabaseAsync();
        var (args, output) = Arguments(command, Path.GetDirectoryName(database)!);

        var (exitCode, printed) = await CommandRunner.RunAsync(database, args);

        Assert.True(exitCode == 1, $"exit code {exitCode}: {printed}");
        Assert.DoesNotContain("schema version", printed, StringComparison.Ordinal);
        using var connection = Open(database);
        Assert.Equal(NewerVersion, connection.ExecuteScalar<int>("SELECT max(version) FROM schema_migrations"));
        Assert.Equal(["editor"], connection.Query<string>("SELECT name FROM api_keys WHERE revoked_at IS NULL"));
        Assert.Equal(0, connection.ExecuteScalar<int>("SELECT count(*) FROM articles"));
        Assert.False(Path.Exists(output), $"{output} was written");
    }

    [Fact]
    public async Task Migrate_says_in_one_line_that_the_schema_is_newer_than_this_build_knows()
    {
        var database = await NewerSchemaDatabaseAsync();

        var refused = await AppProcess.RunAsync(database, ["migrate"]);

        AssertRefusedInOneLine(refused, database, $"has schema version {NewerVersion}, but this build knows only up to {Migrator.LatestVersion}");
    }

    [Fact]
    public async Task The_server_refuses_to_start_on_a_database_of_a_newer_schema()
    {
        var database = await NewerSchemaDatabaseAsync();

        var refused = await AppProcess.ServeAsync(database);

        AssertRefusedInOneLine(refused, database, $"has schema version {NewerVersion}, but this build knows only up to {Migrator.LatestVersion}");
        using var connection = Open(database);
        Assert.Equal(NewerVersion, connection.ExecuteScalar<int>("SELECT max(version) FROM schema_migrations"));
    }

    [Fact]
    public async Task A_host_started_on_a_database_of_a_newer_schema_fails_to_start_and_takes_no_writes()
    {
        var database = await NewerSchemaDatabaseAsync();
        using var app = new OnDatabase(database);

        // WebApplicationFactory reports the failed start as its own disposal, not the host's exception.
        Assert.ThrowsAny<Exception>(() => app.Services);

        using var connection = Open(database);
        Assert.Equal(NewerVersion, connection.ExecuteScalar<int>("SELECT max(version) FROM schema_migrations"));
    }

    /// <summary>A database this build migrated (with a key named editor), then migrated further by a newer build.</summary>
    private static async Task<string> NewerSchemaDatabaseAsync()
    {
        var database = Path.Combine(CommandRunner.TempDirectory(), "content.db");
        Assert.Equal(0, (await CommandRunner.RunAsync(database, "keys", "create", "--name", "editor", "--scope", "write")).ExitCode);
        using var connection = Open(database);
        connection.Execute(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@NewerVersion, 'future_thing', '2027-01-01T00:00:00Z')",
            new { NewerVersion });
        return database;
    }

    private static (string[] Args, string Output) Arguments(string[] command, string folder)
    {
        var output = Path.Combine(folder, "out");
        var markdown = Path.Combine(folder, "article.md");
        File.WriteAllText(markdown, "---\ntitle: A title\nauthors: [Jane Doe]\n---\n\nA body.\n");
        return ([.. command.Select(a => a.Replace("{out}", output, StringComparison.Ordinal).Replace("{markdown}", markdown, StringComparison.Ordinal))], output);
    }

    private static void AssertRefusedInOneLine(AppProcess.Outcome refused, string database, string reason)
    {
        Assert.True(refused.ExitCode == 1, refused.ToString());
        Assert.True(refused.ErrorLines is [var line] && line.Contains(database, StringComparison.Ordinal) && line.Contains(reason, StringComparison.Ordinal),
            $"expected one line naming {database} and saying '{reason}'; {refused}");
        Assert.DoesNotContain("   at ", refused.Output + refused.Error, StringComparison.Ordinal);
    }

    private static SqliteConnection Open(string database)
    {
        var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        return connection;
    }

    /// <summary>The app hosted in the test process (as every integration test hosts it) on a given database file.</summary>
    private sealed class OnDatabase(string database) : ApiFactory
    {
        public override string DatabasePath => database;
    }
}
