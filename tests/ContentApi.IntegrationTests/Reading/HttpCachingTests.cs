using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ContentApi.Auth;
using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Reading;

/// <summary>Conditional requests, Cache-Control, Vary and compression on every GET of the four resources.</summary>
public sealed class HttpCachingTests(FrontendApiFactory factory) : IClassFixture<FrontendApiFactory>
{
    private sealed record Content(long Author, string AuthorSlug, long Tag, string TagSlug, long Image, long Article, string ArticleSlug)
    {
        public string[] SingleUrls =>
        [
            $"/api/v1/articles/{Article}", $"/api/v1/articles/slug/{ArticleSlug}",
            $"/api/v1/authors/{Author}", $"/api/v1/authors/slug/{AuthorSlug}",
            $"/api/v1/tags/{Tag}", $"/api/v1/tags/slug/{TagSlug}",
            $"/api/v1/images/{Image}",
        ];

        public string[] ListUrls =>
        [
            $"/api/v1/articles?author={Author}", "/api/v1/authors", "/api/v1/tags", "/api/v1/images",
            $"/api/v1/articles?author={Author}&fields=id,title&include=", "/api/v1/search?q=caching",
        ];

        public string[] AllUrls => [.. SingleUrls, .. ListUrls];
    }

    private async Task<Content> CreateContentAsync()
    {
        var writer = factory.Writer();
        var helper = new TestContent(writer);
        var image = await helper.ImageAsync("圖源:ifanr", "發布會現場");
        var author = await writer.PostOkAsync("/api/v1/authors", new { name = $"Cache {Guid.NewGuid():N}", avatarImageId = image });
        var tag = await writer.PostOkAsync("/api/v1/tags", new { name = $"Cache {Guid.NewGuid():N}" });
        var article = await writer.CreateArticleAsync([author.Id()], new()
        {
            ["title"] = "Caching article",
            ["body"] = "Caching text.",
            ["tagIds"] = new[] { tag.Id() },
            ["coverImageId"] = image,
        });
        return new Content(author.Id(), author.Text("slug"), tag.Id(), tag.Text("slug"), image, article.Id(), article.Text("slug"));
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string url, Action<HttpRequestHeaders> headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        headers(request.Headers);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task Every_GET_sends_a_strong_ETag_and_answers_If_None_Match_with_304()
    {
        var content = await CreateContentAsync();
        foreach (var client in new[] { factory.Anonymous(), factory.Reader() })
        {
            foreach (var url in content.AllUrls)
            {
                var first = await client.GetAsync(url);
                Assert.Equal(HttpStatusCode.OK, first.StatusCode);
                var etag = first.Headers.ETag;
                Assert.True(etag is { IsWeak: false }, $"{url} should carry a strong ETag");

                var same = await GetAsync(client, url, h => h.IfNoneMatch.Add(etag!));
                Assert.True(same.StatusCode == HttpStatusCode.NotModified, $"{url} with its ETag: {same.StatusCode}");
                Assert.Equal(etag, same.Headers.ETag);
                Assert.Empty(await same.Content.ReadAsByteArrayAsync());
                Assert.NotNull(same.Headers.CacheControl);

                // If-None-Match compares weakly (RFC 9110 §13.1.2), takes lists and "*".
                var weak = await GetAsync(client, url, h => h.TryAddWithoutValidation("If-None-Match", "W/" + etag!.Tag));
                Assert.Equal(HttpStatusCode.NotModified, weak.StatusCode);
                var list = await GetAsync(client, url, h => h.TryAddWithoutValidation("If-None-Match", $"\"other\", {etag!.Tag}"));
                Assert.Equal(HttpStatusCode.NotModified, list.StatusCode);
                var any = await GetAsync(client, url, h => h.TryAddWithoutValidation("If-None-Match", "*"));
                Assert.Equal(HttpStatusCode.NotModified, any.StatusCode);
                var other = await GetAsync(client, url, h => h.TryAddWithoutValidation("If-None-Match", "\"1-somethingelse\""));
                Assert.Equal(HttpStatusCode.OK, other.StatusCode);
            }
        }
    }

    /// <summary>A malformed If-None-Match is ignored: "**" and its like were read as "*", a 304 for a client holding nothing.</summary>
    [Theory]
    [InlineData("**")]
    [InlineData("W/*")]
    [InlineData(";*")]
    [InlineData("\"zz\" *")]
    [InlineData("*, \"x\"")]
    [InlineData("x{0}")]
    public async Task A_malformed_If_None_Match_is_ignored_not_a_304(string header)
    {
        var content = await CreateContentAsync();
        var client = factory.Anonymous();
        foreach (var url in content.AllUrls)
        {
            var etag = (await client.GetAsync(url)).Headers.ETag!.Tag;
            var response = await GetAsync(client, url, h => h.TryAddWithoutValidation("If-None-Match", string.Format(System.Globalization.CultureInfo.InvariantCulture, header, etag)));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} with If-None-Match {header}: {response.StatusCode}");
        }
    }

