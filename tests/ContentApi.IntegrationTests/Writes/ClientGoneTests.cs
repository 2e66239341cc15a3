using System.Net;
using ContentApi.TestSupport;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection;

namespace ContentApi.IntegrationTests.Writes;

/// <summary>
/// The app with a seam that makes a client leave at one exact moment: its request is aborted as soon as the response
/// to it is being made, which for a create is after the write has committed and before a byte is sent. (The
/// representation asks the compression provider for the coding right then; nothing earlier does.)
/// </summary>
public sealed class ClientGoneFactory : ApiFactory
{
    public const string HeaderName = "X-Test-Leave-After-Write";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<IStartupFilter, AbortableRequests>();
            var compression = services.Single(d => d.ServiceType == typeof(IResponseCompressionProvider));
            services.Remove(compression);
            services.AddSingleton<IResponseCompressionProvider>(provider =>
                new LeavingClient((IResponseCompressionProvider)ActivatorUtilities.CreateInstance(provider, compression.ImplementationType!)));
        });
    }

    private sealed class AbortableRequests : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                if (!context.Request.Headers.ContainsKey(HeaderName))
                {
                    await nextMiddleware(context);
                    return;
                }
                using var leaving = new CancellationTokenSource();
                context.Items[typeof(LeavingClient)] = leaving;
                context.RequestAborted = leaving.Token;
                try
                {
                    await nextMiddleware(context);
                }
                catch (OperationCanceledException) when (leaving.IsCancellationRequested)
                {
                    // What the server does for a client that has gone: nothing more to send.
                }
            });
            next(app);
        };
    }

    private sealed class LeavingClient(IResponseCompressionProvider inner) : IResponseCompressionProvider
    {
        public ICompressionProvider? GetCompressionProvider(HttpContext context)
        {
            (context.Items[typeof(LeavingClient)] as CancellationTokenSource)?.Cancel();
            return inner.GetCompressionProvider(context);
        }

        public bool ShouldCompressResponse(HttpContext context) => inner.ShouldCompressResponse(context);

        public bool CheckRequestAcceptsCompression(HttpContext context) => inner.CheckRequestAcceptsCompression(context);
    }
}

public sealed class ClientGoneTests(ClientGoneFactory factory) : IClassFixture<ClientGoneFactory>
{
    [Fact]
    public async Task A_create_whose_client_left_after_the_commit_keeps_its_response_for_the_retry()
    {
        var writer = factory.Writer();
        var key = Guid.NewGuid().ToString("N");
        var name = $"Client gone {key}";
        using (var leaving = Post(key, name))
        {
            leaving.Headers.Add(ClientGoneFactory.HeaderName, "1");
            await writer.SendAsync(leaving);
        }

        var retry = await writer.SendAsync(Post(key, name));

        var created = await retry.AssertJsonAsync(HttpStatusCode.Created);
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(name, created["name"]!.GetValue<string>());
        using var connection = factory.OpenDatabase();
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM tags WHERE name = @Name", new { Name = name }));
        Assert.Equal($"/api/v1/tags/{created["id"]}", retry.Headers.Location!.OriginalString);
    }

    private static HttpRequestMessage Post(string key, string name)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/tags") { Content = HttpAssertions.RawJson($$"""{"name":"{{name}}"}""") };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        return request;
    }
}
