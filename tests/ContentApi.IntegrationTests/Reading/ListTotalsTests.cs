using ContentApi.Data;
using ContentApi.TestSupport;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace ContentApi.IntegrationTests.Reading;

/// <summary>List totals are remembered per content state; a remembered total must count what that state published.</summary>
public sealed class ListTotalsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string CountSql = "SELECT count(*) FROM articles a WHERE a.status = 'published' AND a.published_at <= @Now AND a.title = @Title";

    [Fact]
    public async Task A_count_cut_off_before_a_write_that_committed_first_is_not_kept_for_later_requests()
    {
        var totals = factory.Services.GetRequiredService<ListTotals>();
        var db = factory.Services.GetRequiredService<Db>();
        var title = $"Counted {Guid.NewGuid():N}";

        // A request fixes its visibility cut-off; a create (published now) commits before that request counts.
        var earlyCutOff = Timestamps.ToDb(DateTimeOffset.UtcNow);
        await new TestContent(factory.Writer()).ArticleAsync(new() { ["title"] = title });
        await using var connection = await db.OpenAsync(CancellationToken.None);
        Assert.Equal(0, await totals.CountAsync(connection, CountSql, Parameters(earlyCutOff, title), CancellationToken.None));

        var later = await totals.CountAsync(connection, CountSql, Parameters(Timestamps.ToDb(DateTimeOffset.UtcNow), title), CancellationToken.None);

        Assert.Equal(1, later);
    }

    [Fact]
    public async Task A_count_made_in_a_snapshot_older_than_the_content_state_is_not_kept()
    {
        var totals = factory.Services.GetRequiredService<ListTotals>();
        var db = factory.Services.GetRequiredService<Db>();
        var title = $"Snapshot count {Guid.NewGuid():N}";

        // A read's snapshot begins; a create commits; the read counts after the create, but in its snapshot.
        await using (var read = await db.OpenSnapshotAsync(CancellationToken.None))
        {
            await read.ExecuteScalarAsync<long>("SELECT count(*) FROM articles");
            await new TestContent(factory.Writer()).ArticleAsync(new() { ["title"] = title });
            var cutOff = Timestamps.ToDb(DateTimeOffset.UtcNow);
            Assert.Equal(0, await totals.CountAsync(read, CountSql, Parameters(cutOff, title), CancellationToken.None));
        }

        await using var next = await db.OpenSnapshotAsync(CancellationToken.None);
        Assert.Equal(1, await totals.CountAsync(next, CountSql, Parameters(Timestamps.ToDb(DateTimeOffset.UtcNow), title), CancellationToken.None));
    }

    /// <summary>
    /// Totals are kept by their query's text and parameters, up to 10,000 of them: anonymous requests naming 60 slugs of
    /// 120 characters each (a URL under the 8 KiB limit) kept ~18 KB apiece, ~180 MB in all, beside the response cache's
    /// configured 64 MiB. The request's text is not kept.
    /// </summary>
    [Fact]
    public async Task A_kept_total_does_not_keep_the_requests_text()
    {
        var totals = factory.Services.GetRequiredService<ListTotals>();
        var client = factory.Anonymous();
        var before = totals.KeptKeyCharacters;
        const int requests = 20;
        for (var i = 0; i < requests; i++)
        {
            var slugs = string.Join(',', Enumerable.Range(0, 60).Select(n => $"{new string('a', 110)}-{i}-{n}"));
            (await client.GetAsync($"/api/v1/tags?slug={slugs}")).EnsureSuccessStatusCode();
        }

        Assert.InRange(totals.KeptKeyCharacters - before, 0, requests * 100);
    }

    private static DynamicParameters Parameters(string now, string title)
    {
        var parameters = new DynamicParameters();
        parameters.Add("Now", now);
        parameters.Add("Title", title);
        return parameters;
    }
}