    [Fact]
    public async Task A_lowercase_weak_prefix_is_malformed_not_weak()
    {
        // HttpClient rewrites "w/" as "W/", so these are sent as the server sees them.
        var content = await CreateContentAsync();
        var url = $"/api/v1/articles/{content.Article}";
        var etag = (await factory.Anonymous().GetAsync(url)).Headers.ETag!.Tag;

        Assert.Equal(200, await StatusAsync("GET", "If-None-Match", "w/" + etag));
        Assert.Equal(400, await StatusAsync("GET", "If-Match", "w/" + etag));
        Assert.Equal(304, await StatusAsync("GET", "If-None-Match", "W/" + etag));
        Assert.Equal(400, await StatusAsync("DELETE", "If-None-Match", "w/" + etag));
        Assert.Equal(200, await StatusAsync("GET", "If-None-Match", "\"other\""));

        async Task<int> StatusAsync(string method, string header, string value)
        {
            var key = factory.Key(ApiKeyScope.Write);
            return (await factory.Server.SendAsync(c =>
            {
                c.Request.Method = method;
                c.Request.Path = url;
                c.Request.Headers[header] = value;
                if (method == "DELETE")
                {
                    c.Request.Headers.Authorization = "Bearer " + key;
                }
            })).Response.StatusCode;
        }
    }

    [Fact]
    public async Task Every_GET_answers_an_If_Match_that_names_another_representation_with_412()
    {
        var content = await CreateContentAsync();
        // Anonymous reads come from the response cache once read; key holders' are made every time.
        foreach (var client in new[] { factory.Anonymous(), factory.Reader() })
        {
            foreach (var url in content.AllUrls)
            {
                var etag = (await client.GetAsync(url)).Headers.ETag!;

                // If-Match compares strongly (RFC 9110 §13.1.1): the ETag itself, a list holding it, or "*".
                foreach (var matching in new[] { etag.Tag, $"\"other\", {etag.Tag}", "*" })
                {
                    var read = await GetAsync(client, url, h => h.TryAddWithoutValidation("If-Match", matching));
                    Assert.True(read.StatusCode == HttpStatusCode.OK, $"{url} with If-Match {matching}: {read.StatusCode}");
                }
                foreach (var other in new[] { "\"1-somethingelse\"", "W/" + etag.Tag })
                {
                    var refused = await GetAsync(client, url, h => h.TryAddWithoutValidation("If-Match", other));
                    Assert.True(refused.StatusCode == HttpStatusCode.PreconditionFailed, $"{url} with If-Match {other}: {refused.StatusCode}");
                    await refused.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
                    Assert.Equal(etag, refused.Headers.ETag);
                    Assert.True(refused.Headers.CacheControl?.NoStore, $"{url}: a 412 must not be stored by a shared cache");
                }
                // A 412 has no body on HEAD, and none of the headers of the 200 it replaces; a malformed If-Match is a 400.
                using var head = new HttpRequestMessage(HttpMethod.Head, url);
                head.Headers.TryAddWithoutValidation("If-Match", "\"1-somethingelse\"");
                var headRefused = await client.SendAsync(head);
                Assert.Equal(HttpStatusCode.PreconditionFailed, headRefused.StatusCode);
                Assert.Empty(await headRefused.Content.ReadAsByteArrayAsync());
                var refusedList = await GetAsync(client, url, h => h.TryAddWithoutValidation("If-Match", "\"1-somethingelse\""));
                Assert.False(refusedList.Headers.Contains("Link"), $"{url}: a 412 has no next page");
                Assert.Null(refusedList.Content.Headers.LastModified);
                var malformed = await GetAsync(client, url, h => h.TryAddWithoutValidation("If-Match", "unquoted"));
                await malformed.AssertProblemAsync(HttpStatusCode.BadRequest);
                Assert.Null(malformed.Headers.ETag); // an error is no representation (it carried the 200's ETag)
                // If-Match is evaluated before If-None-Match (RFC 9110 §13.2.2).
                var both = await GetAsync(client, url, h =>
                {
                    h.TryAddWithoutValidation("If-Match", "\"1-somethingelse\"");
                    h.IfNoneMatch.Add(etag);
                });
                Assert.Equal(HttpStatusCode.PreconditionFailed, both.StatusCode);
            }
        }
    }

