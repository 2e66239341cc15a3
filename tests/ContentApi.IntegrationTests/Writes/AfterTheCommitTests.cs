using System.Net;
using ContentApi.Data;
using ContentApi.TestSupport;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ContentApi.IntegrationTests.Writes;

/// <summary>
/// The app with a seam at one exact moment of a request: when its response is being made, which for a create is after
/// the write has committed and before a byte is sent (the representation asks the compression provider for the coding
/// right then; nothing earlier does). There, the header <see cref="HeaderName"/> makes the client leave
/// (<c>leave</c>: the request is aborted), the writer busy until the request ends (<c>hold-writer</c>), or a newer build
/// migrate the database until the request ends (<c>newer-schema</c>: every write after the create's is refused).
/// </summary>
public sealed class AfterTheCommitFactory : ApiFactory
{
    public const string HeaderName = "X-Test-After-Commit";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Database:WriteQueueTimeoutSeconds"] = "0.5",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<IStartupFilter, SeamedRequests>();
            var compression = services.Single(d => d.ServiceType == typeof(IResponseCompressionProvider));
            services.Remove(compression);
            services.AddSingleton<IResponseCompressionProvider>(provider => new Seam((IResponseCompressionProvider)(compression.ImplementationFactory is { } made
                ? made(provider)
                : ActivatorUtilities.CreateInstance(provider, compression.ImplementationType!))));
        });
    }

    private sealed record SeamState(string Action, CancellationTokenSource Leaving)
    {
        public WriterHeld? Held { get; set; }
    }

    private sealed class SeamedRequests : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                if (context.Request.Headers[HeaderName].ToString() is not { Length: > 0 } action)
                {
                    await nextMiddleware(context);
                    return;
                }
                using var leaving = new CancellationTokenSource();
                var seam = new SeamState(action, leaving);
                context.Items[typeof(SeamState)] = seam;
                context.RequestAborted = leaving.Token;
                try
                {
                    await nextMiddleware(context);
                }
                catch (OperationCanceledException) when (leaving.IsCancellationRequested)
                {
                    // What the server does for a client that has gone: nothing more to send.
                }
                finally
                {
                    if (seam.Held is { } held)
                    {
                        await held.DisposeAsync();
                    }
                    if (action == "newer-schema")
                    {
                        await using var connection = new SqliteConnection(context.RequestServices.GetRequiredService<Db>().ConnectionString);
                        await connection.ExecuteAsync("DELETE FROM schema_migrations WHERE version > @Latest", new { Latest = Migrator.LatestVersion });
                    }
                }
            });
            next(app);
        };
    }

    private sealed class Seam(IResponseCompressionProvider inner) : IResponseCompressionProvider
    {
        public ICompressionProvider? GetCompressionProvider(HttpContext context)
        {
            if (context.Items[typeof(SeamState)] is SeamState { Held: null } seam)
            {
                if (seam.Action == "leave")
                {
                    seam.Leaving.Cancel();
                }
                else if (seam.Action == "hold-writer")
                {
                    seam.Held = WriterHeld.StartAsync(context.RequestServices.GetRequiredService<Db>()).GetAwaiter().GetResult();
                }
                else if (seam.Action == "newer-schema")
                {
                    using var connection = new SqliteConnection(context.RequestServices.GetRequiredService<Db>().ConnectionString);
                    connection.Execute(
                        "INSERT OR IGNORE INTO schema_migrations (version, name, applied_at) VALUES (@Version, 'from_a_newer_build', '2027-01-01T00:00:00Z')",
                        new { Version = Migrator.LatestVersion + 1 });
                }
            }
            return inner.GetCompressionProvider(context);
        }

        public bool ShouldCompressResponse(HttpContext context) => inner.ShouldCompressResponse(context);

        public bool CheckRequestAcceptsCompression(HttpContext context) => inner.CheckRequestAcceptsCompression(context);
    }
}

public sealed class AfterTheCommitTests(AfterTheCommitFactory factory) : IClassFixture<AfterTheCommitFactory>
{
    [Fact]
    public async Task A_create_whose_client_left_after_the_commit_keeps_its_response_for_the_retry()
    {
        var writer = factory.Writer();
        var key = Guid.NewGuid().ToString("N");
        var name = $"Client gone {key}";
        using (var leaving = Post(key, name))
        {
            leaving.Headers.Add(AfterTheCommitFactory.HeaderName, "leave");
            await writer.SendAsync(leaving);
        }

        var retry = await writer.SendAsync(Post(key, name));

        var created = await retry.AssertJsonAsync(HttpStatusCode.Created);
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(name, created["name"]!.GetValue<string>());
        Assert.Equal(1, await CountTagsAsync(name));
        Assert.Equal($"/api/v1/tags/{created["id"]}", retry.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_create_whose_response_cannot_be_stored_still_answers_201()
    {
        var key = Guid.NewGuid().ToString("N");
        var name = $"Unkept response {key}";
        using var request = Post(key, name);
        request.Headers.Add(AfterTheCommitFactory.HeaderName, "hold-writer");

        var response = await factory.Writer().SendAsync(request);

        var created = await response.AssertJsonAsync(HttpStatusCode.Created);
        Assert.Equal(name, created["name"]!.GetValue<string>());
        Assert.Equal(1, await CountTagsAsync(name));
    }

    [Theory]
    [InlineData("/api/v1/tags", "hold-writer")]
    // Storing fails for another reason than busy (DatabaseFileException), which once broke the 201 already sent.
    [InlineData("/api/v1/tags", "newer-schema")]
    public async Task A_retry_of_a_create_whose_response_was_not_kept_is_told_where_the_created_resource_is(string path, string unkeptBy)
    {
        var key = Guid.NewGuid().ToString("N");
        var name = $"Unkept response, retried {key}";
        using var request = Post(key, name, path);
        request.Headers.Add(AfterTheCommitFactory.HeaderName, unkeptBy);
        var created = await (await factory.Writer().SendAsync(request)).AssertJsonAsync(HttpStatusCode.Created);

        var retry = await factory.Writer().SendAsync(Post(key, name, path));

        var problem = await retry.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal($"/api/v1/tags/{created["id"]}", retry.Headers.Location!.OriginalString);
        Assert.Contains("What it created is at Location.", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(1, await CountTagsAsync(name));
    }

    private async Task<long> CountTagsAsync(string name)
    {
        using var connection = factory.OpenDatabase();
        return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM tags WHERE name = @Name", new { Name = name });
    }

    private static HttpRequestMessage Post(string key, string name, string path = "/api/v1/tags")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = HttpAssertions.RawJson($$"""{"name":"{{name}}"}""") };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        return request;
    }
}
