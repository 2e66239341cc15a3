using System.Net;
using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Writes;

/// <summary>
/// Every 400 that lists its errors states the first in <c>detail</c> the same way, whichever layer refused it (the
/// query's binding, the body's JSON types, the validators): clients that show only the detail read one style.
/// </summary>
public sealed class ValidationDetailTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData("GET", "/api/v1/tags?limit=abc", null, "limit: Must be an integer.")]
    [InlineData("GET", "/api/v1/tags?limit=0", null, "limit: ")]
    [InlineData("GET", "/api/v1/tags?limit=", null, "limit: Must be an integer.")]
    [InlineData("GET", "/api/v1/search?q=x&page=1.5", null, "page: Must be an integer.")]
    [InlineData("GET", "/api/v1/articles?publishedBefore=", null, "publishedBefore: Must be an RFC 3339 date-time.")]
    [InlineData("GET", "/api/v1/tags?limit=abc&page=x", null, "limit: Must be an integer. (1 more in errors.)")]
    // An integer too large for its type states the range it takes, as one within the type does (it said "Must be an integer.").
    [InlineData("GET", "/api/v1/articles?limit=2147483648", null, "limit: Must be between 1 and 100.")]
    [InlineData("GET", "/api/v1/articles?page=9223372036854775807", null, "page: Must be a page number from 1 to 100000.")]
    [InlineData("GET", "/api/v1/search?q=x&page=99999999999", null, "page: Must be a page number from 1 to 50:")]
    [InlineData("GET", "/api/v1/articles/9223372036854775808", null, "id: Must be an id from 1 to 9223372036854775807.")]
    // The URL is judged before the body: a bad id is the answer, whatever the body or its media type.
    [InlineData("PUT", "/api/v1/tags/abc", "{", "id: Must be an integer.")]
    [InlineData("PUT", "/api/v1/tags/1.0", null, "id: Must be an integer.")]
    // A value of the wrong type says what the field takes (it said "the wrong JSON type" of a too-large width).
    [InlineData("POST", "/api/v1/tags", """{"name": 5}""", "name: Must be a string.")]
    [InlineData("POST", "/api/v1/images", """{"url": "https://cdn.example.com/a.png", "altText": "a", "width": 2147483648}""", "width: Must be an integer within the field's range.")]
    [InlineData("POST", "/api/v1/images", """{"url": "https://cdn.example.com/a.png", "altText": "a", "focalPoint": {"x": "0.5", "y": 0.5}}""", "focalPoint.x: Must be a JSON number, not a string.")]
    [InlineData("POST", "/api/v1/images", """{"url": "https://cdn.example.com/a.png", "altText": "a", "focalPoint": [0.5, 0.5]}""", "focalPoint: Must be an object.")]
    [InlineData("POST", "/api/v1/articles", """{"title": "t", "body": "b", "authorIds": ["1"]}""", "authorIds[0]: Must be a JSON number, not a string.")]
    [InlineData("POST", "/api/v1/images", """{"url": "https://cdn.example.com/a.png", "altText": "a", "width": "10"}""", "width: Must be a JSON number, not a string.")]
    [InlineData("POST", "/api/v1/images", """{"url": "https://cdn.example.com/a.png", "altText": "a", "byteSize": true}""", "byteSize: Must be a JSON number, not true or false.")]
    [InlineData("POST", "/api/v1/articles", """{"title": "t", "body": "b", "authorIds": 1}""", "authorIds: Must be an array.")]
    [InlineData("POST", "/api/v1/articles", """{"title": "t", "body": "b", "authorIds": [1], "publishedAt": 1}""", "publishedAt: Must be an RFC 3339 date-time string.")]
    // The document's format: date-time has a T between date and time (a space was taken, found by a probe).
    [InlineData("POST", "/api/v1/articles", """{"title": "t", "body": "b", "authorIds": [1], "publishedAt": "2024-01-01 00:00:00Z"}""", "publishedAt: Must be an RFC 3339 date-time with a T between date and time")]
    [InlineData("POST", "/api/v1/tags", """{"name": ""}""", "name: ")]
    [InlineData("POST", "/api/v1/tags", """{"name": "x", "colour": "red"}""", "colour: Unknown property: this resource has no such field.")]
    [InlineData("POST", "/api/v1/tags", "{}", "name: Required.")]
    public async Task A_400_states_its_first_error_as_field_and_message(string method, string url, string? body, string detailStart)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        request.Content = body is null ? null : HttpAssertions.RawJson(body);

        var problem = await (await factory.Writer().SendAsync(request)).AssertProblemAsync(HttpStatusCode.BadRequest);

        var detail = problem["detail"]!.GetValue<string>();
        Assert.StartsWith(detailStart, detail, StringComparison.Ordinal);
        var (field, messages) = problem["errors"]!.AsObject().First();
        Assert.StartsWith($"{field}: {messages![0]!.GetValue<string>()}", detail, StringComparison.Ordinal);
    }

    /// <summary>A name the request gave is quoted back cut to 100 characters: a 4 MB member name made an 8 MB error (found by a probe).</summary>
    [Theory]
    [InlineData("POST", "/api/v1/tags", "application/json")]
    [InlineData("PATCH", "/api/v1/tags/{id}", "application/merge-patch+json")]
    [InlineData("GET", "/api/v1/tags?{name}=1", null)]
    [InlineData("GET", "/api/v1/articles?include={name}", null)]
    [InlineData("GET", "/api/v1/articles?fields={name}", null)]
    public async Task A_long_name_the_request_gave_is_quoted_back_cut(string method, string url, string? mediaType)
    {
        var writer = factory.Writer();
        var name = "\U0001D54F" + new string('x', 200_000);
        url = url.Replace("{id}", (await new TestContent(writer).TagAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{name}", new string('q', 7_000), StringComparison.Ordinal);
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        request.Content = mediaType is null ? null : HttpAssertions.RawJson($$"""{"name":"n","{{name}}":1}""", mediaType);

        var response = await writer.SendAsync(request);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var text = problem.ToJsonString();
        Assert.True(text.Length < 2_000, text[..Math.Min(text.Length, 2_000)]);
        var (field, _) = problem["errors"]!.AsObject().First();
        Assert.True(field.Length <= 101, field);
    }

    /// <summary>
    /// Nesting too deep is what a POST or PUT is told, as a PATCH is, also where the binder would have stopped first at
    /// a member the resource lacks or at a root that is no object (found by a probe).
    /// </summary>
    [Theory]
    [InlineData("POST", "zzz")]
    [InlineData("PUT", "zzz")]
    [InlineData("PATCH", "zzz")]
    [InlineData("POST", "$")]
    [InlineData("PUT", "$")]
    [InlineData("PATCH", "$")]
    public async Task Json_nested_too_deeply_is_refused_as_that(string method, string field)
    {
        var writer = factory.Writer();
        var tagId = await new TestContent(writer).TagAsync();
        var json = field == "$" ? new string('[', 1_000_000) : $$"""{"name":"x","zzz":{{new string('[', 5000)}}{{new string(']', 5000)}}}""";
        using var request = new HttpRequestMessage(new HttpMethod(method), method == "POST" ? "/api/v1/tags" : $"/api/v1/tags/{tagId}");
        request.Content = HttpAssertions.RawJson(json, method == "PATCH" ? "application/merge-patch+json" : "application/json");

        var problem = await (await writer.SendAsync(request)).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal("The JSON is nested too deeply.", problem["detail"]!.GetValue<string>());
        Assert.Equal(field, problem["errors"]!.AsObject().Single().Key);
    }
}