    [Fact]
    public async Task A_412_is_never_stored_by_the_response_cache()
    {
        var content = await CreateContentAsync();
        var url = $"/api/v1/articles?limit=1&author={content.Author}";
        var client = factory.Anonymous();
        // The first request for this URL is refused; the next plain one must be a 200 made for it.
        var refused = await GetAsync(client, url, h => h.TryAddWithoutValidation("If-Match", "\"l-other\""));
        Assert.Equal(HttpStatusCode.PreconditionFailed, refused.StatusCode);
        var read = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.True(read.Headers.CacheControl?.Public, "the 200 after a 412 is cacheable");
    }

    /// <summary>
    /// RFC 9111 §4.2.2 lets a cache keep a 404 heuristically: a CDN could go on answering 404 for a draft after it is
    /// published. Every error says no-store, and only that, GET or HEAD, found by a route or not, refused by the app or
    /// by ASP.NET's binding (whose exception handler would send <c>no-cache,no-store</c>, <c>Pragma</c> and <c>Expires</c>).
    /// </summary>
    [Fact]
    public async Task Errors_are_never_stored_by_caches()
    {
        var writer = factory.Writer();
        var draft = await writer.CreateArticleAsync([await new TestContent(writer).AuthorAsync()], new() { ["status"] = "draft" });
        var tag = await new TestContent(writer).TagAsync();
        var anonymous = factory.Anonymous();
        var badKey = factory.Anonymous();
        badKey.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-key");
        var errors = new (HttpClient Client, HttpMethod Method, string Url, HttpContent? Body, HttpStatusCode Status)[]
        {
            (anonymous, HttpMethod.Get, "/api/v1/articles/999999", null, HttpStatusCode.NotFound),
            (anonymous, HttpMethod.Get, $"/api/v1/articles/{draft.Id()}", null, HttpStatusCode.NotFound),
            (anonymous, HttpMethod.Get, $"/api/v1/articles/slug/{draft.Text("slug")}", null, HttpStatusCode.NotFound),
            (factory.Reader(), HttpMethod.Get, "/api/v1/tags/999999", null, HttpStatusCode.NotFound),
            (anonymous, HttpMethod.Get, "/api/v1/no-such-resource", null, HttpStatusCode.NotFound),
            (anonymous, HttpMethod.Get, "/api/v1/articles/", null, HttpStatusCode.NotFound),
            (anonymous, HttpMethod.Get, "/api/v1/articles?limit=0", null, HttpStatusCode.BadRequest),
            (anonymous, HttpMethod.Get, "/api/v1/articles/abc", null, HttpStatusCode.BadRequest),
            (anonymous, HttpMethod.Get, "/api/v1/articles/99999999999999999999999", null, HttpStatusCode.BadRequest),
            (writer, HttpMethod.Post, "/api/v1/tags", HttpAssertions.RawJson("""{"name":"x","colour":"red"}"""), HttpStatusCode.BadRequest),
            (writer, HttpMethod.Post, "/api/v1/tags", HttpAssertions.RawJson("""{"name":"x","name":"y"}"""), HttpStatusCode.BadRequest),
            (writer, HttpMethod.Patch, $"/api/v1/tags/{tag}", HttpAssertions.RawJson("[]", "application/merge-patch+json"), HttpStatusCode.BadRequest),
            (writer, HttpMethod.Post, "/api/v1/tags", new ByteArrayContent("""{"name":"x"}"""u8.ToArray()), HttpStatusCode.UnsupportedMediaType),
            (badKey, HttpMethod.Get, "/api/v1/articles", null, HttpStatusCode.Unauthorized),
            (factory.Reader(), HttpMethod.Delete, "/api/v1/tags/1", null, HttpStatusCode.Forbidden),
            (anonymous, HttpMethod.Delete, "/api/v1/articles", null, HttpStatusCode.MethodNotAllowed),
        };
        foreach (var (client, method, url, body, status) in errors)
        {
            using var request = new HttpRequestMessage(method, url) { Content = body };
            var response = await client.SendAsync(request);
            await response.AssertProblemAsync(status);
            var cacheControl = response.Headers.NonValidated["Cache-Control"].ToString();
            Assert.True(cacheControl == "no-store", $"{method} {url}: Cache-Control {cacheControl}");
            Assert.False(response.Headers.NonValidated.Contains("Pragma"), $"{method} {url}: Pragma");
            Assert.False(response.Content.Headers.NonValidated.Contains("Expires"), $"{method} {url}: Expires");
        }
        foreach (var url in new[] { "/api/v1/articles/999999", $"/api/v1/articles/{draft.Id()}" })
        {
            using var head = new HttpRequestMessage(HttpMethod.Head, url);
            var response = await anonymous.SendAsync(head);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.True(response.Headers.CacheControl?.NoStore, $"HEAD {url}: Cache-Control {response.Headers.CacheControl}");
        }
    }

