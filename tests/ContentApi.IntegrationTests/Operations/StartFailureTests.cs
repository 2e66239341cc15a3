using System.Net;
using System.Net.Sockets;

namespace ContentApi.IntegrationTests.Operations;

/// <summary>
/// Start-up failures outside the options classes aborted with an unhandled exception, a stack trace and exit code 134;
/// like a bad setting, they stop the server in one line on stderr naming the problem, exit code 1.
/// </summary>
public sealed class StartFailureTests
{
    [Theory]
    [InlineData("garbage", "is not a SQLite connection string")]
    [InlineData("Data Source={db};Foo=1", "is not a SQLite connection string (Connection string keyword 'foo' is not supported)")]
    [InlineData("Data Source={db};Pooling=maybe", "is not a SQLite connection string (keyword 'pooling': String 'maybe' was not recognized as a valid Boolean)")]
    [InlineData("Data Source={db};Default Timeout=abc", "is not a SQLite connection string (keyword 'default timeout':")]
    [InlineData("Data Source={db};Default Timeout=99999999999", "is not a SQLite connection string (keyword 'default timeout':")] // a stack trace, as for the two above
    [InlineData("Data Source={db};Mode=ReadOnly", "opens the database read-only")] // served, every write a 503 blaming the file's mode
    [InlineData("Data Source={db};Password=x", "names a Password")]
    [InlineData("Data Source=:memory:", "names an in-memory database")]
    [InlineData("Data Source={db};Mode=Memory", "names an in-memory database")]
    [InlineData("", "names no file")] // was told it named an in-memory database (operator)
    [InlineData("Cache=Shared", "names no file")]
    [InlineData("Data Source=file:{db}", "names the file as a SQLite URI")] // made a folder "file:" in the app's folder
    [InlineData("Data Source=FILE:{db}?cache=shared", "names the file as a SQLite URI")]
    [InlineData("Data Source=~/content-tilde-test.db", "starts its path with ~")] // made a folder "~" in the app's folder
    public async Task A_connection_string_the_app_cannot_use_stops_it_in_one_line_naming_the_setting(string connectionString, string reason)
    {
        var database = Path.Combine(CommandRunner.TempDirectory(), "content.db");

        var outcome = await AppProcess.ServeAsync(database, environment: new Dictionary<string, string>
        {
            ["ConnectionStrings__Content"] = connectionString.Replace("{db}", database, StringComparison.Ordinal),
        });

        Assert.True(outcome.ExitCode == 1, outcome.ToString());
        var line = Assert.Single(outcome.ErrorLines);
        Assert.StartsWith("error: invalid settings: ConnectionStrings:Content ", line, StringComparison.Ordinal);
        Assert.Contains(reason, line, StringComparison.Ordinal);
        Assert.False(File.Exists(database), outcome.ToString());
    }

    [Fact]
    public async Task A_port_already_in_use_stops_the_server_in_one_line_naming_the_address()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var address = $"http://127.0.0.1:{((IPEndPoint)taken.LocalEndpoint).Port}";

        var outcome = await AppProcess.RunAsync(Path.Combine(CommandRunner.TempDirectory(), "content.db"), ["--urls", address]);

        Assert.True(outcome.ExitCode == 1, outcome.ToString());
        var line = Assert.Single(outcome.ErrorLines);
        Assert.Equal($"error: Failed to bind to address {address}: address already in use.", line);
    }
}
