using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using ContentApi.Data;
using ContentApi.TestSupport;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ContentApi.IntegrationTests.Operations;

/// <summary>
/// A database file made read-only while the server runs (its mode changed, its disk remounted read-only): SQLite opens
/// the connections made after that read-only, and the writer, handed one by the pool, failed every write with
/// SQLITE_READONLY as an unhandled 500 logged with its stack, while readiness stayed Healthy; once the file was writable
/// again, those connections stayed in the pool and writes went on failing with 500 until a restart (operator).
/// </summary>
/// <remarks>
/// The file is made immutable (chattr +i) rather than given another mode: the tests run as root, whom a mode does not
/// stop, and an immutable file is opened for writing by nobody, so SQLite falls back to reading as it does for a mode.
/// Connections already open keep writing, as with a mode; forgetting the pooled connections and the writer's
/// (<see cref="Db.ForgetPooledConnections"/>) stands for the connections a busy server opens afterwards. Alone: another
/// test's factory clearing every pool of the process would change what the pool holds.
/// </remarks>
[Collection(nameof(ReadOnlyDatabaseWhileServingTests))]
public sealed class ReadOnlyDatabaseWhileServingTests
{
    [Fact]
    public async Task A_write_that_finds_the_database_read_only_is_a_503_ready_says_so_and_the_first_write_once_it_is_writable_is_stored()
    {
        using var factory = new LoggedApiFactory();
        var writer = factory.Writer();
        var anonymous = factory.Anonymous();
        await (await writer.PostAsJsonAsync("/api/v1/tags", new { name = "Before" })).AssertJsonAsync(HttpStatusCode.Created);
        var db = factory.Services.GetRequiredService<Db>();

        Immutable(factory.DatabasePath, true);
        try
        {
            db.ForgetPooledConnections();
            var refused = await writer.PostAsJsonAsync("/api/v1/tags", new { name = "While read-only" });

            var problem = await refused.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
            Assert.Contains("read-only", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
            // Not each second: only the operator can make it writable again, which takes longer.
            Assert.Equal(TimeSpan.FromSeconds(60), refused.Headers.RetryAfter?.Delta);
            // Which file to fix: the database, its -wal or -shm, or its folder.
            Assert.Contains(factory.Logs, log => log.Message.Contains($"{factory.DatabasePath} cannot be written", StringComparison.Ordinal));
            var ready = await anonymous.GetAsync("/health/ready");
            Assert.Contains("read-only", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            // Reads go on, on connections opened read-only now, which the pool keeps.
            await (await anonymous.GetAsync("/api/v1/tags")).AssertJsonAsync(HttpStatusCode.OK);
        }
        finally
        {
            Immutable(factory.DatabasePath, false);
        }

        // Writable again: the first write is stored, not refused on a connection the pool kept from before.
        await (await writer.PostAsJsonAsync("/api/v1/tags", new { name = "After" })).AssertJsonAsync(HttpStatusCode.Created);
        Assert.DoesNotContain("read-only", await (await anonymous.GetAsync("/health/ready")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var check = factory.OpenDatabase();
        Assert.Equal(["Before", "After"], check.Query<string>("SELECT name FROM tags ORDER BY id"));
    }

    /// <summary>
    /// A key's last use that cannot be recorded is logged with its exception (its stack and inner exception), not only
    /// its message.
    /// </summary>
    [Fact]
    public async Task A_last_use_not_recorded_is_logged_with_its_exception()
    {
        using var factory = new LoggedApiFactory();
        var reader = factory.Reader();
        var db = factory.Services.GetRequiredService<Db>();

        Immutable(factory.DatabasePath, true);
        try
        {
            db.ForgetPooledConnections();
            await (await reader.GetAsync("/api/v1/tags")).AssertJsonAsync(HttpStatusCode.OK);
            // Recorded beside the request, not before its response.
            for (var waited = 0; waited < 200 && !factory.Logs.Any(NotRecorded); waited++)
            {
                await Task.Delay(50);
            }
        }
        finally
        {
            Immutable(factory.DatabasePath, false);
        }

        var logged = Assert.Single(factory.Logs, NotRecorded);
        Assert.NotNull(logged.Exception);

        static bool NotRecorded((Microsoft.Extensions.Logging.LogLevel Level, string Category, string Message, Exception? Exception) log) =>
            log.Message.Contains("was not recorded", StringComparison.Ordinal);
    }

    /// <summary>
    /// (write-path fault review) A disk remounted read-only under the server: the connections already open keep their
    /// handles, and SQLite reports their failed writes as SQLITE_IOERR ("disk I/O error"), not SQLITE_READONLY. The
    /// writer kept its pooled connection, so every write was a 500 logged with its stack, for good, and readiness stayed
    /// Healthy. Making the file and its WAL immutable fails the pooled connection's writes the same way.
    /// </summary>
    [Fact]
    public async Task A_write_that_meets_a_disk_I_O_error_on_an_open_connection_is_a_503_ready_says_so_and_writes_resume_once_writable()
    {
        using var factory = new ApiFactory();
        var writer = factory.Writer();
        var anonymous = factory.Anonymous();
        await (await writer.PostAsJsonAsync("/api/v1/tags", new { name = "Before" })).AssertJsonAsync(HttpStatusCode.Created);
        string[] files = [factory.DatabasePath, factory.DatabasePath + "-wal"];

        foreach (var file in files)
        {
            Immutable(file, true);
        }
        try
        {
            for (var i = 0; i < 3; i++)
            {
                var refused = await writer.PostAsJsonAsync("/api/v1/tags", new { name = $"While unwritable {i}" });

                var problem = await refused.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
                Assert.Contains("nothing was written", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
                Assert.Equal(TimeSpan.FromSeconds(60), refused.Headers.RetryAfter?.Delta);
            }
            var ready = await anonymous.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            Assert.Contains("Degraded", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            await (await anonymous.GetAsync("/api/v1/tags")).AssertJsonAsync(HttpStatusCode.OK);
        }
        finally
        {
            foreach (var file in files)
            {
                Immutable(file, false);
            }
        }

        await (await writer.PostAsJsonAsync("/api/v1/tags", new { name = "After" })).AssertJsonAsync(HttpStatusCode.Created);
        Assert.DoesNotContain("Degraded", await (await anonymous.GetAsync("/health/ready")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var check = factory.OpenDatabase();
        Assert.Equal(["Before", "After"], check.Query<string>("SELECT name FROM tags ORDER BY id"));
        Assert.Equal("ok", check.ExecuteScalar<string>("PRAGMA integrity_check"));
    }

    /// <summary>
    /// (fault review) Only the -wal unwritable: a connection opened meanwhile (by a read, or by the writer after a failed
    /// write) opens the database writable but its WAL read-only, for good. The writer's check of the database passed
    /// such a pooled one, so once the WAL was writable again the first write was a 503 <c>database_read_only</c> with
    /// Retry-After 60 (clients honouring it waited a minute) and only the second was stored.
    /// </summary>
    [Fact]
    public async Task The_first_write_once_an_unwritable_WAL_is_writable_again_is_stored()
    {
        using var factory = new ApiFactory();
        var writer = factory.Writer();
        var anonymous = factory.Anonymous();
        await (await writer.PostAsJsonAsync("/api/v1/tags", new { name = "Before" })).AssertJsonAsync(HttpStatusCode.Created);
        var wal = factory.DatabasePath + "-wal";

        Immutable(wal, true);
        try
        {
            for (var i = 0; i < 2; i++)
            {
                var refused = await writer.PostAsJsonAsync("/api/v1/tags", new { name = $"While unwritable {i}" });
                await refused.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
                await (await anonymous.GetAsync("/api/v1/tags")).AssertJsonAsync(HttpStatusCode.OK);
            }
        }
        finally
        {
            Immutable(wal, false);
        }

        await (await writer.PostAsJsonAsync("/api/v1/tags", new { name = "After" })).AssertJsonAsync(HttpStatusCode.Created);
        using var check = factory.OpenDatabase();
        Assert.Equal(["Before", "After"], check.Query<string>("SELECT name FROM tags ORDER BY id"));
    }

    private static void Immutable(string path, bool on)
    {
        using var chattr = Process.Start(new ProcessStartInfo("chattr", [on ? "+i" : "-i", path]) { RedirectStandardError = true })!;
        var error = chattr.StandardError.ReadToEnd();
        chattr.WaitForExit();
        Assert.True(chattr.ExitCode == 0, $"chattr {(on ? "+i" : "-i")} {path}: {error} (the test needs root and a file system with the immutable attribute)");
    }
}

[CollectionDefinition(nameof(ReadOnlyDatabaseWhileServingTests), DisableParallelization = true)]
public sealed class ReadOnlyDatabaseWhileServingTestsCollection;
