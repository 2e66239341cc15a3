using System.Net;
using System.Text.Json.Nodes;
using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Writes;

/// <summary>
/// PUT, PATCH and DELETE with Idempotency-Key: a retry whose first attempt was carried out but whose response was lost
/// gets that response again, not a 412 caused by its own write (nor a 404 after its own delete).
/// </summary>
public sealed class IdempotentUpdateTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_retried_patch_replays_its_first_answer_instead_of_a_412()
    {
        var writer = factory.Writer();
        var article = await new TestContent(writer).ArticleAsync();
        var url = $"/api/v1/articles/{article["id"]}";
        var etag = (await writer.GetAsync(url)).Headers.ETag!.Tag;
        var key = Guid.NewGuid().ToString("N");

        var first = await writer.SendAsync(Keyed(HttpMethod.Patch, url, key, etag, """{"subtitle":"new sub"}"""));
        var retry = await writer.SendAsync(Keyed(HttpMethod.Patch, url, key, etag, """{"subtitle":"new sub"}"""));

        var saved = await first.AssertJsonAsync();
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(saved.ToJsonString(), (await retry.AssertJsonAsync()).ToJsonString());
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(first.Headers.ETag, retry.Headers.ETag);
        Assert.Equal(saved["version"]!.GetValue<long>(), (await (await writer.GetAsync(url)).AssertJsonAsync())["version"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_retried_put_and_delete_replay_their_first_answers()
    {
        var writer = factory.Writer();
        var url = $"/api/v1/tags/{await new TestContent(writer).TagAsync()}";
        var etag = (await writer.GetAsync(url)).Headers.ETag!.Tag;
        var putKey = Guid.NewGuid().ToString("N");
        var body = $$"""{"name":"Renamed {{putKey}}"}""";

        var put = await writer.SendAsync(Keyed(HttpMethod.Put, url, putKey, etag, body));
        var putAgain = await writer.SendAsync(Keyed(HttpMethod.Put, url, putKey, etag, body));
        Assert.Equal((await put.AssertJsonAsync()).ToJsonString(), (await putAgain.AssertJsonAsync()).ToJsonString());
        Assert.Equal("true", putAgain.Headers.GetValues("Idempotent-Replayed").Single());

        var deleteKey = Guid.NewGuid().ToString("N");
        var newEtag = put.Headers.ETag!.Tag;
        var delete = await writer.SendAsync(Keyed(HttpMethod.Delete, url, deleteKey, newEtag));
        var deleteAgain = await writer.SendAsync(Keyed(HttpMethod.Delete, url, deleteKey, newEtag));
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleteAgain.StatusCode);
        Assert.Equal("true", deleteAgain.Headers.GetValues("Idempotent-Replayed").Single());
    }

    [Fact]
    public async Task The_same_key_with_another_body_method_or_resource_is_a_422()
    {
        var writer = factory.Writer();
        var content = new TestContent(writer);
        var url = $"/api/v1/tags/{await content.TagAsync()}";
        var otherUrl = $"/api/v1/tags/{await content.TagAsync()}";
        var key = Guid.NewGuid().ToString("N");
        await (await writer.SendAsync(Keyed(HttpMethod.Patch, url, key, null, """{"description":"one"}"""))).AssertJsonAsync();

        var otherBody = await writer.SendAsync(Keyed(HttpMethod.Patch, url, key, null, """{"description":"two"}"""));
        var otherResource = await writer.SendAsync(Keyed(HttpMethod.Patch, otherUrl, key, null, """{"description":"one"}"""));
        var otherMethod = await writer.SendAsync(Keyed(HttpMethod.Delete, url, key, null));

        foreach (var refused in new[] { otherBody, otherResource, otherMethod })
        {
            Assert.Equal("idempotency_key_reused", (await refused.AssertProblemAsync(HttpStatusCode.UnprocessableEntity))["code"]!.GetValue<string>());
        }
        Assert.Equal("one", (await (await writer.GetAsync(url)).AssertJsonAsync())["description"]!.GetValue<string>());
        Assert.Null((await (await writer.GetAsync(otherUrl)).AssertJsonAsync())["description"]?.GetValue<string>());
    }

    /// <summary>A refused update (412) uses no key: the caller reads again and retries with the same key.</summary>
    [Fact]
    public async Task A_refused_update_leaves_its_key_free()
    {
        var writer = factory.Writer();
        var url = $"/api/v1/tags/{await new TestContent(writer).TagAsync()}";
        var etag = (await writer.GetAsync(url)).Headers.ETag!.Tag;
        await (await writer.PatchMergeAsync(url, new { description = "meanwhile" })).AssertJsonAsync();
        var key = Guid.NewGuid().ToString("N");

        await (await writer.SendAsync(Keyed(HttpMethod.Patch, url, key, etag, """{"description":"mine"}"""))).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        var current = (await writer.GetAsync(url)).Headers.ETag!.Tag;
        var retried = await writer.SendAsync(Keyed(HttpMethod.Patch, url, key, current, """{"description":"mine"}"""));

        Assert.Equal("mine", (await retried.AssertJsonAsync())["description"]!.GetValue<string>());
        Assert.False(retried.Headers.Contains("Idempotent-Replayed"));
    }

    private static HttpRequestMessage Keyed(HttpMethod method, string url, string key, string? ifMatch, string? json = null)
    {
        var request = new HttpRequestMessage(method, url);
        if (json is not null)
        {
            request.Content = HttpAssertions.RawJson(json, method == HttpMethod.Patch ? "application/merge-patch+json" : "application/json");
        }
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        return request;
    }
}
