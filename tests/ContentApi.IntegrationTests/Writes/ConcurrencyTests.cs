using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Writes;

/// <summary>
/// Optimistic concurrency: many editors doing read-modify-write on one article with If-Match never lose
/// an update, and If-Match is parsed strictly (weak tags never match, "*" matches any version); If-None-Match
/// refuses a write of a version it names.
/// </summary>
public sealed class ConcurrencyTests(ApiFactory factory, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<ApiFactory>
{
    private const int Clients = 16;
    private const int CyclesPerClient = 200;

    [Fact]
    public async Task Concurrent_read_modify_write_with_if_match_loses_no_update_and_never_fails_with_5xx()
    {
        var article = await new TestContent(factory.Writer()).ArticleAsync(new() { ["subtitle"] = "0" });
        var url = $"/api/v1/articles/{article["id"]}";
        var serverErrors = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var stale = 0;

        async Task EditorAsync(int client)
        {
            using var http = factory.Writer();
            var random = new Random(client);
            var collisions = 0;
            for (var (done, attempts) = (0, 0); done < CyclesPerClient; attempts++)
            {
                Assert.True(attempts < CyclesPerClient * 50, $"editor {client} made {attempts} attempts for {done} increments");
                var read = await http.GetAsync(url);
                if ((int)read.StatusCode >= 500)
                {
                    serverErrors.Enqueue($"GET {(int)read.StatusCode}: {await read.Content.ReadAsStringAsync()}");
                    return;
                }
                var current = await read.AssertJsonAsync();
                var next = long.Parse(current["subtitle"]!.GetValue<string>(), CultureInfo.InvariantCulture) + 1;
                // Half the editors PATCH (merge patch), the other half PUT the whole article back.
                using var write = client % 2 == 0
                    ? new HttpRequestMessage(HttpMethod.Patch, url)
                    {
                        Content = HttpAssertions.RawJson(JsonSerializer.Serialize(new { subtitle = Counter(next) }), "application/merge-patch+json"),
                    }
                    : new HttpRequestMessage(HttpMethod.Put, url) { Content = HttpAssertions.JsonBody(AsReplaceRequest(current, Counter(next))) };
                write.Headers.IfMatch.Add(read.Headers.ETag!);
                var written = await http.SendAsync(write);
                switch (written.StatusCode)
                {
                    case HttpStatusCode.OK:
                        done++;
                        collisions = 0;
                        break;
                    case HttpStatusCode.PreconditionFailed:
                        await written.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
                        Interlocked.Increment(ref stale);
                        // Exponential backoff with jitter (up to half a second), as a polite client would, so that
                        // retries do not move in lockstep and most attempts are not wasted on a version already gone.
                        collisions++;
                        await Task.Delay(random.Next(0, 1 << Math.Min(collisions, 9)));
                        break;
                    default:
                        serverErrors.Enqueue($"{write.Method} {(int)written.StatusCode}: {await written.Content.ReadAsStringAsync()}");
                        return;
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Clients).Select(c => Task.Run(() => EditorAsync(c))));

        output.WriteLine($"{stale} attempts were refused with 412 for {Clients * CyclesPerClient} increments");
        Assert.Empty(serverErrors);
        var final = await (await factory.Reader().GetAsync(url)).AssertJsonAsync();
        Assert.Equal(Counter(Clients * CyclesPerClient), final["subtitle"]!.GetValue<string>());
        Assert.Equal(1 + Clients * CyclesPerClient, final["version"]!.GetValue<long>());
        Assert.True(stale > 0, "the editors should have collided at least once");
    }

    [Fact]
    public async Task Weak_etag_in_if_match_never_matches_and_is_412_for_put_patch_and_delete()
    {
        var writer = factory.Writer();
        var article = await new TestContent(writer).ArticleAsync();
        var url = $"/api/v1/articles/{article["id"]}";
        var read = await writer.GetAsync(url);
        var current = await read.AssertJsonAsync();
        var weak = "W/" + read.Headers.ETag!.Tag;

        foreach (var request in WritesOf(url, current, "weak"))
        {
            request.Headers.TryAddWithoutValidation("If-Match", weak);
            await (await writer.SendAsync(request)).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        }
        var after = await (await writer.GetAsync(url)).AssertJsonAsync();
        Assert.Equal(current.ToJsonString(), after.ToJsonString());
    }

    [Fact]
    public async Task If_match_star_matches_any_current_version()
    {
        var (writer, url, current) = await NewArticleAsync();

        using var put = new HttpRequestMessage(HttpMethod.Put, url) { Content = HttpAssertions.JsonBody(AsReplaceRequest(current, "star put")) };
        put.Headers.IfMatch.Add(EntityTagHeaderValue.Any);
        Assert.Equal("star put", (await (await writer.SendAsync(put)).AssertJsonAsync())["subtitle"]!.GetValue<string>());

        using var patch = new HttpRequestMessage(HttpMethod.Patch, url) { Content = HttpAssertions.RawJson("""{"subtitle":"star patch"}""", "application/merge-patch+json") };
        patch.Headers.IfMatch.Add(EntityTagHeaderValue.Any);
        var patched = await (await writer.SendAsync(patch)).AssertJsonAsync();
        Assert.Equal("star patch", patched["subtitle"]!.GetValue<string>());
        Assert.Equal(3, patched["version"]!.GetValue<long>());

        using var delete = new HttpRequestMessage(HttpMethod.Delete, url);
        delete.Headers.IfMatch.Add(EntityTagHeaderValue.Any);
        Assert.Equal(HttpStatusCode.NoContent, (await writer.SendAsync(delete)).StatusCode);
        await (await writer.GetAsync(url)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("*")]
    public async Task Concurrent_patches_without_a_pinned_version_all_apply(string? ifMatch)
    {
        var writer = factory.Writer();
        var tag = await new TestContent(writer).TagAsync();
        var url = $"/api/v1/tags/{tag}";

        // 48 merge patches, 16 at a time, on one tag: each is applied to whatever version is current when it lands.
        var statuses = new System.Collections.Concurrent.ConcurrentBag<HttpStatusCode>();
        await Parallel.ForEachAsync(Enumerable.Range(0, 48), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, cancellationToken) =>
        {
            using var patch = new HttpRequestMessage(HttpMethod.Patch, url) { Content = HttpAssertions.RawJson($$"""{"description":"d{{i}}"}""", "application/merge-patch+json") };
            if (ifMatch is not null)
            {
                patch.Headers.TryAddWithoutValidation("If-Match", ifMatch);
            }
            statuses.Add((await writer.SendAsync(patch, cancellationToken)).StatusCode);
        });

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(49, (await (await writer.GetAsync(url)).AssertJsonAsync())["version"]!.GetValue<long>());
    }

    [Fact]
    public async Task Stale_if_match_on_delete_is_412_and_keeps_the_article()
    {
        var writer = factory.Writer();
        var article = await new TestContent(writer).ArticleAsync();
        var url = $"/api/v1/articles/{article["id"]}";
        var first = await writer.GetAsync(url);
        await (await writer.PatchMergeAsync(url, new { subtitle = "moved on" })).AssertJsonAsync();

        using var delete = new HttpRequestMessage(HttpMethod.Delete, url);
        delete.Headers.IfMatch.Add(first.Headers.ETag!);
        var refused = await writer.SendAsync(delete);
        await refused.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        var current = await writer.GetAsync(url);
        Assert.Equal("moved on", (await current.AssertJsonAsync())["subtitle"]!.GetValue<string>());
        Assert.Equal(current.Headers.ETag, refused.Headers.ETag);
    }

    [Fact]
    public async Task If_none_match_naming_the_current_version_is_412_for_put_patch_and_delete_and_changes_nothing()
    {
        var writer = factory.Writer();
        var article = await new TestContent(writer).ArticleAsync();
        var url = $"/api/v1/articles/{article["id"]}";
        var read = await writer.GetAsync(url);
        var current = await read.AssertJsonAsync();
        var etag = read.Headers.ETag!.Tag;

        // The ETag read, its weak form (If-None-Match compares weakly), a list holding it, an ETag of another
        // representation of the same version, the bare version, and "*" (the article exists).
        foreach (var ifNoneMatch in new[] { etag, "W/" + etag, $"\"9-other\", {etag}", etag[..etag.IndexOf('-')] + "-another-representation\"", "\"1\"", "*" })
        {
            foreach (var request in WritesOf(url, current, "excluded"))
            {
                request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
                var refused = await writer.SendAsync(request);
                var problem = await refused.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
                Assert.Contains("If-None-Match", problem["detail"]!.GetValue<string>());
                Assert.Equal(read.Headers.ETag, refused.Headers.ETag);
            }
        }
        var after = await (await writer.GetAsync(url)).AssertJsonAsync();
        Assert.Equal(current.ToJsonString(), after.ToJsonString());
    }

    [Fact]
    public async Task Racing_patches_stop_at_the_version_if_none_match_excludes()
    {
        var writer = factory.Writer();
        var tag = await new TestContent(writer).TagAsync();
        var url = $"/api/v1/tags/{tag}";
        // Patches racing on one tag are retried onto whatever version is current (a retry must not undo the caller's
        // condition); each excludes version 5, so the four that find versions 1-4 apply and every later one is refused.
        var statuses = new System.Collections.Concurrent.ConcurrentBag<HttpStatusCode>();
        await Parallel.ForEachAsync(Enumerable.Range(0, 24), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, cancellationToken) =>
        {
            using var patch = new HttpRequestMessage(HttpMethod.Patch, url) { Content = HttpAssertions.RawJson($$"""{"description":"d{{i}}"}""", "application/merge-patch+json") };
            patch.Headers.TryAddWithoutValidation("If-None-Match", "W/\"5\"");
            statuses.Add((await writer.SendAsync(patch, cancellationToken)).StatusCode);
        });
        Assert.Equal(4, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(20, statuses.Count(s => s == HttpStatusCode.PreconditionFailed));
        Assert.Equal(5, (await (await writer.GetAsync(url)).AssertJsonAsync())["version"]!.GetValue<long>());
    }

    [Fact]
    public async Task If_none_match_naming_an_earlier_version_lets_put_patch_and_delete_through()
    {
        var writer = factory.Writer();
        var article = await new TestContent(writer).ArticleAsync();
        var url = $"/api/v1/articles/{article["id"]}";
        var first = (await writer.GetAsync(url)).Headers.ETag!.Tag;
        await (await writer.PatchMergeAsync(url, new { subtitle = "second" })).AssertJsonAsync();
        var current = await (await writer.GetAsync(url)).AssertJsonAsync();

        var statuses = new List<HttpStatusCode>();
        foreach (var request in WritesOf(url, current, "through"))
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", first);
            statuses.Add((await writer.SendAsync(request)).StatusCode);
        }
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.NoContent], statuses);
    }

    [Fact]
    public async Task A_patch_that_changes_nothing_makes_no_new_version_but_still_answers_its_preconditions()
    {
        var writer = factory.Writer();
        var article = await new TestContent(writer).ArticleAsync(new() { ["subtitle"] = "same" });
        var url = $"/api/v1/articles/{article["id"]}";
        var read = await writer.GetAsync(url);

        foreach (var patch in new[] { "{}", """{"subtitle":"same"}""" })
        {
            var answered = await writer.PatchAsync(url, HttpAssertions.RawJson(patch, "application/merge-patch+json"));
            Assert.Equal(1, (await answered.AssertJsonAsync())["version"]!.GetValue<long>());
            Assert.Equal(read.Headers.ETag, answered.Headers.ETag);
        }
        // Refusals still refuse: If-None-Match naming this version, and a stale If-Match after a real change.
        using var excluded = new HttpRequestMessage(HttpMethod.Patch, url) { Content = HttpAssertions.RawJson("{}", "application/merge-patch+json") };
        excluded.Headers.IfNoneMatch.Add(read.Headers.ETag!);
        await (await writer.SendAsync(excluded)).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        await (await writer.PatchMergeAsync(url, new { subtitle = "changed" })).AssertJsonAsync();
        using var stale = new HttpRequestMessage(HttpMethod.Patch, url) { Content = HttpAssertions.RawJson("""{"subtitle":"changed"}""", "application/merge-patch+json") };
        stale.Headers.IfMatch.Add(read.Headers.ETag!);
        await (await writer.SendAsync(stale)).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal(2, (await (await writer.GetAsync(url)).AssertJsonAsync())["version"]!.GetValue<long>());
    }

    /// <summary>A proxy that compresses responses weakens the ETags it passes on; a write refusing one says why.</summary>
    [Theory]
    [InlineData("PATCH")]
    [InlineData("DELETE")]
    public async Task A_write_with_only_weak_tags_in_If_Match_is_412_saying_they_never_match(string method)
    {
        var writer = factory.Writer();
        var article = await new TestContent(writer).ArticleAsync();
        var url = $"/api/v1/articles/{article["id"]}";
        var etag = (await writer.GetAsync(url)).Headers.ETag!;

        HttpRequestMessage Write(string ifMatch)
        {
            var request = new HttpRequestMessage(new HttpMethod(method), url);
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
            if (method == "PATCH")
            {
                request.Content = HttpAssertions.RawJson("""{"subtitle":"x"}""", "application/merge-patch+json");
            }
            return request;
        }
        var refused = await (await writer.SendAsync(Write("W/" + etag.Tag))).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Contains("weak", refused["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var staleRefused = await (await writer.SendAsync(Write($"W/{etag.Tag}, \"99\""))).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Contains("has changed since you read it", staleRefused["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    /// <summary>A form that posts every field back restates the derived excerpt, which stays derived: nothing changed.</summary>
    [Fact]
    public async Task A_patch_restating_the_derived_excerpt_makes_no_new_version()
    {
        var writer = factory.Writer();
        var article = await new TestContent(writer).ArticleAsync(new() { ["body"] = "第一句。第二句。" });
        var url = $"/api/v1/articles/{article["id"]}";
        var read = await writer.GetAsync(url);
        var before = await read.AssertJsonAsync();
        var excerpt = before["excerpt"]!.GetValue<string>();

        foreach (var patch in new object[] { new { excerpt }, new { excerpt, title = before["title"]!.GetValue<string>(), body = "第一句。第二句。" } })
        {
            var answered = await writer.PatchMergeAsync(url, patch);
            Assert.Equal(before.ToJsonString(), (await answered.AssertJsonAsync()).ToJsonString());
            Assert.Equal(read.Headers.ETag, answered.Headers.ETag);
        }
        // Still derived: a new body brings a new excerpt.
        var changed = await (await writer.PatchMergeAsync(url, new { body = "另一句。" })).AssertJsonAsync();
        Assert.Equal("另一句。", changed["excerpt"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("articles", """{"tagIds":null}""")]
    [InlineData("articles", """{"imageIds":null,"tagIds":[]}""")]
    [InlineData("articles", """{"slug":null}""")]
    [InlineData("articles", """{"publishedAt":null}""")]
    [InlineData("articles", """{"slug":null,"publishedAt":null,"status":"published"}""")]
    [InlineData("authors", """{"slug":null}""")]
    [InlineData("tags", """{"slug":null}""")]
    public async Task A_patch_whose_nulls_keep_or_empty_what_is_there_makes_no_new_version(string resource, string patch)
    {
        var writer = factory.Writer();
        var content = new TestContent(writer);
        var id = await content.ResourceAsync(resource);
        var url = $"/api/v1/{resource}/{id}";
        var read = await writer.GetAsync(url);
        var before = await read.AssertJsonAsync();

        var answered = await writer.PatchAsync(url, HttpAssertions.RawJson(patch, "application/merge-patch+json"));

        var after = await answered.AssertJsonAsync();
        Assert.Equal(read.Headers.ETag, answered.Headers.ETag);
        Assert.Equal(before.ToJsonString(), after.ToJsonString());
        Assert.Equal(before.ToJsonString(), (await (await writer.GetAsync(url)).AssertJsonAsync()).ToJsonString());
    }

    [Theory]
    [InlineData("""{"tagIds":null}""", "tags")]
    [InlineData("""{"status":"draft"}""", "publishedAt")]
    [InlineData("""{"slug":null,"subtitle":"new"}""", "subtitle")]
    public async Task A_patch_whose_nulls_change_something_makes_a_new_version(string patch, string changed)
    {
        var writer = factory.Writer();
        var content = new TestContent(writer);
        var article = await content.ArticleAsync(new() { ["tagIds"] = new[] { await content.TagAsync() } });
        var url = $"/api/v1/articles/{article["id"]}";

        var patched = await (await writer.PatchAsync(url, HttpAssertions.RawJson(patch, "application/merge-patch+json"))).AssertJsonAsync();

        Assert.Equal(2, patched["version"]!.GetValue<long>());
        Assert.NotEqual(article[changed]?.ToJsonString(), patched[changed]?.ToJsonString());
        Assert.Equal(article["slug"]!.GetValue<string>(), patched["slug"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("authors")]
    [InlineData("tags")]
    public async Task If_unmodified_since_is_ignored_by_resources_without_a_modification_date(string resource)
    {
        var content = new TestContent(factory.Writer());
        var id = await content.ResourceAsync(resource);
        using var patch = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/{resource}/{id}")
        {
            Content = HttpAssertions.RawJson(resource == "authors" ? """{"bio":"b"}""" : """{"description":"d"}""", "application/merge-patch+json"),
        };
        patch.Headers.IfUnmodifiedSince = DateTimeOffset.UnixEpoch;

        Assert.Equal(2, (await (await factory.Writer().SendAsync(patch)).AssertJsonAsync())["version"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("articles", "PUT")]
    [InlineData("articles", "PATCH")]
    [InlineData("articles", "DELETE")]
    [InlineData("images", "PUT")]
    [InlineData("images", "PATCH")]
    [InlineData("images", "DELETE")]
    public async Task If_unmodified_since_refuses_a_write_of_a_resource_changed_since_then(string resource, string method)
    {
        var writer = factory.Writer();
        var content = new TestContent(writer);
        var id = await content.ResourceAsync(resource);
        var url = $"/api/v1/{resource}/{id}";
        var read = await writer.GetAsync(url);
        var current = await read.AssertJsonAsync();
        var lastModified = read.Content.Headers.LastModified!.Value;

        HttpRequestMessage Write(DateTimeOffset since)
        {
            var request = new HttpRequestMessage(new HttpMethod(method), url);
            if (method == "PUT")
            {
                var body = resource == "articles"
                    ? new JsonObject
                    {
                        ["title"] = current["title"]!.GetValue<string>(), ["body"] = current["body"]!.GetValue<string>(), ["language"] = "en",
                        ["authorIds"] = new JsonArray(current["authors"]![0]!["id"]!.GetValue<long>()), ["subtitle"] = "changed",
                    }
                    : new JsonObject { ["url"] = current["url"]!.GetValue<string>(), ["altText"] = "alt", ["caption"] = "changed" };
                request.Content = HttpAssertions.RawJson(body.ToJsonString(), "application/json");
            }
            else if (method == "PATCH")
            {
                request.Content = HttpAssertions.RawJson(resource == "articles" ? """{"subtitle":"changed"}""" : """{"caption":"changed"}""", "application/merge-patch+json");
            }
            request.Headers.IfUnmodifiedSince = since;
            return request;
        }

        using (var stale = Write(lastModified.AddSeconds(-1)))
        {
            // The refusal names the date, not an ETag the client never sent (input review).
            var detail = (await (await writer.SendAsync(stale)).AssertProblemAsync(HttpStatusCode.PreconditionFailed))["detail"]!.GetValue<string>();
            Assert.Contains("If-Unmodified-Since", detail);
            Assert.DoesNotContain("ETag", detail);
        }
        Assert.Equal(current.ToJsonString(), (await (await writer.GetAsync(url)).AssertJsonAsync()).ToJsonString());
        using var fresh = Write(lastModified);
        Assert.True((await writer.SendAsync(fresh)).IsSuccessStatusCode);
    }

    [Fact]
    public async Task If_unmodified_since_compares_a_modification_date_ahead_of_the_clock_as_now_on_writes_as_on_reads()
    {
        // A row stamped by a server whose clock runs ahead: reads send now as its Last-Modified (never later than Date).
        var writer = factory.Writer();
        var article = await new TestContent(writer).ArticleAsync();
        var url = $"/api/v1/articles/{article["id"]}";
        await using (var db = factory.OpenDatabase())
        {
            await Dapper.SqlMapper.ExecuteAsync(db, "UPDATE articles SET updated_at = @Ahead WHERE id = @Id",
                new { Ahead = DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture), Id = article["id"]!.GetValue<long>() });
        }
        var since = DateTimeOffset.UtcNow.AddDays(1);

        using var read = new HttpRequestMessage(HttpMethod.Get, url);
        read.Headers.IfUnmodifiedSince = since;
        Assert.Equal(HttpStatusCode.OK, (await writer.SendAsync(read)).StatusCode);
        using var delete = new HttpRequestMessage(HttpMethod.Delete, url);
        delete.Headers.IfUnmodifiedSince = since;
        Assert.Equal(HttpStatusCode.NoContent, (await writer.SendAsync(delete)).StatusCode);
    }

    [Fact]
    public async Task If_unmodified_since_is_ignored_when_if_match_is_sent_or_the_date_is_not_valid()
    {
        var writer = factory.Writer();
        var article = await new TestContent(writer).ArticleAsync();
        var url = $"/api/v1/articles/{article["id"]}";
        var read = await writer.GetAsync(url);

        using var withIfMatch = new HttpRequestMessage(HttpMethod.Patch, url) { Content = HttpAssertions.RawJson("""{"subtitle":"a"}""", "application/merge-patch+json") };
        withIfMatch.Headers.IfMatch.Add(read.Headers.ETag!);
        withIfMatch.Headers.IfUnmodifiedSince = read.Content.Headers.LastModified!.Value.AddDays(-1);
        await (await writer.SendAsync(withIfMatch)).AssertJsonAsync();
        using var invalid = new HttpRequestMessage(HttpMethod.Patch, url) { Content = HttpAssertions.RawJson("""{"subtitle":"b"}""", "application/merge-patch+json") };
        invalid.Headers.TryAddWithoutValidation("If-Unmodified-Since", "last tuesday");
        await (await writer.SendAsync(invalid)).AssertJsonAsync();
    }

    [Theory]
    [InlineData("articles", """{"title":"","body":"b","language":"en","authorIds":[1]}""")]
    [InlineData("authors", """{"name":""}""")]
    [InlineData("tags", """{"name":""}""")]
    [InlineData("images", """{"url":"ftp://x","altText":"a"}""")]
    public async Task A_put_is_judged_on_its_preconditions_before_its_body_as_a_patch_is(string resource, string invalidBody)
    {
        var writer = factory.Writer();
        var content = new TestContent(writer);
        var id = await content.ResourceAsync(resource);
        var url = $"/api/v1/{resource}/{id}";
        var etag = (await writer.GetAsync(url)).Headers.ETag!;

        Task<HttpResponseMessage> PutAsync(string target, string? ifMatch) =>
            SendConditionalAsync(writer, HttpMethod.Put, target, HttpAssertions.RawJson(invalidBody), "If-Match", ifMatch);

        var stale = await (await PutAsync(url, "\"999\"")).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Contains("has changed since you read it", stale["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        await (await PutAsync($"/api/v1/{resource}/987654", null)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await PutAsync(url, "unquoted")).AssertProblemAsync(HttpStatusCode.BadRequest);
        // Preconditions that hold, or none: the body's problems.
        Assert.NotNull((await (await PutAsync(url, etag.Tag)).AssertProblemAsync(HttpStatusCode.BadRequest))["errors"]);
        Assert.NotNull((await (await PutAsync(url, null)).AssertProblemAsync(HttpStatusCode.BadRequest))["errors"]);
        Assert.Equal(1, (await (await writer.GetAsync(url)).AssertJsonAsync())["version"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("articles", """{"body":"b","language":"en","authorIds":[1]}""")]
    [InlineData("authors", """{"name":5}""")]
    [InlineData("tags", """{"name":""")]
    [InlineData("images", """{"altText":"a","extra":1}""")]
    [InlineData("articles", "")]
    [InlineData("tags", "null")]
    [InlineData("authors", "xx")]
    public async Task A_put_whose_body_is_not_the_resources_shape_is_judged_on_its_preconditions_first(string resource, string unreadableBody)
    {
        var writer = factory.Writer();
        var id = await new TestContent(writer).ResourceAsync(resource);
        var url = $"/api/v1/{resource}/{id}";
        var etag = (await writer.GetAsync(url)).Headers.ETag!;

        Task<HttpResponseMessage> PutAsync(string target, string? ifMatch) =>
            SendConditionalAsync(writer, HttpMethod.Put, target, HttpAssertions.RawJson(unreadableBody), "If-Match", ifMatch);

        var stale = await PutAsync(url, "\"999\"");
        await stale.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal(etag, stale.Headers.ETag);
        await (await PutAsync($"/api/v1/{resource}/987654", null)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await PutAsync(url, etag.Tag)).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await PutAsync(url, null)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(1, (await (await writer.GetAsync(url)).AssertJsonAsync())["version"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("articles", "application/merge-patch+json")]
    [InlineData("authors", "application/json")]
    [InlineData("tags", "application/merge-patch+json")]
    [InlineData("images", "application/json")]
    public async Task A_patch_whose_body_is_not_a_json_object_is_judged_on_its_preconditions_first(string resource, string mediaType)
    {
        var writer = factory.Writer();
        var id = await new TestContent(writer).ResourceAsync(resource);
        var url = $"/api/v1/{resource}/{id}";
        var etag = (await writer.GetAsync(url)).Headers.ETag!;

        foreach (var (body, bodyProblem) in new[]
        {
            ("xx", "not valid JSON"), ("", "request body is required"),
            ("[]", "must be a JSON object"), ("null", "must be a JSON object"), ("1", "must be a JSON object"),
        })
        {
            Task<HttpResponseMessage> PatchAsync(string target, string? header = null, string? value = null) =>
                SendConditionalAsync(writer, HttpMethod.Patch, target, HttpAssertions.RawJson(body, mediaType), header, value);

            await (await PatchAsync($"/api/v1/{resource}/99999999")).AssertProblemAsync(HttpStatusCode.NotFound);
            foreach (var (header, value) in new[] { ("If-Match", "\"999-x\""), ("If-None-Match", "*") })
            {
                var refused = await PatchAsync(url, header, value);
                await refused.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
                Assert.Equal(etag, refused.Headers.ETag);
            }
            // Preconditions that hold, or none: the body's problem.
            foreach (var response in new[] { await PatchAsync(url, "If-Match", etag.Tag), await PatchAsync(url) })
            {
                var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
                Assert.Contains(bodyProblem, problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
            }
        }
        Assert.Equal(1, (await (await writer.GetAsync(url)).AssertJsonAsync())["version"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_412_carries_the_etag_a_read_in_the_callers_coding_sends()
    {
        var writer = factory.Writer();
        var url = $"/api/v1/tags/{await new TestContent(writer).TagAsync()}";
        using var read = new HttpRequestMessage(HttpMethod.Get, url);
        read.Headers.AcceptEncoding.ParseAdd("gzip");
        var etag = (await writer.SendAsync(read)).Headers.ETag!;
        Assert.EndsWith("-gzip\"", etag.Tag, StringComparison.Ordinal);

        using var stale = new HttpRequestMessage(HttpMethod.Patch, url) { Content = HttpAssertions.RawJson("""{"name":"x"}""", "application/merge-patch+json") };
        stale.Headers.AcceptEncoding.ParseAdd("gzip");
        stale.Headers.TryAddWithoutValidation("If-Match", "\"999-x\"");
        var refused = await writer.SendAsync(stale);

        Assert.Equal(HttpStatusCode.PreconditionFailed, refused.StatusCode);
        Assert.Equal(etag, refused.Headers.ETag);
    }

    private static async Task<HttpResponseMessage> SendConditionalAsync(
        HttpClient writer, HttpMethod method, string target, HttpContent body, string? header, string? value)
    {
        using var request = new HttpRequestMessage(method, target) { Content = body };
        if (header is not null && value is not null)
        {
            request.Headers.TryAddWithoutValidation(header, value);
        }
        return await writer.SendAsync(request);
    }

    [Fact]
    public async Task A_stale_patch_is_412_before_its_body_is_judged()
    {
        var writer = factory.Writer();
        var article = await new TestContent(writer).ArticleAsync();
        var url = $"/api/v1/articles/{article["id"]}";
        var first = (await writer.GetAsync(url)).Headers.ETag!;
        await (await writer.PatchMergeAsync(url, new { subtitle = "moved on" })).AssertJsonAsync();

        using var patch = new HttpRequestMessage(HttpMethod.Patch, url) { Content = HttpAssertions.RawJson("""{"title":""}""", "application/merge-patch+json") };
        patch.Headers.IfMatch.Add(first);
        await (await writer.SendAsync(patch)).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task If_match_is_evaluated_before_if_none_match()
    {
        var writer = factory.Writer();
        var article = await new TestContent(writer).ArticleAsync();
        var url = $"/api/v1/articles/{article["id"]}";
        var etag = (await writer.GetAsync(url)).Headers.ETag!.Tag;

        async Task<string> RefusalAsync(string ifMatch)
        {
            using var patch = new HttpRequestMessage(HttpMethod.Patch, url) { Content = HttpAssertions.RawJson("""{"subtitle":"x"}""", "application/merge-patch+json") };
            patch.Headers.TryAddWithoutValidation("If-Match", ifMatch);
            patch.Headers.TryAddWithoutValidation("If-None-Match", etag);
            return (await (await writer.SendAsync(patch)).AssertProblemAsync(HttpStatusCode.PreconditionFailed))["detail"]!.GetValue<string>();
        }

        Assert.Contains("If-None-Match", await RefusalAsync(etag));
        Assert.Contains("has changed since you read it", await RefusalAsync("\"7\""));
    }

    [Theory]
    [InlineData("unquoted")]
    [InlineData("*, \"1-x\"")]
    [InlineData("\"1-x\" junk")]
    public async Task Malformed_if_none_match_on_a_write_is_400_and_changes_nothing(string ifNoneMatch)
    {
        var (writer, url, current) = await NewArticleAsync();

        foreach (var request in WritesOf(url, current, "malformed"))
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
            var problem = await (await writer.SendAsync(request)).AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.Contains("If-None-Match", problem["detail"]!.GetValue<string>());
        }
        Assert.Equal(current.ToJsonString(), (await (await writer.GetAsync(url)).AssertJsonAsync()).ToJsonString());
    }

    [Theory]
    [InlineData("\"01-x\"")]
    [InlineData("\"+1-x\"")]
    [InlineData("\"001\"")]
    public async Task An_if_match_spelling_the_version_otherwise_than_its_etags_is_412_on_writes_as_on_reads(string ifMatch)
    {
        var (writer, url, current) = await NewArticleAsync();

        using var read = new HttpRequestMessage(HttpMethod.Get, url);
        read.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        await (await writer.SendAsync(read)).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        foreach (var request in WritesOf(url, current, "respelled"))
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
            await (await writer.SendAsync(request)).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        }
        Assert.Equal(current.ToJsonString(), (await (await writer.GetAsync(url)).AssertJsonAsync()).ToJsonString());
    }

    /// <summary>A new article, as the writer reads it.</summary>
    private async Task<(HttpClient Writer, string Url, JsonObject Current)> NewArticleAsync()
    {
        var writer = factory.Writer();
        var url = $"/api/v1/articles/{(await new TestContent(writer).ArticleAsync())["id"]}";
        return (writer, url, await (await writer.GetAsync(url)).AssertJsonAsync());
    }

    /// <summary>A PUT and a PATCH that set the subtitle, then a DELETE, of the article read as <paramref name="current"/>.</summary>
    private static HttpRequestMessage[] WritesOf(string url, JsonObject current, string subtitle) =>
    [
        new(HttpMethod.Put, url) { Content = HttpAssertions.JsonBody(AsReplaceRequest(current, subtitle)) },
        new(HttpMethod.Patch, url) { Content = HttpAssertions.RawJson(JsonSerializer.Serialize(new { subtitle }), "application/merge-patch+json") },
        new(HttpMethod.Delete, url),
    ];

    /// <summary>Fixed width, so the subtitle stays a valid counter and string comparison equals number comparison.</summary>
    private static string Counter(long value) => value.ToString("D6", CultureInfo.InvariantCulture);

    /// <summary>The PUT body that writes the article back as read, with a new subtitle.</summary>
    internal static Dictionary<string, object?> AsReplaceRequest(JsonObject article, string subtitle) => new()
    {
        ["title"] = article["title"]!.GetValue<string>(),
        ["body"] = article["body"]!.GetValue<string>(),
        ["language"] = article["language"]!.GetValue<string>(),
        ["authorIds"] = article["authors"]!.AsArray().Select(a => a!["id"]!.GetValue<long>()).ToArray(),
        ["status"] = article["status"]!.GetValue<string>(),
        ["slug"] = article["slug"]!.GetValue<string>(),
        ["subtitle"] = subtitle,
        ["publishedAt"] = article["publishedAt"]?.GetValue<string>(),
    };
}

/// <summary>Writes:RequireIfMatch=true: updates and deletes without If-Match are 428 and change nothing.</summary>
public sealed class RequireIfMatchTests(RequireIfMatchTests.Factory factory) : IClassFixture<RequireIfMatchTests.Factory>
{
    public sealed class Factory : ApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Writes:RequireIfMatch"] = "true" };
    }

    [Fact]
    public async Task Put_patch_and_delete_without_if_match_are_428_and_change_nothing()
    {
        var writer = factory.Writer();
        var article = await new TestContent(writer).ArticleAsync();
        var url = $"/api/v1/articles/{article["id"]}";
        var read = await writer.GetAsync(url);
        var current = await read.AssertJsonAsync();

        var put = await writer.PutAsync(url, HttpAssertions.JsonBody(ConcurrencyTests.AsReplaceRequest(current, "no precondition")));
        await put.AssertProblemAsync((HttpStatusCode)428);
        await (await writer.PatchMergeAsync(url, new { subtitle = "no precondition" })).AssertProblemAsync((HttpStatusCode)428);
        await (await writer.DeleteAsync(url)).AssertProblemAsync((HttpStatusCode)428);
        Assert.Equal(current.ToJsonString(), (await (await writer.GetAsync(url)).AssertJsonAsync()).ToJsonString());

        using var withEtag = new HttpRequestMessage(HttpMethod.Patch, url) { Content = HttpAssertions.RawJson("""{"subtitle":"with precondition"}""", "application/merge-patch+json") };
        withEtag.Headers.IfMatch.Add(read.Headers.ETag!);
        Assert.Equal("with precondition", (await (await writer.SendAsync(withEtag)).AssertJsonAsync())["subtitle"]!.GetValue<string>());
    }

    [Fact]
    public async Task Tags_and_authors_also_require_if_match()
    {
        var writer = factory.Writer();
        var tag = await writer.PostOkAsync("/api/v1/tags", new { name = $"Tag {Guid.NewGuid():N}" });
        await (await writer.PatchMergeAsync($"/api/v1/tags/{tag["id"]}", new { description = "x" })).AssertProblemAsync((HttpStatusCode)428);
        await (await writer.DeleteAsync($"/api/v1/tags/{tag["id"]}")).AssertProblemAsync((HttpStatusCode)428);
        var authorId = await new TestContent(writer).AuthorAsync();
        await (await writer.DeleteAsync($"/api/v1/authors/{authorId}")).AssertProblemAsync((HttpStatusCode)428);
        await (await writer.GetAsync($"/api/v1/tags/{tag["id"]}")).AssertJsonAsync();
        await (await writer.GetAsync($"/api/v1/authors/{authorId}")).AssertJsonAsync();
    }

    [Fact]
    public async Task A_resource_that_does_not_exist_is_404_not_428()
    {
        // Asking for an ETag of nothing would send the client looking for one; a 404 says what is wrong.
        var writer = factory.Writer();
        await (await writer.PutAsync("/api/v1/tags/99999999", HttpAssertions.JsonBody(new { name = "x" }))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await writer.PutAsync("/api/v1/tags/99999999", HttpAssertions.JsonBody(new { name = "" }))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await writer.PatchMergeAsync("/api/v1/tags/99999999", new { description = "x" })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await writer.DeleteAsync("/api/v1/articles/99999999")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_put_to_an_id_that_is_not_a_number_is_400_not_428()
    {
        var response = await factory.Writer().PutAsync("/api/v1/tags/abc", HttpAssertions.JsonBody(new { name = "x" }));
        Assert.NotNull((await response.AssertProblemAsync(HttpStatusCode.BadRequest))["errors"]!["id"]);
    }

    [Fact]
    public async Task If_match_star_satisfies_the_requirement_as_an_explicit_overwrite()
    {
        var writer = factory.Writer();
        var tag = await writer.PostOkAsync("/api/v1/tags", new { name = $"Tag {Guid.NewGuid():N}" });
        Assert.Equal("overwritten", (await (await writer.SendAsync(AnyVersion(HttpMethod.Patch, $"/api/v1/tags/{tag["id"]}",
            HttpAssertions.RawJson("""{"description":"overwritten"}""", "application/merge-patch+json")))).AssertJsonAsync())["description"]!.GetValue<string>());

        var article = await new TestContent(writer).ArticleAsync();
        var url = $"/api/v1/articles/{article["id"]}";
        var replaced = await writer.SendAsync(AnyVersion(HttpMethod.Put, url, HttpAssertions.JsonBody(ConcurrencyTests.AsReplaceRequest(article, "replaced"))));
        Assert.Equal("replaced", (await replaced.AssertJsonAsync())["subtitle"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NoContent, (await writer.SendAsync(AnyVersion(HttpMethod.Delete, url))).StatusCode);

        static HttpRequestMessage AnyVersion(HttpMethod method, string url, HttpContent? content = null)
        {
            var request = new HttpRequestMessage(method, url) { Content = content };
            request.Headers.TryAddWithoutValidation("If-Match", "*");
            return request;
        }
    }

    [Fact]
    public async Task If_none_match_alone_does_not_satisfy_the_requirement()
    {
        var writer = factory.Writer();
        var tag = await writer.PostOkAsync("/api/v1/tags", new { name = $"Tag {Guid.NewGuid():N}" });
        using var delete = new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/tags/{tag["id"]}");
        delete.Headers.TryAddWithoutValidation("If-None-Match", "\"99-x\"");
        await (await writer.SendAsync(delete)).AssertProblemAsync((HttpStatusCode)428);
        await (await writer.GetAsync($"/api/v1/tags/{tag["id"]}")).AssertJsonAsync();
    }
}