    [Fact]
    public async Task HEAD_sends_the_GET_headers_and_no_body_itself()
    {
        var content = await CreateContentAsync();
        foreach (var url in content.AllUrls)
        {
            var get = await factory.Anonymous().GetAsync(url);
            // The in-memory server passes on whatever the app writes, so an empty body here is the app's doing.
            var head = await factory.Anonymous().SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
            Assert.True(head.StatusCode == HttpStatusCode.OK, $"HEAD {url}: {(int)head.StatusCode}");
            Assert.Equal(get.Headers.ETag, head.Headers.ETag);
            Assert.Equal(get.Content.Headers.ContentLength, head.Content.Headers.ContentLength);
            Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        }
    }

    [Fact]
    public async Task ETag_changes_when_the_representation_changes()
    {
        var content = await CreateContentAsync();
        var writer = factory.Writer();
        var client = factory.Anonymous();
        var before = new Dictionary<string, EntityTagHeaderValue>();
        foreach (var url in content.AllUrls)
        {
            before[url] = (await client.GetAsync(url)).Headers.ETag!;
        }
        // The same representation asked for differently (sparse fields) is a different representation.
        Assert.NotEqual(before[content.SingleUrls[0]], (await client.GetAsync(content.SingleUrls[0] + "?fields=id,title")).Headers.ETag);

        await (await writer.PatchMergeAsync($"/api/v1/articles/{content.Article}", new { title = "Caching article, edited" })).AssertJsonAsync();
        await (await writer.PatchMergeAsync($"/api/v1/authors/{content.Author}", new { bio = "Now with a bio." })).AssertJsonAsync();
        await (await writer.PatchMergeAsync($"/api/v1/tags/{content.Tag}", new { description = "Now described." })).AssertJsonAsync();
        await (await writer.PatchMergeAsync($"/api/v1/images/{content.Image}", new { altText = "新的替代文字" })).AssertJsonAsync();
        await new TestContent(writer).TagAsync();
        foreach (var url in content.AllUrls.Where(u => !u.Contains("search", StringComparison.Ordinal)))
        {
            var after = await GetAsync(client, url, h => h.IfNoneMatch.Add(before[url]));
            Assert.True(after.StatusCode == HttpStatusCode.OK, $"{url} changed, so its old ETag must not give 304");
            Assert.NotEqual(before[url], after.Headers.ETag);
        }
    }

    [Theory]
    [InlineData("authors", "{\"name\":\"Renamed Author\"}", "authors")]
    [InlineData("tags", "{\"name\":\"Renamed Tag\"}", "tags")]
    [InlineData("images", "{\"caption\":\"新的圖說\"}", "coverImage")]
    public async Task Article_ETag_changes_when_an_embedded_resource_changes(string resource, string patch, string embed)
    {
        var content = await CreateContentAsync();
        var client = factory.Anonymous();
        var urls = new[] { $"/api/v1/articles/{content.Article}", $"/api/v1/articles/slug/{content.ArticleSlug}", $"/api/v1/articles?author={content.Author}" };
        var before = new Dictionary<string, (EntityTagHeaderValue ETag, DateTimeOffset? LastModified)>();
        foreach (var url in urls)
        {
            var response = await client.GetAsync(url);
            before[url] = (response.Headers.ETag!, response.Content.Headers.LastModified);
        }
        var article = await client.GetJsonAsync(urls[0]);
        var id = resource switch { "authors" => content.Author, "tags" => content.Tag, _ => content.Image };
        var patched = await factory.Writer().PatchAsync($"/api/v1/{resource}/{id}", HttpAssertions.RawJson(patch, "application/merge-patch+json"));
        await patched.AssertJsonAsync();

        foreach (var url in urls)
        {
            var after = await GetAsync(client, url, h => h.IfNoneMatch.Add(before[url].ETag));
            Assert.True(after.StatusCode == HttpStatusCode.OK, $"{url}: the embedded {embed} changed, so the old ETag must not give 304");
            Assert.NotEqual(before[url].ETag, after.Headers.ETag);
            if (before[url].LastModified is { } lastModified)
            {
                Assert.True(after.Content.Headers.LastModified >= lastModified);
            }
        }
        var changed = await client.GetJsonAsync(urls[0]);
        Assert.NotEqual(article[embed]!.ToJsonString(), changed[embed]!.ToJsonString());
        // The article itself did not change: same version, so If-Match with the old ETag still succeeds.
        Assert.Equal(article["version"]!.GetValue<long>(), changed["version"]!.GetValue<long>());
        using var edit = new HttpRequestMessage(HttpMethod.Patch, urls[0]) { Content = HttpAssertions.RawJson("""{"subtitle":"s"}""", "application/merge-patch+json") };
        edit.Headers.IfMatch.Add(before[urls[0]].ETag);
        await (await factory.Writer().SendAsync(edit)).AssertJsonAsync();
    }

