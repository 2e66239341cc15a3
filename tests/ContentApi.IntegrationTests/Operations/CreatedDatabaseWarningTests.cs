using System.Net.Http.Json;
using ContentApi.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContentApi.IntegrationTests.Operations;

/// <summary>
/// (operations review) A mistyped database path (a typo in a systemd unit or a compose file) was created, with its
/// folders, migrated and served empty and Healthy, logging only "Serving the database …": nothing said it was new.
/// </summary>
public sealed class CreatedDatabaseWarningTests
{
    [Fact]
    public async Task The_server_warns_naming_the_file_when_it_creates_the_database_and_ready_says_so_but_not_when_it_opens_one()
    {
        var database = Path.Combine(CommandRunner.TempDirectory(), "typo3", "sub", "c.db");

        using (var created = new OnDatabase(database))
        {
            _ = created.Services.GetRequiredService<Data.Db>();
            Assert.Contains(created.Logs, log => log.Level == LogLevel.Warning
                && log.Message.Contains(database, StringComparison.Ordinal)
                && log.Message.Contains("created", StringComparison.Ordinal)
                && log.Message.Contains("ConnectionStrings__Content", StringComparison.Ordinal));
            var ready = await created.Anonymous().GetStringAsync("/health/ready");
            Assert.Contains("created empty by this process", ready, StringComparison.Ordinal);
        }
        using var opened = new OnDatabase(database);
        _ = opened.Services.GetRequiredService<Data.Db>();
        Assert.DoesNotContain(opened.Logs, log => log.Message.Contains("created", StringComparison.Ordinal));
        Assert.DoesNotContain("created empty", await opened.Anonymous().GetStringAsync("/health/ready"), StringComparison.Ordinal);
    }

    /// <summary>
    /// (operations review) Ready said the database was created empty for the whole life of the process, after editors
    /// had made keys and content in it, so a dashboard kept warning of a mistyped path that was not one.
    /// </summary>
    [Fact]
    public async Task Ready_says_the_created_database_is_empty_only_while_it_holds_no_content_and_no_keys()
    {
        var database = Path.Combine(CommandRunner.TempDirectory(), "c.db");
        using var created = new OnDatabase(database);
        var anonymous = created.Anonymous();
        Assert.Contains("created empty by this process", await anonymous.GetStringAsync("/health/ready"), StringComparison.Ordinal);

        var writer = created.Writer();
        Assert.DoesNotContain("created empty", await anonymous.GetStringAsync("/health/ready"), StringComparison.Ordinal);

        (await writer.PostAsJsonAsync("/api/v1/tags", new { name = "News" })).EnsureSuccessStatusCode();
        using (var connection = created.OpenDatabase())
        using (var deleteKeys = connection.CreateCommand())
        {
            deleteKeys.CommandText = "DELETE FROM api_keys";
            deleteKeys.ExecuteNonQuery();
        }
        Assert.DoesNotContain("created empty", await anonymous.GetStringAsync("/health/ready"), StringComparison.Ordinal);
    }

    /// <summary>
    /// (session review) Commands that create the database as they write (keys create, the usual first step, seed,
    /// import) made one at a mistyped path without a word, and the server then found it existing and said nothing either.
    /// </summary>
    [Fact]
    public async Task A_command_that_creates_the_database_says_so_naming_the_file_but_not_when_it_opens_one()
    {
        var database = Path.Combine(CommandRunner.TempDirectory(), "typo3", "c.db");

        var created = await AppProcess.RunAsync(database, ["keys", "create", "--name", "editor", "--scope", "write"]);
        var opened = await AppProcess.RunAsync(database, ["keys", "create", "--name", "second", "--scope", "read"]);

        Assert.True(created.ExitCode == 0, created.ToString());
        var line = Assert.Single(created.ErrorLines);
        Assert.Contains(database, line, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings__Content", line, StringComparison.Ordinal);
        Assert.True(opened.ExitCode == 0, opened.ToString());
        Assert.Empty(opened.ErrorLines);
    }

    private sealed class OnDatabase(string database) : LoggedApiFactory
    {
        public override string DatabasePath => database;
    }
}
