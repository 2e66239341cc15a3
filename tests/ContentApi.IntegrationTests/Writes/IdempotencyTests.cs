using System.Net;
using System.Net.Http.Headers;
using ContentApi.Auth;
using ContentApi.TestSupport;
using Dapper;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;

namespace ContentApi.IntegrationTests.Writes;

/// <summary>POST with Idempotency-Key: a retried create never makes a duplicate.</summary>
public sealed class IdempotencyTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Repeated_post_with_same_key_and_body_replays_the_first_response_and_creates_one_row()
    {
        var writer = factory.Writer();
        var authorId = await new TestContent(writer).AuthorAsync();
        var key = Guid.NewGuid().ToString("N");
        var title = $"Idempotent {key}";
        var body = ArticleBody(title, authorId);

        var first = await writer.SendAsync(Post("/api/v1/articles", key, body));
        var second = await writer.SendAsync(Post("/api/v1/articles", key, body));

        var firstBody = await first.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(first.StatusCode, second.StatusCode);
        Assert.Equal(firstBody, await second.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.NotNull(first.Content.Headers.LastModified);
        Assert.Equal(first.Content.Headers.LastModified, second.Content.Headers.LastModified);
        Assert.True(second.Content.Headers.LastModified <= second.Headers.Date, "a replay is never modified after its Date");
        Assert.Equal(first.Content.Headers.ContentType, second.Content.Headers.ContentType);
        Assert.Equal("true", second.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(first.Headers.CacheControl, second.Headers.CacheControl);
        Assert.Equal(first.Headers.Vary, second.Headers.Vary);
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM articles WHERE title = @Title", new { Title = title }));
    }

    [Fact]
    public async Task A_refused_request_leaves_its_key_free_so_the_corrected_request_creates()
    {
        var writer = factory.Writer();
        var key = Guid.NewGuid().ToString("N");
        const string invalid = """{"name":""}""";
        await (await writer.SendAsync(Post("/api/v1/tags", key, invalid))).AssertProblemAsync(HttpStatusCode.BadRequest);
        var again = await writer.SendAsync(Post("/api/v1/tags", key, invalid));
        await again.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.False(again.Headers.Contains("Idempotent-Replayed"));

        var name = $"Corrected {key}";
        var corrected = await writer.SendAsync(Post("/api/v1/tags", key, $$"""{"name":"{{name}}"}"""));
        var created = await corrected.AssertJsonAsync(HttpStatusCode.Created);
        var replay = await writer.SendAsync(Post("/api/v1/tags", key, $$"""{"name":"{{name}}"}"""));
        Assert.Equal(created["id"]!.GetValue<long>(), (await replay.AssertJsonAsync(HttpStatusCode.Created))["id"]!.GetValue<long>());
        Assert.True(replay.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM tags WHERE name = @Name", new { Name = name }));
    }

    [Fact]
    public async Task A_repeat_in_another_media_type_is_415_not_a_replay()
    {
        var writer = factory.Writer();
        var key = Guid.NewGuid().ToString("N");
        var body = $$"""{"name":"Tag {{key}}"}""";
        await (await writer.SendAsync(Post("/api/v1/tags", key, body))).AssertJsonAsync(HttpStatusCode.Created);

        var repeat = Post("/api/v1/tags", key, body);
        repeat.Content!.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/vnd.api+json");
        var refused = await writer.SendAsync(repeat);
        await refused.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.False(refused.Headers.Contains("Idempotent-Replayed"));
    }

    /// <summary>A retry layer that serialises the request again spells it otherwise; it is still the same request.</summary>
    [Fact]
    public async Task A_retry_spelling_the_same_JSON_otherwise_is_a_replay()
    {
        var writer = factory.Writer();
        var key = Guid.NewGuid().ToString("N");
        var name = $"標籤 {key}";
        var escapedName = string.Concat(name.Select(c => c < 0x80 ? c.ToString() : $"\\u{(int)c:x4}"));
        var first = await writer.SendAsync(Post("/api/v1/tags", key, $$"""{"name":"{{name}}","description":"d"}"""));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        foreach (var (path, respelled) in new[]
        {
            ("/api/v1/tags", $$"""{ "name": "{{name}}", "description": "d" }"""),
            ("/api/v1/tags", $$"""{"description":"d","name":"{{name}}"}"""),
            ("/api/v1/tags", $$"""{"name":"{{escapedName}}","description":"d"}"""),
            // The endpoint reads past a byte-order mark: it was 422.
            ("/api/v1/tags", $$"""{{'\uFEFF'}}{"name":"{{name}}","description":"d"}"""),
        })
        {
            var retry = await writer.SendAsync(Post(path, key, respelled));
            Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
            Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
            Assert.Equal(first.Headers.Location, retry.Headers.Location);
        }
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM tags WHERE name = @Name", new { Name = name }));
    }

    /// <summary>
    /// A replay is coded for the retry's Accept-Encoding, and its ETag must say so: it repeated the first response's
    /// ("…-br" on an identity body), a false change to a client comparing tags (HTTP caching probe).
    /// </summary>
    [Theory]
    [InlineData("br", null)]
    [InlineData(null, "gzip")]
    [InlineData("gzip", "br")]
    public async Task A_replay_carries_the_ETag_of_the_coding_it_is_sent_in(string? firstCoding, string? retryCoding)
    {
        var writer = factory.Writer();
        var key = Guid.NewGuid().ToString("N");
        var json = $$"""{"name":"Coded {{key}}"}""";
        var first = Post("/api/v1/tags", key, json);
        if (firstCoding is not null)
        {
            first.Headers.TryAddWithoutValidation("Accept-Encoding", firstCoding);
        }
        var created = await writer.SendAsync(first);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var retry = Post("/api/v1/tags", key, json);
        var read = new HttpRequestMessage(HttpMethod.Get, created.Headers.Location);
        if (retryCoding is not null)
        {
            retry.Headers.TryAddWithoutValidation("Accept-Encoding", retryCoding);
            read.Headers.TryAddWithoutValidation("Accept-Encoding", retryCoding);
        }
        var replayed = await writer.SendAsync(retry);

        Assert.Equal("true", replayed.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal((await writer.SendAsync(read)).Headers.ETag, replayed.Headers.ETag);
    }

    /// <summary>The key's fingerprint read these bodies as JSON nodes first, which threw: a 500 where the request is a 400.</summary>
    [Theory]
    [InlineData("""{"name":"Dup","name":"Dup"}""")]
    [InlineData("""{"name":"Lone \ud800"}""")]
    [InlineData("""{"name":"ok","description":{"a":1,"a":2}}""")]
    public async Task A_body_that_is_not_valid_JSON_for_the_API_is_400_with_a_key_too(string body)
    {
        var writer = factory.Writer();
        var key = Guid.NewGuid().ToString("N");
        await (await writer.SendAsync(Post("/api/v1/tags", key, body))).AssertProblemAsync(HttpStatusCode.BadRequest);
        var fixedName = $"Fixed {key}";
        await (await writer.SendAsync(Post("/api/v1/tags", key, $$"""{"name":"{{fixedName}}"}"""))).AssertJsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Same_key_with_another_body_or_on_another_endpoint_is_422_and_creates_nothing()
    {
        var writer = factory.Writer();
        var key = Guid.NewGuid().ToString("N");
        var name = $"Tag {key}";
        await (await writer.SendAsync(Post("/api/v1/tags", key, $$"""{"name":"{{name}}"}"""))).AssertJsonAsync(HttpStatusCode.Created);

        var other = await writer.SendAsync(Post("/api/v1/tags", key, $$"""{"name":"{{name}} changed"}"""));
        var problem = await other.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("Idempotency-Key", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(other.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM tags WHERE name = @Name", new { Name = $"{name} changed" }));

        // The same key and body on another resource is another request too.
        var elsewhere = await writer.SendAsync(Post("/api/v1/authors", key, $$"""{"name":"{{name}}"}"""));
        var detail = (await elsewhere.AssertProblemAsync(HttpStatusCode.UnprocessableEntity))["detail"]!.GetValue<string>();
        // Not "a different request body": the body is the same, the endpoint is not.
        Assert.Contains("another endpoint", detail, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM authors WHERE name = @Name", new { Name = name }));

        // With a query (a POST takes none: without the key, a 400) it was replayed (found by a fuzzer).
        var withQuery = await writer.SendAsync(Post("/api/v1/tags?x=1", key, $$"""{"name":"{{name}}"}"""));
        await withQuery.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.False(withQuery.Headers.Contains("Idempotent-Replayed"));
        // A bare "?" is no query.
        var bare = await writer.SendAsync(Post("/api/v1/tags?", key, $$"""{"name":"{{name}}"}"""));
        Assert.Equal("true", bare.Headers.GetValues("Idempotent-Replayed").Single());
    }

    [Fact]
    public async Task Same_key_from_another_api_key_creates_its_own_resource()
    {
        var store = factory.Services.GetRequiredService<ApiKeyStore>();
        var otherKey = await store.CreateAsync($"second-writer-{Guid.NewGuid():N}", ApiKeyScope.Write, CancellationToken.None);
        using var otherWriter = factory.Anonymous();
        otherWriter.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", otherKey);
        var key = Guid.NewGuid().ToString("N");
        var body = $$"""{"name":"Shared key {{key}}"}""";

        // Authors, which may share a name: a second tag of one name is a 409 whatever the key.
        var mine = await factory.Writer().SendAsync(Post("/api/v1/authors", key, body));
        var theirs = await otherWriter.SendAsync(Post("/api/v1/authors", key, body));

        await mine.AssertJsonAsync(HttpStatusCode.Created);
        await theirs.AssertJsonAsync(HttpStatusCode.Created);
        Assert.False(theirs.Headers.Contains("Idempotent-Replayed"));
        Assert.NotEqual(mine.Headers.Location, theirs.Headers.Location);
        Assert.Equal(2, await CountAsync("SELECT count(*) FROM authors WHERE name = @Name", new { Name = $"Shared key {key}" }));
    }

    [Fact]
    public async Task Concurrent_identical_posts_with_one_key_create_exactly_one_row()
    {
        var writer = factory.Writer();
        var authorId = await new TestContent(writer).AuthorAsync();
        var key = Guid.NewGuid().ToString("N");
        var title = $"Concurrent {key}";
        var body = ArticleBody(title, authorId);

        using var start = new SemaphoreSlim(0);
        var requests = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            await start.WaitAsync();
            var response = await writer.SendAsync(Post("/api/v1/articles", key, body));
            return (response.StatusCode, response.Headers.Location, Body: await response.Content.ReadAsStringAsync(),
                Replayed: response.Headers.Contains("Idempotent-Replayed"));
        })).ToList();
        start.Release(requests.Count);
        var responses = await Task.WhenAll(requests);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Single(responses.Select(r => r.Location).Distinct());
        Assert.Single(responses.Select(r => r.Body).Distinct());
        Assert.Equal(1, responses.Count(r => !r.Replayed));
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM articles WHERE title = @Title", new { Title = title }));
    }

    [Theory]
    [InlineData("/api/v1/articles", false)]
    [InlineData("/api/v1/articles", true)]
    [InlineData("/api/v1/tags", false)]
    public async Task Posts_with_one_key_to_two_instances_at_once_create_exactly_one_row(string collection, bool differentBodies)
    {
        using var second = new SecondInstance(factory);
        var writer = factory.Writer();
        var otherWriter = second.Anonymous();
        otherWriter.DefaultRequestHeaders.Authorization = writer.DefaultRequestHeaders.Authorization; // the same API key
        var authorId = await new TestContent(writer).AuthorAsync();

        // Each instance serialises a key's requests in its own memory only; the race is between the two.
        for (var round = 0; round < 10; round++)
        {
            var key = Guid.NewGuid().ToString("N");
            var titles = new[] { $"Two instances {key}", differentBodies ? $"Two instances, other body {key}" : $"Two instances {key}" };
            // Articles name their slug, as an import does: a derived slug would take a suffix rather than conflict.
            string BodyOf(string title) => collection == "/api/v1/tags"
                ? $$"""{"name":"{{title}}"}"""
                : ArticleBody(title, authorId).Replace("{", $$"""{"slug":"{{title.Replace(",", "").Replace(' ', '-').ToLowerInvariant()}}",""", StringComparison.Ordinal);
            using var start = new SemaphoreSlim(0);
            var requests = Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
            {
                await start.WaitAsync();
                var response = await (i % 2 == 0 ? writer : otherWriter).SendAsync(Post(collection, key, BodyOf(titles[i % 2])));
                var code = response.IsSuccessStatusCode ? null : (await response.AssertProblemAsync(response.StatusCode))["code"]!.GetValue<string>();
                return (response.StatusCode, response.Headers.Location, Replayed: response.Headers.Contains("Idempotent-Replayed"), Code: code,
                    RetryAfter: response.Headers.RetryAfter);
            })).ToList();
            start.Release(requests.Count);
            var responses = await Task.WhenAll(requests);

            var table = collection == "/api/v1/tags" ? "tags WHERE name" : "articles WHERE title";
            Assert.Equal(1, await CountAsync($"SELECT count(*) FROM {table} IN @Titles", new { Titles = titles.Distinct() }));
            Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created && !r.Replayed));
            Assert.Single(responses.Where(r => r.StatusCode == HttpStatusCode.Created).Select(r => r.Location).Distinct());
            // A request that lost the race is the replay, or told to retry for it: never that its own create's slug or
            // name is taken by "another" resource.
            Assert.All(responses.Where(r => r.StatusCode == HttpStatusCode.Conflict), r =>
            {
                Assert.Equal("idempotency_in_flight", r.Code);
                Assert.NotNull(r.RetryAfter);
            });
            Assert.All(responses, r => Assert.Contains(r.StatusCode, differentBodies
                ? [HttpStatusCode.Created, HttpStatusCode.UnprocessableEntity, HttpStatusCode.Conflict]
                : new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        }
    }

    [Fact]
    public async Task Key_is_reserved_with_the_create_so_a_retry_after_a_lost_response_creates_no_duplicate()
    {
        var writer = factory.Writer();
        var key = Guid.NewGuid().ToString("N");
        var body = $$"""{"name":"Lost response {{key}}"}""";
        var created = await (await writer.SendAsync(Post("/api/v1/tags", key, body))).AssertJsonAsync(HttpStatusCode.Created);

        // What a crash between the create's commit and storing its response leaves: the reservation the create's own
        // transaction wrote, without a stored response. Moments after it, the response may still be on its way (another
        // instance answering): retry. A minute later it is lost: look the resource up.
        using (var connection = factory.OpenDatabase())
        {
            await connection.ExecuteAsync(
                "UPDATE idempotency_keys SET status = 0, content_type = NULL, etag = NULL, last_modified = NULL, body = x'' WHERE key = @Key", new { Key = key });
        }
        var early = await writer.SendAsync(Post("/api/v1/tags", key, body));
        Assert.Contains("still being answered", (await early.AssertProblemAsync(HttpStatusCode.Conflict))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(early.Headers.RetryAfter);
        using (var connection = factory.OpenDatabase())
        {
            await connection.ExecuteAsync("UPDATE idempotency_keys SET created_at = @Then WHERE key = @Key",
                new { Key = key, Then = Data.Timestamps.ToDb(DateTimeOffset.UtcNow.AddMinutes(-1)) });
        }

        var retry = await writer.SendAsync(Post("/api/v1/tags", key, body));
        var problem = await retry.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("response was lost", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(retry.Headers.RetryAfter); // retrying would never get it
        // The location the reservation recorded (the stored response repeats it; AfterTheCommitTests has the reservation alone).
        Assert.Equal($"/api/v1/tags/{created["id"]}", retry.Headers.Location!.OriginalString);
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM tags WHERE name = @Name", new { Name = $"Lost response {key}" }));
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("ünïcode")]
    public async Task Malformed_idempotency_key_is_400_and_creates_nothing(string key)
    {
        var name = $"Malformed key {Guid.NewGuid():N}";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/tags") { Content = HttpAssertions.RawJson($$"""{"name":"{{name}}"}""") };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        await (await factory.Writer().SendAsync(request)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM tags WHERE name = @Name", new { Name = name }));
    }

    [Fact]
    public async Task Two_idempotency_key_headers_are_400_and_create_nothing()
    {
        // Two header lines reach the app as two values (HttpClient would join them into one line).
        var name = $"Two keys {Guid.NewGuid():N}";
        var context = await PostTagAsTheServerSeesItAsync(name, new(["a1", "a2"]));
        Assert.Equal(400, context.Response.StatusCode);
        Assert.Equal("application/problem+json", context.Response.ContentType);
        Assert.Contains("Idempotency-Key", Detail(context), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM tags WHERE name = @Name", new { Name = name }));
    }

    private Task<HttpContext> PostTagAsTheServerSeesItAsync(string name, StringValues idempotencyKey, string path = "/api/v1/tags")
    {
        var key = factory.Key(ApiKeyScope.Write);
        return factory.Server.SendAsync(c =>
        {
            c.Request.Method = "POST";
            c.Request.Path = path;
            c.Request.Headers.Authorization = "Bearer " + key;
            c.Request.Headers["Idempotency-Key"] = idempotencyKey;
            c.Request.ContentType = "application/json";
            var body = System.Text.Encoding.UTF8.GetBytes($$"""{"name":"{{name}}"}""");
            c.Request.ContentLength = body.Length;
            c.Request.Body = new MemoryStream(body);
        });
    }

    /// <summary>The problem's detail, which must be about the key (not, say, the body).</summary>
    private static string Detail(HttpContext context) =>
        System.Text.Json.Nodes.JsonNode.Parse(new StreamReader(context.Response.Body).ReadToEnd())!["detail"]!.GetValue<string>();

    [Theory]
    [InlineData("/api/v1/tags/1", 405)]
    [InlineData("/api/v1/nothing", 404)]
    public async Task Where_no_create_is_the_route_answers_before_the_key_is_judged(string path, int status)
    {
        var twoKeys = await PostTagAsTheServerSeesItAsync("x", new(["a1", "a2"]), path);
        var malformed = await PostTagAsTheServerSeesItAsync("x", "has space", path);

        Assert.Equal(status, twoKeys.Response.StatusCode);
        Assert.Equal(status, malformed.Response.StatusCode);
    }

    [Fact]
    public async Task Overlong_idempotency_key_is_400()
    {
        var key = new string('k', 256);
        await (await factory.Writer().SendAsync(Post("/api/v1/tags", key, """{"name":"Too long a key"}"""))).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    /// <summary>
    /// A create's response was sent while its key's lock was held, and kept only once the client had read it all: a
    /// client slow to read a long article's 201 held up the retry of its own (and, while keys shared 64 locks, every
    /// create whose key hashed alike), for as long as it took to read.
    /// </summary>
    [Fact]
    public async Task A_client_slow_to_read_its_response_holds_up_no_other_create_nor_its_own_retry()
    {
        var writer = factory.Writer();
        var authorId = await new TestContent(writer).AuthorAsync();
        var slowKey = Guid.NewGuid().ToString("N");
        var otherKey = Guid.NewGuid().ToString("N");
        var title = $"Long {slowKey}";
        var json = System.Text.Json.JsonSerializer.Serialize(new
        {
            title, body = string.Join("\n\n", Enumerable.Repeat("A paragraph that makes the article long enough to fill the buffers.", 5_000)),
            language = "en", authorIds = new[] { authorId }, status = "published",
        });

        // The client reads the headers of its 201, then none of the body (a slow connection).
        using var slow = await writer.SendAsync(Post("/api/v1/articles", slowKey, json), HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.Created, slow.StatusCode);

        using var other = await writer.SendAsync(Post("/api/v1/tags", otherKey, $$"""{"name":"Other {{otherKey}}"}""")).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.Created, other.StatusCode);
        using var retry = await writer.SendAsync(Post("/api/v1/articles", slowKey, json)).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.True(retry.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(await slow.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM articles WHERE title = @Title", new { Title = title }));
    }

    /// <summary>
    /// Creates with different keys wait for nothing but the writer, which takes them together. While keys shared 64
    /// locks, of 65 creates at least two shared one, and the second waited for the first's whole create, out of its
    /// transaction.
    /// </summary>
    [Fact]
    public async Task Creates_with_different_keys_all_reach_the_busy_writer_together()
    {
        var writer = factory.Writer();
        const int creates = 65;
        var db = factory.Services.GetRequiredService<Data.Db>();

        Task<HttpResponseMessage[]> sent;
        await using (await WriterHeld.StartAsync(db))
        {
            sent = Task.WhenAll(Enumerable.Range(0, creates).Select(_ => Guid.NewGuid().ToString("N"))
                .Select(key => writer.SendAsync(Post("/api/v1/tags", key, $$"""{"name":"Keyed {{key}}"}"""))));
            await WriterHeld.UntilQueuedAsync(db, creates);
        }

        foreach (var response in await sent)
        {
            await response.AssertJsonAsync(HttpStatusCode.Created);
        }
    }

    /// <summary>
    /// A key stored by an earlier build, whose hash had another form, still replays its retry after a deploy: builds
    /// before c826584 hashed the path as sent and the body's bytes, builds before 7aa88fa that path and canonical JSON.
    /// Each was a 422 idempotency_key_reused.
    /// </summary>
    [Theory]
    [InlineData("bytes", "/api/v1/articles")]
    [InlineData("canonical", "/api/v1/articles")]
    public async Task A_key_stored_with_an_earlier_builds_hash_replays_its_retry(string form, string path)
    {
        var writer = factory.Writer();
        var authorId = await new TestContent(writer).AuthorAsync();
        var key = Guid.NewGuid().ToString("N");
        var body = ArticleBody($"Before the deploy {key}", authorId);
        var first = await writer.SendAsync(Post(path, key, body));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var bytes = System.Text.Encoding.UTF8.GetBytes(body);
        var hashed = form == "bytes" ? bytes : Http.Json.CanonicalJson.Of(bytes);
        var earlierHash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            [.. System.Text.Encoding.UTF8.GetBytes("/api/v1/articles\n"), .. hashed]));
        using (var connection = factory.OpenDatabase())
        {
            await connection.ExecuteAsync("UPDATE idempotency_keys SET request_hash = @Hash WHERE key = @Key", new { Hash = earlierHash, Key = key });
        }

        var retry = await writer.SendAsync(Post(path, key, body));

        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        var withQuery = await writer.SendAsync(Post(path + "?x=1", key, body));
        await withQuery.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    private static string ArticleBody(string title, long authorId) =>
        $$"""{"title":"{{title}}","body":"Body","language":"en","authorIds":[{{authorId}}],"status":"published"}""";

    private static HttpRequestMessage Post(string url, string key, string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = HttpAssertions.RawJson(json) };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        return request;
    }

    private async Task<long> CountAsync(string sql, object parameters)
    {
        using var db = factory.OpenDatabase();
        return await db.ExecuteScalarAsync<long>(sql, parameters);
    }
}
