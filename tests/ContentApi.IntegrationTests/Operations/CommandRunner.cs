using ContentApi.Cli;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ContentApi.IntegrationTests.Operations;

/// <summary>Runs an admin command in-process against a given database file and returns its exit code and output.</summary>
internal static class CommandRunner
{
    public static Task<(int ExitCode, string Output)> RunAsync(string databasePath, params string[] args) =>
        RunAsync(UsingDatabase(databasePath), args);

    /// <param name="configure">The command's configuration: at least <see cref="UsingDatabase"/>.</param>
    public static async Task<(int ExitCode, string Output)> RunAsync(Action<WebApplicationBuilder> configure, params string[] args)
    {
        using var output = new StringWriter();
        var exitCode = await AdminCommands.RunAsync(args, output, configure);
        return (exitCode, output.ToString());
    }

    /// <summary><paramref name="configure"/>, on a clock the test sets.</summary>
    public static Action<WebApplicationBuilder> OnClock(Action<WebApplicationBuilder> configure, TimeProvider clock) => builder =>
    {
        configure(builder);
        builder.Services.AddSingleton(clock);
    };

    /// <summary>The configuration that points a command, or a <see cref="CommandHost"/> app, at this database file.</summary>
    public static Action<WebApplicationBuilder> UsingDatabase(string databasePath) => builder => builder.Configuration.AddInMemoryCollection(
        new Dictionary<string, string?> { ["ConnectionStrings:Content"] = $"Data Source={databasePath}" });

    public static string TempDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "contentapi-ops", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }
}
