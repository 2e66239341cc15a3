using System.Net;
using System.Net.Http.Json;
using ContentApi.Data;
using ContentApi.TestSupport;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace ContentApi.IntegrationTests.Operations;

/// <summary>A full disk (SQLITE_FULL) was an unhandled 500 "unexpected error", and readiness stayed Healthy.</summary>
/// <remarks>
/// Alone: the page limit is set on the pooled connections, and another test's factory clearing every pool of the
/// process meanwhile (ApiFactory.Dispose) would hand the writer a fresh connection without it (review).
/// </remarks>
[Collection(nameof(DiskFullTests))]
public sealed class DiskFullTests
{
    [Fact]
    public async Task A_write_that_finds_the_disk_full_is_a_503_with_Retry_After_writes_nothing_and_ready_says_so()
    {
        using var factory = new FakeClockApiFactory();
        var article = await TooBigArticleAsync(factory);

        // SQLite's page limit (never below the file's size) stands in for the disk: it fails writes with the same SQLITE_FULL.
        await LimitEveryPooledConnectionAsync(factory, "PRAGMA max_page_count = 1");
        var refused = await factory.Writer().PostAsJsonAsync("/api/v1/articles", article);

        var problem = await refused.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Contains("disk is full", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        // Space comes back when the operator frees it, not within a second: clients that honour Retry-After retried each second.
        Assert.Equal(TimeSpan.FromSeconds(60), refused.Headers.RetryAfter?.Delta);
        var ready = await factory.Anonymous().GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains("Degraded", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using (var connection = factory.OpenDatabase())
        {
            Assert.Equal(0, connection.ExecuteScalar<int>("SELECT count(*) FROM articles"));
        }

        await LimitEveryPooledConnectionAsync(factory, "PRAGMA max_page_count = 1073741823");
        await (await factory.Writer().PostAsJsonAsync("/api/v1/articles", article)).AssertJsonAsync(HttpStatusCode.Created);
        factory.Clock.Advance(Db.DiskFullHold);
        Assert.DoesNotContain("Degraded", await (await factory.Anonymous().GetAsync("/health/ready")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>
    /// (fault review) On a nearly full disk a small write (a tag, a key's last use) fits while an article does not:
    /// ready went back to Healthy at each small write and to Degraded at the next failed article, flapping. It stays
    /// Degraded until <see cref="Db.DiskFullHold"/> has passed since the last write that found the disk full, and a write
    /// has committed since.
    /// </summary>
    [Fact]
    public async Task A_small_write_that_fits_on_a_nearly_full_disk_does_not_make_ready_healthy_until_the_hold_has_passed()
    {
        using var factory = new FakeClockApiFactory();
        var article = await TooBigArticleAsync(factory);
        long pages;
        using (var connection = factory.OpenDatabase())
        {
            pages = connection.ExecuteScalar<long>("PRAGMA page_count");
        }

        await LimitEveryPooledConnectionAsync(factory, $"PRAGMA max_page_count = {pages + 8}");
        await (await factory.Writer().PostAsJsonAsync("/api/v1/articles", article)).AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        await (await factory.Writer().PostAsJsonAsync("/api/v1/tags", new { name = "Small" })).AssertJsonAsync(HttpStatusCode.Created);

        // Review: it said "the last write failed", when the last write (the tag) had committed.
        var held = await ReadyAsync();
        Assert.Contains("a write found the database's disk full within the last 5 minutes", held, StringComparison.Ordinal);
        Assert.DoesNotContain("the last write failed", held, StringComparison.Ordinal);
        factory.Clock.Advance(Db.DiskFullHold);
        Assert.DoesNotContain("Degraded", await ReadyAsync(), StringComparison.Ordinal);

        async Task<string> ReadyAsync() => await (await factory.Anonymous().GetAsync("/health/ready")).Content.ReadAsStringAsync();
    }

    /// <summary>
    /// A read-mostly site whose operator freed space after a write found the disk full stayed Degraded ("the last write
    /// failed") until its next write, however late. Once <see cref="Db.DiskFullHold"/> has passed, room on the disk and
    /// under the page limit ends it without a write; while the database is still full, it stays Degraded.
    /// </summary>
    [Fact]
    public async Task Ready_turns_healthy_without_a_write_once_the_hold_has_passed_and_the_database_has_room_again()
    {
        using var factory = new FakeClockApiFactory();
        await FailACreateForAFullDiskAsync(factory);
        factory.Clock.Advance(Db.DiskFullHold);
        Assert.Contains("the last write failed: the database's disk is full", await ReadyAsync(), StringComparison.Ordinal);

        await LimitEveryPooledConnectionAsync(factory, "PRAGMA max_page_count = 1073741823"); // the operator frees space
        var ready = await ReadyAsync();
        Assert.Contains("Healthy", ready, StringComparison.Ordinal);
        Assert.DoesNotContain("Degraded", ready, StringComparison.Ordinal);

        async Task<string> ReadyAsync() => await (await factory.Anonymous().GetAsync("/health/ready")).Content.ReadAsStringAsync();
    }

    /// <summary>Within <see cref="Db.DiskFullHold"/> room says nothing yet: an article may need more than a small write freed.</summary>
    [Fact]
    public async Task Room_again_within_the_hold_leaves_ready_degraded()
    {
        using var factory = new FakeClockApiFactory();
        await FailACreateForAFullDiskAsync(factory);
        await LimitEveryPooledConnectionAsync(factory, "PRAGMA max_page_count = 1073741823");
        factory.Clock.Advance(Db.DiskFullHold - TimeSpan.FromSeconds(1));

        Assert.Contains("the last write failed: the database's disk is full", await (await factory.Anonymous().GetAsync("/health/ready")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>
    /// Once room was seen past the hold, every later probe measured the disk again: on a disk hovering at the threshold
    /// (logs rotating beside the database) ready alternated Healthy and Degraded from probe to probe, hours after the
    /// failure (review). The full disk is over once room is seen, until a write finds it full again.
    /// </summary>
    [Fact]
    public async Task Once_room_is_seen_past_the_hold_ready_stays_healthy_until_a_write_finds_the_disk_full_again()
    {
        using var factory = new FakeClockApiFactory();
        await FailACreateForAFullDiskAsync(factory);
        factory.Clock.Advance(Db.DiskFullHold);
        await LimitEveryPooledConnectionAsync(factory, "PRAGMA max_page_count = 1073741823");
        Assert.DoesNotContain("Degraded", await ReadyAsync(factory), StringComparison.Ordinal);

        await LimitEveryPooledConnectionAsync(factory, "PRAGMA max_page_count = 1"); // full again, but no write has found it
        Assert.DoesNotContain("Degraded", await ReadyAsync(factory), StringComparison.Ordinal);

        await (await factory.Writer().PostAsJsonAsync("/api/v1/articles", await TooBigArticleAsync(factory))).AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Contains("the last write failed: the database's disk is full", await ReadyAsync(factory), StringComparison.Ordinal);
    }

    /// <summary>
    /// The room asked for was a fixed 64 MiB, whatever body size the server takes: with Limits:MaxBodyBytes at 32 MiB,
    /// 100 MiB of room turned ready Healthy while a 32 MiB article (its revision, its index entries) still failed (review).
    /// The room asked for is 16 bodies of the largest size the server takes, and at least 64 MiB.
    /// </summary>
    [Fact]
    public async Task The_room_that_ends_a_full_disk_grows_with_the_largest_body_the_server_takes()
    {
        using var factory = new LargeBodiesFactory();
        await FailACreateForAFullDiskAsync(factory);
        factory.Clock.Advance(Db.DiskFullHold);

        long pages, pageSize;
        await using (var connection = await factory.Services.GetRequiredService<Db>().OpenAsync(CancellationToken.None))
        {
            (pages, pageSize) = (await connection.ExecuteScalarAsync<long>("PRAGMA page_count"), await connection.ExecuteScalarAsync<long>("PRAGMA page_size"));
        }
        await LimitEveryPooledConnectionAsync(factory, $"PRAGMA max_page_count = {pages + (100L << 20) / pageSize}"); // 100 MiB of room

        Assert.Contains("the last write failed: the database's disk is full", await ReadyAsync(factory), StringComparison.Ordinal);
    }

    private sealed class LargeBodiesFactory : FakeClockApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Limits:MaxBodyBytes"] = (32 << 20).ToString(System.Globalization.CultureInfo.InvariantCulture) };
    }

    /// <summary>An article create that fails with SQLITE_FULL (a 503): the page limit stands in for the disk.</summary>
    private static async Task FailACreateForAFullDiskAsync(FakeClockApiFactory factory)
    {
        var article = await TooBigArticleAsync(factory);
        await LimitEveryPooledConnectionAsync(factory, "PRAGMA max_page_count = 1");
        await (await factory.Writer().PostAsJsonAsync("/api/v1/articles", article)).AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
    }

    private static async Task<object> TooBigArticleAsync(FakeClockApiFactory factory) => new
    {
        title = "Too big for the disk",
        body = string.Concat(Enumerable.Repeat("一段很長的文字。", 20_000)),
        language = "zh-Hant",
        authorIds = new[] { await new TestContent(factory.Writer()).AuthorAsync() },
    };

    private static async Task<string> ReadyAsync(FakeClockApiFactory factory) =>
        await (await factory.Anonymous().GetAsync("/health/ready")).Content.ReadAsStringAsync();

    /// <summary>max_page_count belongs to a connection: set it on every connection the app's pool holds (and would hand the writer).</summary>
    private static async Task LimitEveryPooledConnectionAsync(FakeClockApiFactory factory, string pragma)
    {
        var db = factory.Services.GetRequiredService<Db>();
        // The writer's kept connection too: it takes one of these for its next write.
        db.ForgetPooledConnections();
        var connections = new List<Microsoft.Data.Sqlite.SqliteConnection>();
        for (var i = 0; i < 16; i++)
        {
            var connection = await db.OpenAsync(CancellationToken.None);
            await connection.ExecuteAsync(pragma);
            connections.Add(connection);
        }
        foreach (var connection in connections)
        {
            await connection.DisposeAsync();
        }
    }
}

[CollectionDefinition(nameof(DiskFullTests), DisableParallelization = true)]
public sealed class DiskFullTestsCollection;