    [Fact]
    public async Task Articles_and_images_send_Last_Modified_and_honour_If_Modified_Since()
    {
        var content = await CreateContentAsync();
        foreach (var url in content.SingleUrls.Where(u => u.Contains("/articles/", StringComparison.Ordinal) || u.Contains("/images/", StringComparison.Ordinal)))
        {
            var client = factory.Anonymous();
            var first = await client.GetAsync(url);
            var lastModified = first.Content.Headers.LastModified;
            Assert.True(lastModified is not null, $"{url} should send Last-Modified");
            var updatedAt = (await first.AssertJsonAsync())["updatedAt"]!.GetValue<DateTimeOffset>();
            Assert.InRange(updatedAt - lastModified!.Value, TimeSpan.Zero, TimeSpan.FromSeconds(1));

            var notModified = await GetAsync(client, url, h => h.IfModifiedSince = lastModified);
            Assert.True(notModified.StatusCode == HttpStatusCode.NotModified, $"{url} If-Modified-Since its Last-Modified: {notModified.StatusCode}");
            Assert.Equal(first.Headers.ETag, notModified.Headers.ETag);
            var later = await GetAsync(client, url, h => h.IfModifiedSince = DateTimeOffset.UtcNow);
            Assert.Equal(HttpStatusCode.NotModified, later.StatusCode);
            // A date still to come is none (a client whose clock runs ahead kept its copy through every change until then).
            var future = await GetAsync(client, url, h => h.IfModifiedSince = DateTimeOffset.UtcNow.AddDays(1));
            Assert.Equal(HttpStatusCode.OK, future.StatusCode);
            var earlier = await GetAsync(client, url, h => h.IfModifiedSince = lastModified.Value.AddSeconds(-1));
            Assert.Equal(HttpStatusCode.OK, earlier.StatusCode);
            // If-None-Match wins over If-Modified-Since (RFC 9110 §13.2.2).
            var both = await GetAsync(client, url, h =>
            {
                h.IfModifiedSince = lastModified;
                h.TryAddWithoutValidation("If-None-Match", "\"1-stale\"");
            });
            Assert.Equal(HttpStatusCode.OK, both.StatusCode);
        }
    }

    /// <summary>RFC 9110 §13.2.2: an invalid If-None-Match is ignored as a whole, so the If-Modified-Since beside it is evaluated.</summary>
    [Theory]
    [InlineData("abc")]
    [InlineData("**")]
    public async Task A_malformed_If_None_Match_leaves_If_Modified_Since_to_answer(string ifNoneMatch)
    {
        var content = await CreateContentAsync();
        foreach (var url in content.SingleUrls.Where(u => u.Contains("/articles/", StringComparison.Ordinal) || u.Contains("/images/", StringComparison.Ordinal)))
        {
            var client = factory.Anonymous();
            var lastModified = (await client.GetAsync(url)).Content.Headers.LastModified;

            var response = await GetAsync(client, url, h =>
            {
                h.IfModifiedSince = lastModified;
                h.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
            });

            Assert.True(response.StatusCode == HttpStatusCode.NotModified, $"{url} with If-None-Match {ifNoneMatch}: {response.StatusCode}");
        }
    }

