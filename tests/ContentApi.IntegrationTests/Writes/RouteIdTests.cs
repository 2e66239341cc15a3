using System.Net;
using System.Text;
using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Writes;

/// <summary>
/// An id in the path that is no id as the API writes one is the same 400 on id for every method, before the media
/// type, the preconditions, the 404 and the body. A PUT answered by its body: a 404 for /tags/0 with an unknown member,
/// a 400 about the member for /tags/012 (found by a probe).
/// </summary>
public sealed class RouteIdTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static readonly string[] Resources = ["articles", "authors", "tags", "images"];

    [Fact]
    public async Task Every_method_on_a_malformed_or_out_of_range_id_is_the_id_400()
    {
        var writer = factory.Writer();
        var content = new TestContent(writer);
        var ids = new Dictionary<string, long>
        {
            ["authors"] = await content.AuthorAsync(),
            ["tags"] = await content.TagAsync(),
            ["images"] = await content.ImageAsync(),
        };
        ids["articles"] = (await content.ArticleAsync())["id"]!.GetValue<long>();
        var wrong = new List<string>();
        foreach (var resource in Resources)
        {
            var id = ids[resource];
            foreach (var written in new[] { "0", "-1", "-0", $"0{id}", $"+{id}", $"%20{id}", $"{id}abc" })
            {
                foreach (var request in Requests($"/api/v1/{resource}/{written}"))
                {
                    var what = $"{request.Method} {request.RequestUri} {request.Content?.Headers.ContentType}";
                    var response = await writer.SendAsync(request);
                    var text = await response.Content.ReadAsStringAsync();
                    if (response.StatusCode != HttpStatusCode.BadRequest || !text.Contains("\"errors\":{\"id\":[", StringComparison.Ordinal))
                    {
                        wrong.Add($"{what}: {(int)response.StatusCode} {text}");
                    }
                }
            }
        }
        Assert.Empty(wrong);
    }

    private static IEnumerable<HttpRequestMessage> Requests(string url)
    {
        yield return new HttpRequestMessage(HttpMethod.Get, url);
        yield return Stale(new HttpRequestMessage(HttpMethod.Delete, url));
        foreach (var (body, mediaType) in new[]
        {
            ("""{"zzz":1}""", "application/json"),
            ("""{"name":"a"}""", "application/json"),
            ("not json", "application/json"),
            ("""{"zzz":1}""", "application/vnd.api+json"),
        })
        {
            yield return Stale(new HttpRequestMessage(HttpMethod.Put, url) { Content = new StringContent(body, Encoding.UTF8, mediaType) });
        }
        yield return Stale(new HttpRequestMessage(HttpMethod.Patch, url) { Content = new StringContent("""{"zzz":1}""", Encoding.UTF8, "application/merge-patch+json") });
    }

    /// <summary>An If-Match no version has: the id is judged before it (a 412 would say the id named something).</summary>
    private static HttpRequestMessage Stale(HttpRequestMessage request)
    {
        request.Headers.TryAddWithoutValidation("If-Match", "\"999999\"");
        return request;
    }
}
