using System.Net;
using System.Net.Http.Headers;
using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Operations;

/// <summary>The <c>keys</c> commands as tests use them, and a request made with a key.</summary>
internal static class KeyCommands
{
    /// <summary>Creates a key and returns it (the last line of the output).</summary>
    public static async Task<string> CreateAsync(string database, string name, string scope)
    {
        var (exitCode, output) = await CommandRunner.RunAsync(database, "keys", "create", "--name", name, "--scope", scope);
        Assert.True(exitCode == 0, output);
        return output.TrimEnd().Split('\n')[^1];
    }

    /// <summary>A snapshot of another server's new database holding one key, revoked there or not; returns the key and the snapshot's path.</summary>
    public static async Task<(string Key, string Snapshot)> SnapshotOfAnotherDatabaseAsync(string name, bool revoked)
    {
        var other = Path.Combine(CommandRunner.TempDirectory(), "other.db");
        var key = await CreateAsync(other, name, "read");
        if (revoked)
        {
            Assert.Equal(0, (await CommandRunner.RunAsync(other, "keys", "revoke", name)).ExitCode);
        }
        var snapshot = Path.Combine(CommandRunner.TempDirectory(), "bk.db");
        Assert.Equal(0, (await CommandRunner.RunAsync(other, "backup", snapshot)).ExitCode);
        return (key, snapshot);
    }

    /// <summary>Each row of <c>keys list</c>: its name and its REVOKED column ("-" while active).</summary>
    public static async Task<IReadOnlyList<(string Name, string Revoked)>> ListAsync(string database)
    {
        var (exitCode, output) = await CommandRunner.RunAsync(database, "keys", "list");
        Assert.Equal(0, exitCode);
        return [.. output.TrimEnd().Split('\n').Skip(1).Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(columns => (columns[0], columns[^1]))];
    }

    /// <summary>The status of a GET of the tags with <paramref name="key"/>: 200 while the key is valid, 401 once revoked.</summary>
    public static async Task<HttpStatusCode> StatusWithAsync(ApiFactory api, string key)
    {
        using var client = api.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return (await client.GetAsync("/api/v1/tags")).StatusCode;
    }
}
