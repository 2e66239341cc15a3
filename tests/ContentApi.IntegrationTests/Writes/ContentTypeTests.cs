using System.Net;
using System.Text;
using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Writes;

/// <summary>
/// POST, PUT and PATCH read a Content-Type alike, as RFC 9110 writes one. POST and PUT took <c>application /json</c>
/// (201) where PATCH answered 415 (found by a probe). Over a real socket: the test server hands on the header as
/// HttpClient parsed it.
/// </summary>
public sealed class ContentTypeTests(KestrelApiFactory factory) : IClassFixture<KestrelApiFactory>
{
    /// <summary>
    /// Bodies a write cannot read as UTF-8 JSON. Only the first charset was judged once: <c>charset=utf-8;
    /// charset=iso-8859-1</c> was read as UTF-8 (a Latin-1 body's accents then a 400 "not valid UTF-8").
    /// </summary>
    public static TheoryData<string> Unreadable => new()
    {
        "application/json; charset=utf-8; charset=iso-8859-1",
        "application/json; charset=utf-8; CHARSET=utf-16",
        "application /json",
        "application/ json",
        "application/json; charset = utf-8",
        "application/json; foo",
        "application/json x",
        "application/json; charset=\"utf-8",
    };

    /// <summary>RFC 9110 §5.6.6 allows empty parameters (<c>;;</c>), and white space around the semicolons.</summary>
    public static TheoryData<string> WellFormed => new()
    {
        "application/json",
        "Application/JSON",
        "application/json; charset=utf-8",
        "application/json;charset=\"UTF-8\"",
        "application/json ; charset=utf-8",
        "application/json;",
        "application/json;;",
        "application/json; ; charset=utf-8",
    };

    [Theory]
    [MemberData(nameof(Unreadable))]
    public async Task Every_write_refuses_a_content_type_that_is_no_media_type_or_no_utf8(string contentType)
    {
        var writer = factory.Writer();
        var tagId = await new TestContent(writer).TagAsync();

        foreach (var (method, url) in new[] { (HttpMethod.Post, "/api/v1/tags"), (HttpMethod.Put, $"/api/v1/tags/{tagId}"), (HttpMethod.Patch, $"/api/v1/tags/{tagId}") })
        {
            var response = await writer.SendAsync(Request(method, url, $$"""{"name":"{{Guid.NewGuid():N}}"}""", contentType));

            await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        }
    }

    [Theory]
    [MemberData(nameof(WellFormed))]
    public async Task Every_write_takes_a_well_formed_json_content_type(string contentType)
    {
        var writer = factory.Writer();
        var tagId = await new TestContent(writer).TagAsync();

        await (await writer.SendAsync(Request(HttpMethod.Post, "/api/v1/tags", $$"""{"name":"{{Guid.NewGuid():N}}"}""", contentType))).AssertJsonAsync(HttpStatusCode.Created);
        await (await writer.SendAsync(Request(HttpMethod.Put, $"/api/v1/tags/{tagId}", $$"""{"name":"{{Guid.NewGuid():N}}"}""", contentType))).AssertJsonAsync();
        await (await writer.SendAsync(Request(HttpMethod.Patch, $"/api/v1/tags/{tagId}", $$"""{"name":"{{Guid.NewGuid():N}}"}""", contentType))).AssertJsonAsync();
    }

    [Fact]
    public async Task A_patch_takes_a_merge_patch_with_parameters()
    {
        var writer = factory.Writer();
        var tagId = await new TestContent(writer).TagAsync();

        var response = await writer.SendAsync(Request(HttpMethod.Patch, $"/api/v1/tags/{tagId}", """{"name":"merged"}""", "application/merge-patch+json;; charset=utf-8"));

        await response.AssertJsonAsync();
    }

    /// <summary>
    /// A 415 said what was refused but not what is taken: RFC 5789 §2.2 asks a PATCH's to name the patch media types in
    /// Accept-Patch, RFC 9110 §15.5.16 a content coding's to name those taken in Accept-Encoding (input review).
    /// </summary>
    [Fact]
    public async Task A_415_names_the_patch_media_types_and_content_codings_taken()
    {
        var writer = factory.Writer();
        var tagId = await new TestContent(writer).TagAsync();

        foreach (var contentType in new[] { "text/plain", "application/json-patch+json", "application/json; charset=iso-8859-1" })
        {
            var patch = await writer.SendAsync(Request(HttpMethod.Patch, $"/api/v1/tags/{tagId}", """{"name":"n"}""", contentType));
            await patch.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
            Assert.Equal("application/merge-patch+json, application/json", string.Join(", ", patch.Headers.GetValues("Accept-Patch")));
            Assert.False(patch.Headers.Contains("Accept-Encoding"), contentType);
        }
        var post = await writer.SendAsync(Request(HttpMethod.Post, "/api/v1/tags", """{"name":"n"}""", "text/plain"));
        await post.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.False(post.Headers.Contains("Accept-Patch"));

        foreach (var method in new[] { HttpMethod.Post, HttpMethod.Patch })
        {
            var request = Request(method, method == HttpMethod.Post ? "/api/v1/tags" : $"/api/v1/tags/{tagId}", """{"name":"n"}""", "application/json");
            request.Content!.Headers.ContentEncoding.Add("gzip");
            var encoded = await writer.SendAsync(request);
            await encoded.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
            Assert.Equal("identity", string.Join(", ", encoded.Headers.GetValues("Accept-Encoding")));
        }
    }

    private static HttpRequestMessage Request(HttpMethod method, string url, string json, string contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        Assert.True(content.Headers.TryAddWithoutValidation("Content-Type", contentType));
        return new HttpRequestMessage(method, url) { Content = content };
    }
}