    [Fact]
    public async Task Articles_and_images_answer_If_Unmodified_Since_before_their_Last_Modified_with_412_unless_If_Match_is_sent()
    {
        var content = await CreateContentAsync();
        foreach (var url in content.SingleUrls.Where(u => u.Contains("/articles/", StringComparison.Ordinal) || u.Contains("/images/", StringComparison.Ordinal)))
        {
            // Anonymous answers come from the response cache after the first; a key's are made every time.
            foreach (var client in new[] { factory.Anonymous(), factory.Reader() })
            {
                var first = await client.GetAsync(url);
                var lastModified = first.Content.Headers.LastModified!.Value;

                var stale = await GetAsync(client, url, h => h.IfUnmodifiedSince = lastModified.AddSeconds(-1));
                await stale.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
                // Evaluated before If-None-Match (RFC 9110 §13.2.2): a 412, not a 304.
                var staleButHeld = await GetAsync(client, url, h =>
                {
                    h.IfUnmodifiedSince = lastModified.AddSeconds(-1);
                    h.IfNoneMatch.Add(first.Headers.ETag!);
                });
                Assert.Equal(HttpStatusCode.PreconditionFailed, staleButHeld.StatusCode);
                Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, url, h => h.IfUnmodifiedSince = lastModified)).StatusCode);
                Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, url, h => h.TryAddWithoutValidation("If-Unmodified-Since", "yesterday"))).StatusCode);
                // If-Match supersedes it (RFC 9110 §13.1.4).
                var withIfMatch = await GetAsync(client, url, h =>
                {
                    h.IfUnmodifiedSince = lastModified.AddDays(-1);
                    h.IfMatch.Add(first.Headers.ETag!);
                });
                Assert.Equal(HttpStatusCode.OK, withIfMatch.StatusCode);
            }
        }
    }

    [Fact]
    public async Task Dates_that_are_not_HTTP_dates_are_ignored_in_If_Modified_Since_and_If_Unmodified_Since()
    {
        // HttpClient rewrites date headers into the HTTP form, so these are sent as the server sees them.
        var content = await CreateContentAsync();
        var url = $"/api/v1/articles/{content.Article}";
        var lastModified = (await factory.Anonymous().GetAsync(url)).Content.Headers.LastModified!.Value;

        Assert.Equal(304, await StatusAsync("If-Modified-Since", lastModified.ToString("r", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(200, await StatusAsync("If-Modified-Since", lastModified.ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(412, await StatusAsync("If-Unmodified-Since", lastModified.AddDays(-1).ToString("r", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(200, await StatusAsync("If-Unmodified-Since", lastModified.AddDays(-1).ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", System.Globalization.CultureInfo.InvariantCulture)));

        async Task<int> StatusAsync(string header, string value) => (await factory.Server.SendAsync(c =>
        {
            c.Request.Method = "GET";
            c.Request.Path = url;
            c.Request.Headers[header] = value;
        })).Response.StatusCode;
    }

    [Fact]
    public async Task Authors_and_tags_send_no_Last_Modified_so_a_changed_article_count_is_never_a_stale_304()
    {
        // Their publishedArticleCount changes when an article is published, without any change to their own rows.
        var writer = factory.Writer();
        var helper = new TestContent(writer);
        var (author, tag) = (await helper.AuthorAsync(), await helper.TagAsync());
        var urls = new[] { $"/api/v1/authors/{author}", $"/api/v1/tags/{tag}" };
        await writer.CreateArticleAsync([author], new() { ["tagIds"] = new[] { tag } });
        foreach (var url in urls)
        {
            var response = await factory.Anonymous().GetAsync(url);
            Assert.Null(response.Content.Headers.LastModified);
            Assert.Equal(1, (await response.AssertJsonAsync())["publishedArticleCount"]!.GetValue<long>());
        }
        var readAt = DateTimeOffset.UtcNow;
        await writer.CreateArticleAsync([author], new() { ["tagIds"] = new[] { tag } });
        foreach (var url in urls)
        {
            var response = await GetAsync(factory.Anonymous(), url, h => h.IfModifiedSince = readAt.AddMinutes(1));
            Assert.Equal(2, (await response.AssertJsonAsync())["publishedArticleCount"]!.GetValue<long>());
        }
    }

    [Fact]
    public async Task Write_responses_send_the_Last_Modified_that_a_read_then_returns()
    {
        var writer = factory.Writer();
        var avatar = await new TestContent(writer).ImageAsync();
        var image = new { url = "https://images.example.com/written.jpg", altText = "示意圖", credit = "圖源：本站" };
        var writes = new (string Collection, string Table, object Create, object Replace, object Patch)[]
        {
            ("/api/v1/authors", "authors", new { name = $"Written {Guid.NewGuid():N}", avatarImageId = avatar }, new { name = $"Replaced {Guid.NewGuid():N}" }, new { bio = "補充。" }),
            ("/api/v1/tags", "tags", new { name = $"Written {Guid.NewGuid():N}" }, new { name = $"Replaced {Guid.NewGuid():N}" }, new { description = "補充。" }),
            ("/api/v1/images", "images", image, image with { altText = "新的說明" }, new { caption = "補充。" }),
        };
        foreach (var (collection, table, create, replace, patch) in writes)
        {
            var created = await writer.PostAsJsonAsync(collection, create);
            var url = created.Headers.Location!.ToString();
            await AssertSameAsReadAsync(created, HttpStatusCode.Created, url);
            // Back-dated, so that an answer naming the old time (rather than the write's) cannot pass by landing in the same second.
            BackDate(table, url);
            await AssertSameAsReadAsync(await writer.PutAsJsonAsync(url, replace), HttpStatusCode.OK, url);
            BackDate(table, url);
            await AssertSameAsReadAsync(await writer.PatchMergeAsync(url, patch), HttpStatusCode.OK, url);
        }

        async Task AssertSameAsReadAsync(HttpResponseMessage written, HttpStatusCode status, string url)
        {
            Assert.Equal(status, written.StatusCode);
            var read = await writer.GetAsync(url);
            Assert.Equal(read.Content.Headers.LastModified, written.Content.Headers.LastModified);
            if (url.Contains("/images/", StringComparison.Ordinal))
            {
                Assert.True(written.Content.Headers.LastModified > new DateTimeOffset(2021, 1, 1, 0, 0, 0, TimeSpan.Zero), $"{written.RequestMessage!.Method} {url}");
            }
            else
            {
                Assert.Null(written.Content.Headers.LastModified);
            }
        }

        void BackDate(string table, string url)
        {
            using var db = factory.OpenDatabase();
            using var command = db.CreateCommand();
            command.CommandText = $"UPDATE {table} SET created_at = '2020-01-01T00:00:00.000000Z', updated_at = '2020-01-01T00:00:00.000000Z' WHERE id = {url[(url.LastIndexOf('/') + 1)..]}";
            Assert.Equal(1, command.ExecuteNonQuery());
        }
    }

    [Fact]
    public async Task A_response_is_never_modified_after_its_Date()
    {
        // RFC 9110 §8.8.2.1. Kestrel refreshes its Date about once a second, and writes land anywhere in that second.
        var writer = factory.Writer();
        var helper = new TestContent(writer);
        var author = await helper.AuthorAsync();
        for (var i = 0; i < 15; i++)
        {
            var image = await writer.PostAsJsonAsync("/api/v1/images", new { url = $"https://images.example.com/{i}.jpg", altText = "圖" });
            var article = await writer.PostAsJsonAsync("/api/v1/articles", new { title = $"Dated {Guid.NewGuid():N}", body = "b", language = "en", authorIds = new[] { author }, status = "published" });
            var reads = new[] { await factory.Anonymous().GetAsync(article.Headers.Location), await factory.Anonymous().GetAsync(article.Headers.Location) };
            foreach (var response in (HttpResponseMessage[])[image, article, .. reads])
            {
                Assert.True(response.Content.Headers.LastModified <= response.Headers.Date,
                    $"{response.RequestMessage!.Method} {response.RequestMessage.RequestUri}: Last-Modified {response.Content.Headers.LastModified:R} after Date {response.Headers.Date:R}");
            }
        }
    }

    [Fact]
    public async Task A_timestamp_ahead_of_the_clock_is_sent_as_the_Date()
    {
        // As an instance whose clock runs ahead would have written it (RFC 9110 8.8.2.1: replace it with the Date).
        var content = new TestContent(factory.Writer());
        var image = await content.ImageAsync();
        await content.ArticleAsync(new() { ["coverImageId"] = image }); // published: its cover is public
        using (var db = factory.OpenDatabase())
        {
            using var command = db.CreateCommand();
            command.CommandText = $"UPDATE images SET updated_at = '2099-01-01T00:00:00.000000Z' WHERE id = {image}";
            command.ExecuteNonQuery();
        }
        var response = await factory.Anonymous().GetAsync($"/api/v1/images/{image}");
        Assert.NotNull(response.Headers.Date);
        Assert.Equal(response.Headers.Date, response.Content.Headers.LastModified);
    }

    [Fact]
    public async Task Anonymous_reads_are_public_with_the_configured_Cache_Control_and_keyed_reads_private()
    {
        var content = await CreateContentAsync();
        foreach (var url in content.AllUrls)
        {
            var anonymous = await factory.Anonymous().GetAsync(url);
            Assert.Equal(FrontendApiFactory.PublicCacheControl, anonymous.Headers.CacheControl!.ToString());
            var conditional = await GetAsync(factory.Anonymous(), url, h => h.IfNoneMatch.Add(anonymous.Headers.ETag!));
            Assert.Equal(FrontendApiFactory.PublicCacheControl, conditional.Headers.CacheControl!.ToString());

            var keyed = await factory.Reader().GetAsync(url);
            Assert.True(keyed.Headers.CacheControl!.Private, $"{url} with a key should be private: {keyed.Headers.CacheControl}");
            Assert.False(keyed.Headers.CacheControl.Public);
        }
    }

    [Fact]
    public async Task Vary_names_Authorization_and_Accept_Encoding()
    {
        var content = await CreateContentAsync();
        foreach (var url in content.AllUrls)
        {
            foreach (var client in new[] { factory.Anonymous(), factory.Reader() })
            {
                var vary = (await client.GetAsync(url)).Headers.Vary;
                Assert.Contains("Authorization", vary, StringComparer.OrdinalIgnoreCase);
                Assert.Contains("Accept-Encoding", vary, StringComparer.OrdinalIgnoreCase);
            }
        }
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task Json_is_compressed_when_the_client_accepts_it(string coding)
    {
        var content = await CreateContentAsync();
        foreach (var url in new[] { $"/api/v1/articles?author={content.Author}&format=html,text", $"/api/v1/authors/{content.Author}", "/api/v1/tags?limit=1" })
        {
            var plain = await factory.Anonymous().GetAsync(url);
            Assert.Empty(plain.Content.Headers.ContentEncoding);
            var expected = await plain.Content.ReadAsStringAsync();

            var compressed = await GetAsync(factory.Anonymous(), url, h => h.AcceptEncoding.Add(new StringWithQualityHeaderValue(coding)));
            Assert.Equal(HttpStatusCode.OK, compressed.StatusCode);
            Assert.Equal([coding], compressed.Content.Headers.ContentEncoding);
            Assert.Equal("application/json", compressed.Content.Headers.ContentType!.MediaType);
            await using var raw = await compressed.Content.ReadAsStreamAsync();
            await using Stream decoder = coding == "br" ? new BrotliStream(raw, CompressionMode.Decompress) : new GZipStream(raw, CompressionMode.Decompress);
            using var reader = new StreamReader(decoder, Encoding.UTF8);
            var text = await reader.ReadToEndAsync();
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(text)), $"{url}: the {coding} body differs from the identity body");
        }
    }

    [Fact]
    public async Task Each_content_coding_has_its_own_strong_ETag_and_304s_on_it()
    {
        // RFC 9110 §8.8.3.3: a strong ETag of a content-coded representation differs from the unencoded one's,
        // or a cache holding both could answer an identity client with gzip bytes after a 304.
        var content = await CreateContentAsync();
        var writer = factory.Writer();
        foreach (var url in new[] { $"/api/v1/articles/{content.Article}", $"/api/v1/articles?author={content.Author}", $"/api/v1/tags/{content.Tag}" })
        {
            var etags = new Dictionary<string, EntityTagHeaderValue>();
            foreach (var coding in new[] { "identity", "br", "gzip" })
            {
                var response = await GetAsync(factory.Anonymous(), url, h => h.TryAddWithoutValidation("Accept-Encoding", coding));
                Assert.True(response.Headers.ETag is { IsWeak: false }, $"{url} ({coding}) needs a strong ETag");
                etags[coding] = response.Headers.ETag!;
                var again = await GetAsync(factory.Anonymous(), url, h =>
                {
                    h.TryAddWithoutValidation("Accept-Encoding", coding);
                    h.IfNoneMatch.Add(etags[coding]);
                });
                Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
                Assert.Equal(etags[coding], again.Headers.ETag);
            }
            Assert.Equal(3, etags.Values.Distinct().Count());
            // Another coding's ETag does not validate this one.
            var crossed = await GetAsync(factory.Anonymous(), url, h =>
            {
                h.TryAddWithoutValidation("Accept-Encoding", "gzip");
                h.IfNoneMatch.Add(etags["identity"]);
            });
            Assert.Equal(HttpStatusCode.OK, crossed.StatusCode);
        }

        // Any coding's ETag still names the version for If-Match.
        var tagUrl = $"/api/v1/tags/{content.Tag}";
        var brotli = await GetAsync(factory.Anonymous(), tagUrl, h => h.TryAddWithoutValidation("Accept-Encoding", "br"));
        using var patch = new HttpRequestMessage(HttpMethod.Patch, tagUrl) { Content = HttpAssertions.RawJson("""{"description":"d"}""", "application/merge-patch+json") };
        patch.Headers.IfMatch.Add(brotli.Headers.ETag!);
        await (await writer.SendAsync(patch)).AssertJsonAsync();
    }

    [Fact]
    public async Task Compression_prefers_what_the_client_weights_highest()
    {
        var response = await GetAsync(factory.Anonymous(), "/api/v1/tags", h => h.TryAddWithoutValidation("Accept-Encoding", "gzip;q=1.0, br;q=0.5"));
        Assert.Equal(["gzip"], response.Content.Headers.ContentEncoding);
        var identity = await GetAsync(factory.Anonymous(), "/api/v1/tags", h => h.TryAddWithoutValidation("Accept-Encoding", "identity"));
        Assert.Empty(identity.Content.Headers.ContentEncoding);
    }

    /// <summary>
    /// The wildcard stands for the codings the header does not name (RFC 9110 §12.5.3): "br;q=0, *" was answered in br,
    /// a coding the client refused by name (HTTP caching probe).
    /// </summary>
    [Theory]
    [InlineData("br;q=0, *", "gzip")]
    [InlineData("br;q=0, gzip;q=0, *", null)]
    [InlineData("gzip;q=0, *;q=0.5", "br")]
    [InlineData("*;q=0", null)]
    [InlineData("*", "br")]
    [InlineData("gzip, *;q=0.1", "gzip")]
    [InlineData("identity, *;q=0.5", null)] // the client weights no coding highest (review)
    [InlineData("x-gzip, *;q=0", "gzip")]
    public async Task A_wildcard_never_brings_back_a_coding_refused_by_name(string acceptEncoding, string? coding)
    {
        var response = await GetAsync(factory.Anonymous(), "/api/v1/tags", h => h.TryAddWithoutValidation("Accept-Encoding", acceptEncoding));
        Assert.Equal(coding is null ? [] : [coding], response.Content.Headers.ContentEncoding);
        var etag = response.Headers.ETag!.Tag;
        Assert.Equal(coding is not null, etag.EndsWith($"-{coding}\"", StringComparison.Ordinal));
    }
}
