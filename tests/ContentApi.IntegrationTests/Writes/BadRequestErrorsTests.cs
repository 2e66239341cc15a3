using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Writes;

/// <summary>
/// Every 400 for what a client sent carries <c>errors</c>, keyed where the fault is: a body that is not JSON by the JSON
/// path System.Text.Json names (<c>$</c> when it names none), a header by its name. Before, these were 400s without
/// <c>errors</c>, which clients generated from the document (Kiota, NSwag) read as validation problems with Errors null,
/// while a body such as <c>[1]</c> had them.
/// </summary>
public sealed class BadRequestErrorsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData("POST", """{"name":""", "name", "The request body is not valid JSON (line 1, byte 9).")]
    [InlineData("PUT", """{"name":""", "name", "The request body is not valid JSON (line 1, byte 9).")]
    [InlineData("POST", """{"name":"x",""", "$", null)]
    [InlineData("POST", "{", "$", null)]
    [InlineData("POST", "xx", "$", "The request body is not valid JSON (line 1, byte 1).")]
    // Read as the resource while parsed, these were a missing or an unknown member: name: Required, zzz: Unknown property (fuzz helper).
    [InlineData("POST", "{} trailing", "$", "The request body is not valid JSON (line 1, byte 4).")]
    [InlineData("PUT", "{}{}", "$", "The request body is not valid JSON (line 1, byte 3).")]
    [InlineData("POST", """{"zzz":1,""", "$", "The request body is not valid JSON (line 1, byte 9).")]
    [InlineData("POST", """{"zzz":1 "name":"n"}""", "$", "The request body is not valid JSON (line 1, byte 10).")]
    [InlineData("PATCH", """{"name":""", "name", "The request body is not valid JSON (line 1, byte 9).")]
    [InlineData("POST", " ", "$", "A JSON request body is required.")]
    [InlineData("POST", "", "$", "A JSON request body is required.")]
    [InlineData("PATCH", "", "$", "A JSON request body is required.")]
    public async Task A_body_that_is_not_JSON_is_keyed_by_the_path_where_it_stops_being_JSON(string method, string body, string key, string? detail)
    {
        var problem = await SendAsync(method, body, "application/json");

        AssertErrorsUnder(problem, key, detail);
    }

    [Theory]
    [InlineData("POST", "name")]
    [InlineData("PATCH", "name")] // parsed as a document, which names no path: it was "$"
    public async Task A_body_nested_too_deeply_is_keyed_by_the_path_System_Text_Json_names(string method, string key)
    {
        var problem = await SendAsync(method, "{\"name\":" + new string('[', 40) + new string(']', 40) + "}", "application/json");

        AssertErrorsUnder(problem, key, "The JSON is nested too deeply.");
    }

    /// <summary>A merge patch is parsed whole, and the parser names no path: its errors were all filed under "$", or under the bare member name (review).</summary>
    [Theory]
    [InlineData("""{"altText":""", "altText")]
    [InlineData("""{"altText":tru}""", "altText")]
    [InlineData("""{"altText":"a","altText":"b"}""", "altText")]
    [InlineData("""{"focalPoint":{"x":0.1,"x":0.2,"y":0.3}}""", "focalPoint.x")]
    [InlineData("""{"focalPoint":{"x":0.1,"y":}}""", "focalPoint.y")]
    [InlineData("""{"altText":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}""", "altText")]
    public async Task A_merge_patch_that_is_not_JSON_the_API_takes_is_keyed_as_the_same_PUT_is(string body, string key)
    {
        var writer = factory.Writer();
        var image = await new TestContent(writer).ImageAsync();
        async Task<string> KeyAsync(string method, string mediaType)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), $"/api/v1/images/{image}") { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
            request.Content.Headers.ContentType = new(mediaType);
            var problem = await (await writer.SendAsync(request)).AssertProblemAsync(HttpStatusCode.BadRequest);
            return Assert.Single(Assert.IsType<JsonObject>(problem["errors"], exactMatch: false)).Key;
        }

        Assert.Equal((key, key), (await KeyAsync("PUT", "application/json"), await KeyAsync("PATCH", "application/merge-patch+json")));
    }

    [Fact]
    public async Task A_merge_patch_nested_too_deeply_in_objects_is_keyed_as_the_same_PUT_is()
    {
        var writer = factory.Writer();
        var image = await new TestContent(writer).ImageAsync();
        var body = "{\"focalPoint\":{\"x\":" + string.Concat(Enumerable.Repeat("{\"a\":", 40)) + "1" + new string('}', 42) + "}";
        async Task<string> KeyAsync(string method, string mediaType)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), $"/api/v1/images/{image}") { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
            request.Content.Headers.ContentType = new(mediaType);
            var problem = await (await writer.SendAsync(request)).AssertProblemAsync(HttpStatusCode.BadRequest);
            return Assert.Single(Assert.IsType<JsonObject>(problem["errors"], exactMatch: false)).Key;
        }

        Assert.Equal(("focalPoint.x", "focalPoint.x"), (await KeyAsync("PUT", "application/json"), await KeyAsync("PATCH", "application/merge-patch+json")));
    }

    /// <summary>After a member the resource does not have, such a body was that member's error: zzz: Unknown property (review).</summary>
    [Theory]
    [InlineData("POST", "")]
    [InlineData("POST", "\"zzz\":1,")]
    [InlineData("PUT", "\"zzz\":1,")]
    public async Task A_body_that_is_not_UTF_8_is_keyed_by_the_path_of_the_text(string method, string before)
    {
        var writer = factory.Writer();
        var path = method == "POST" ? "/api/v1/tags" : $"/api/v1/tags/{await new TestContent(writer).TagAsync()}";
        using var request = new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = new ByteArrayContent([.. Encoding.UTF8.GetBytes("{" + before + "\"name\":\""), 0xC3, 0x28, .. "\"}"u8]),
        };
        request.Content.Headers.ContentType = new("application/json");

        var problem = await (await writer.SendAsync(request)).AssertProblemAsync(HttpStatusCode.BadRequest);

        AssertErrorsUnder(problem, "name", "The request body is not valid UTF-8.");
    }

    [Theory]
    // Empty is refused too, but the test server drops an empty header.
    [InlineData("a b")]
    [InlineData("é")]
    [InlineData(null)] // 256 characters
    public async Task A_malformed_Idempotency_Key_is_keyed_by_the_header_s_name(string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/tags") { Content = HttpAssertions.JsonBody(new { name = $"Tag {Guid.NewGuid():N}" }) };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key ?? new string('k', 256));

        var problem = await (await factory.Writer().SendAsync(request)).AssertProblemAsync(HttpStatusCode.BadRequest);

        AssertErrorsUnder(problem, "Idempotency-Key", "Idempotency-Key must be 1-255 visible ASCII characters.");
    }

    [Fact]
    public async Task Two_Idempotency_Keys_are_keyed_by_the_header_s_name()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/tags") { Content = HttpAssertions.JsonBody(new { name = $"Tag {Guid.NewGuid():N}" }) };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", ["k1", "k2"]);

        var problem = await (await factory.Writer().SendAsync(request)).AssertProblemAsync(HttpStatusCode.BadRequest);

        AssertErrorsUnder(problem, "Idempotency-Key", "Send one Idempotency-Key header.");
    }

    [Theory]
    [InlineData("PUT", "If-Match")]
    [InlineData("PUT", "If-None-Match")]
    [InlineData("PATCH", "If-Match")]
    [InlineData("DELETE", "If-Match")]
    [InlineData("GET", "If-Match")]
    public async Task A_malformed_entity_tag_header_is_keyed_by_the_header_s_name(string method, string header)
    {
        var writer = factory.Writer();
        var tag = await new TestContent(writer).TagAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method), $"/api/v1/tags/{tag}");
        if (method is "PUT" or "PATCH")
        {
            request.Content = HttpAssertions.RawJson($$"""{"name":"Tag {{Guid.NewGuid():N}}"}""", method == "PATCH" ? "application/merge-patch+json" : "application/json");
        }
        request.Headers.TryAddWithoutValidation(header, "no-quotes");

        var problem = await (await writer.SendAsync(request)).AssertProblemAsync(HttpStatusCode.BadRequest);

        AssertErrorsUnder(problem, header, $"{header} must be '*' or a list of quoted ETags.");
    }

    private async Task<JsonObject> SendAsync(string method, string body, string mediaType)
    {
        var writer = factory.Writer();
        var path = method == "POST" ? "/api/v1/tags" : $"/api/v1/tags/{await new TestContent(writer).TagAsync()}";
        using var request = new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)),
        };
        request.Content.Headers.ContentType = new(mediaType);
        return await (await writer.SendAsync(request)).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    /// <summary>Asserts errors holds one message, under this key, and (when given) the detail as it was before errors.</summary>
    private static void AssertErrorsUnder(JsonObject problem, string key, string? detail)
    {
        var errors = Assert.IsType<JsonObject>(problem["errors"], exactMatch: false);
        var (actualKey, messages) = Assert.Single(errors);
        Assert.Equal(key, actualKey);
        Assert.False(string.IsNullOrEmpty(Assert.Single(Assert.IsType<JsonArray>(messages)!)!.GetValue<string>()));
        if (detail is not null)
        {
            Assert.Equal(detail, problem["detail"]!.GetValue<string>());
        }
    }
}
