using System.Net;
using System.Net.Http.Headers;
using ContentApi.Rendering;
using ContentApi.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ContentApi.IntegrationTests.Reading;

/// <summary>
/// An article's HTML and plain text are rendered as it is read, by code that changes between builds: after an upgrade,
/// <c>If-Modified-Since</c> at a Last-Modified an earlier build sent must not keep that build's rendering (304).
/// </summary>
public sealed class RenderedLastModifiedTests
{
    /// <summary>A footnote cited only in an image's alt text, which 14d843b rendered differently.</summary>
    private const string Body = "正文 ![圖[^1]](https://cdn.example.com/a.jpg) 文字\n\n[^1]: 只在圖的替代文字中引用";

    private static readonly TimeSpan UntilTheUpgrade = TimeSpan.FromHours(1);

    /// <summary>The app started again on the database and clock of <paramref name="first"/>; by another build when <paramref name="build"/> is given.</summary>
    private sealed class Restarted(FakeClockApiFactory first, string? build) : ApiFactory
    {
        public override string DatabasePath => first.DatabasePath;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services =>
            {
                services.AddSingleton<TimeProvider>(first.Clock);
                if (build is not null)
                {
                    services.AddSingleton(new RenderingBuild(build));
                }
            });
        }
    }

    private static async Task<HttpResponseMessage> GetAsync(ApiFactory app, string url, DateTimeOffset? ifModifiedSince = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.IfModifiedSince = ifModifiedSince;
        return await app.Anonymous().SendAsync(request);
    }

    private static async Task<long> ArticleAsync(ApiFactory app) =>
        (await new TestContent(app.Writer()).ArticleAsync(new() { ["body"] = Body, ["language"] = "zh-Hant" }))["id"]!.GetValue<long>();

    private static DateTimeOffset WholeSecond(DateTimeOffset time) => time.AddTicks(-(time.Ticks % TimeSpan.TicksPerSecond));

    [Theory]
    [InlineData("format=html&fields=id,bodyHtml")]
    [InlineData("format=html&fields=id,toc")]
    [InlineData("format=text&fields=id,plainText")]
    [InlineData("format=html,text")]
    public async Task Another_build_sends_its_rendering_to_a_date_only_revalidation(string query)
    {
        using var first = new FakeClockApiFactory();
        var id = await ArticleAsync(first);
        var url = $"/api/v1/articles/{id}?{query}";
        var before = (await GetAsync(first, url)).Content.Headers.LastModified!.Value;

        first.Clock.Advance(UntilTheUpgrade);
        var upgradedAt = first.Clock.GetUtcNow();
        using var upgraded = new Restarted(first, "a build that renders differently");
        var revalidated = await GetAsync(upgraded, url, before);

        Assert.Equal(HttpStatusCode.OK, revalidated.StatusCode);
        Assert.True(revalidated.Content.Headers.LastModified >= WholeSecond(upgradedAt), $"Last-Modified {revalidated.Content.Headers.LastModified:R}, upgraded at {upgradedAt:R}");
    }

    [Fact]
    public async Task Another_build_keeps_the_date_of_what_it_does_not_render()
    {
        using var first = new FakeClockApiFactory();
        var id = await ArticleAsync(first);
        var url = $"/api/v1/articles/{id}?format=html&fields=id,title";
        var before = (await GetAsync(first, url)).Content.Headers.LastModified!.Value;

        first.Clock.Advance(UntilTheUpgrade);
        using var upgraded = new Restarted(first, "a build that renders differently");

        Assert.Equal(HttpStatusCode.NotModified, (await GetAsync(upgraded, url, before)).StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, (await GetAsync(upgraded, $"/api/v1/articles/{id}", before)).StatusCode);
    }

    [Fact]
    public async Task The_same_build_started_again_keeps_Last_Modified()
    {
        using var first = new FakeClockApiFactory();
        var id = await ArticleAsync(first);
        var url = $"/api/v1/articles/{id}?format=html&fields=id,bodyHtml";
        var before = (await GetAsync(first, url)).Content.Headers.LastModified!.Value;

        first.Clock.Advance(UntilTheUpgrade);
        using var restarted = new Restarted(first, build: null);
        var revalidated = await GetAsync(restarted, url, before);

        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        Assert.Equal(before, (await GetAsync(restarted, url)).Content.Headers.LastModified);
    }

    [Fact]
    public async Task An_article_written_after_the_upgrade_has_its_own_Last_Modified()
    {
        using var first = new FakeClockApiFactory();
        _ = first.Services;
        first.Clock.Advance(UntilTheUpgrade);
        using var upgraded = new Restarted(first, "a build that renders differently");
        first.Clock.Advance(TimeSpan.FromMinutes(5));
        var article = await new TestContent(upgraded.Writer()).ArticleAsync(new() { ["body"] = Body });

        var read = await GetAsync(upgraded, $"/api/v1/articles/{article["id"]}?format=html,text");

        Assert.Equal(WholeSecond(article["updatedAt"]!.GetValue<DateTimeOffset>()), read.Content.Headers.LastModified);
    }
}
