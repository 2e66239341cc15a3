using System.Collections.Concurrent;
using System.Net;
using ContentApi.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContentApi.IntegrationTests.Reading;

/// <summary>
/// The app on a real Kestrel server, for what the in-memory test server lets pass (such as a body written to a 304),
/// with every error the app or Kestrel logs kept.
/// </summary>
public sealed class KestrelResponsesTests(KestrelResponsesTests.KestrelApiFactory factory) : IClassFixture<KestrelResponsesTests.KestrelApiFactory>
{
    public sealed class KestrelApiFactory : ApiFactory
    {
        public ConcurrentQueue<string> Errors { get; } = new();

        public KestrelApiFactory()
        {
            UseKestrel(0);
            StartServer();
            // Clients then talk HTTP to the port Kestrel chose.
            ClientOptions.BaseAddress = new Uri(Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging => logging.AddProvider(new ErrorLog(Errors)));
        }
    }

    private sealed class ErrorLog(ConcurrentQueue<string> errors) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                errors.Enqueue($"{formatter(state, exception)} {exception?.GetType().Name}: {exception?.Message}");
            }
        }
        public void Dispose() { }
    }

    [Fact]
    public async Task A_conditional_GET_the_response_cache_has_not_seen_gets_a_clean_304()
    {
        using var client = factory.Anonymous();
        await new TestContent(factory.Writer()).TagAsync();
        // A CDN revalidating right after a write: the first request for this URL is already conditional.
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/tags?limit=7");
        request.Headers.TryAddWithoutValidation("If-None-Match", "*");
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/tags?limit=7")).StatusCode);
        Assert.Empty(factory.Errors);
    }

    [Fact]
    public async Task HEAD_answers_wherever_GET_does_with_its_headers_and_no_body()
    {
        using var client = factory.Anonymous();
        var content = new TestContent(factory.Writer());
        var article = await content.ArticleAsync();
        var tag = await content.TagAsync();
        foreach (var url in new[] { $"/api/v1/articles/{article["id"]}", $"/api/v1/articles/slug/{article["slug"]}", "/api/v1/articles?limit=1", $"/api/v1/tags/{tag}", "/api/v1/search?q=article" })
        {
            using var get = await client.GetAsync(url);
            using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
            Assert.True(head.StatusCode == HttpStatusCode.OK, $"HEAD {url}: {(int)head.StatusCode}");
            Assert.Equal(get.Headers.ETag, head.Headers.ETag);
            Assert.Equal(get.Content.Headers.ContentLength, head.Content.Headers.ContentLength);
            Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        }
        using var missing = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/v1/tags/999999"));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Empty(factory.Errors);
    }
}
