using System.Net;
using System.Text.Json.Nodes;
using ContentApi.Articles;
using ContentApi.Http.Json;
using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Writes;

/// <summary>
/// A value of the right JSON type that its field does not take (an enum's unknown name, a date-time without an offset,
/// a number past a double) is told what it is told alone when another member's error is listed beside it: read again
/// for the list, it was told "The request body is not valid JSON" of a body that is (a form's datetime-local output).
/// </summary>
public sealed class ValueErrorsBesideOtherErrorsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static readonly string StatusProblem = EnumValuesConverter.MustBeOneOf(typeof(ArticleStatus));

    public static TheoryData<string, string> Writes => new()
    {
        { "POST", """{"title":"T","body":"B","language":"en","authorIds":[1],"publishedAt":"2026-12-24T09:00","status":"published","tagIds":["5"]}""" },
        { "PUT", """{"title":"T","body":"B","language":"en","authorIds":[1],"publishedAt":"2026-12-24T09:00","status":"published","tagIds":["5"]}""" },
        { "PATCH", """{"publishedAt":"2026-12-24T09:00","status":"published","authorIds":["5"]}""" },
        { "POST", """{"title":5,"body":"B","language":"en","authorIds":[1],"status":"scheduled"}""" },
        { "PUT", """{"status":"scheduled","title":5,"body":"B","language":"en","authorIds":[1]}""" },
        { "PATCH", """{"status":"scheduled","title":5}""" },
        { "POST", """{"title":"T","body":"B","language":"en","authorIds":[1],"status":"live","publishedAt":"soon"}""" },
        { "PUT", """{"title":"T","body":"B","language":"en","authorIds":[1],"status":"live","publishedAt":"soon"}""" },
        { "PATCH", """{"status":"live","publishedAt":"soon"}""" },
    };

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task An_article_s_status_and_publishedAt_are_told_what_they_are_told_alone(string method, string body)
    {
        var errors = Errors(await SendAsync(method, "articles", body));

        var sent = JsonNode.Parse(body)!.AsObject();
        if (sent["publishedAt"] is not null)
        {
            Assert.Equal([UtcDateTimeOffsetConverter.Problem], errors["publishedAt"]);
        }
        if (sent["status"]!.GetValue<string>() != "published")
        {
            Assert.Equal([StatusProblem], errors["status"]);
        }
        Assert.True(errors.Count > 1, string.Join("; ", errors.Keys));
        Assert.DoesNotContain(errors.Values.SelectMany(m => m), m => m.Contains("not valid JSON", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    public async Task An_image_s_focal_point_past_a_double_is_told_so_beside_another_error(string method)
    {
        var errors = Errors(await SendAsync(method, "images",
            """{"width":"wide","url":"https://cdn.example.com/a.png","altText":"a","focalPoint":{"x":1e400,"y":0.5},"height":"tall"}"""));

        Assert.Equal(["Must be a number within the range of a double."], errors["focalPoint.x"]);
        Assert.Equal(["Must be a JSON number, not a string."], errors["width"]);
    }

    private async Task<JsonObject> SendAsync(string method, string collection, string body)
    {
        var writer = factory.Writer();
        var content = new TestContent(writer);
        var url = $"/api/v1/{collection}";
        if (method != "POST")
        {
            url += "/" + await content.ResourceAsync(collection);
        }
        var request = new HttpRequestMessage(new HttpMethod(method), url)
        {
            Content = HttpAssertions.RawJson(body, method == "PATCH" ? "application/merge-patch+json" : "application/json"),
        };
        return await (await writer.SendAsync(request)).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    private static Dictionary<string, string[]> Errors(JsonObject problem) =>
        problem["errors"]!.AsObject().ToDictionary(e => e.Key, e => e.Value!.AsArray().Select(m => m!.GetValue<string>()).ToArray());
}
