using System.Net;
using System.Text.Json.Nodes;
using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Writes;

/// <summary>
/// A 400 lists every problem of the request, as FluentValidation and Strapi do: a value of the wrong JSON type or a
/// member the resource does not have hid every other error (integrator review), so a form took one round trip per error.
/// </summary>
public sealed class EveryErrorAtOnceTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_patch_with_values_of_the_wrong_type_lists_them_with_the_rules_it_breaks()
    {
        var writer = factory.Writer();
        var image = await new TestContent(writer).ImageAsync();

        var problem = await (await writer.PatchAsync($"/api/v1/images/{image}",
            HttpAssertions.RawJson("""{"url":"x","width":"wide","altText":5}""", "application/merge-patch+json"))).AssertProblemAsync(HttpStatusCode.BadRequest);

        var errors = Errors(problem);
        Assert.Equal(["altText", "url", "width"], errors.Keys.Order());
        Assert.Equal(["Must be a string."], errors["altText"]);
        Assert.Equal(["Must be a JSON number, not a string."], errors["width"]);
    }

    /// <summary>
    /// A patch's lone surrogate escape was judged before anything else in it, as the one error of the body: a POST or
    /// PUT lists it beside every other member's error, and tells a member that takes no text, or none at all, so.
    /// </summary>
    [Fact]
    public async Task A_patch_with_a_lone_surrogate_lists_it_with_every_other_error()
    {
        var writer = factory.Writer();
        var image = await new TestContent(writer).ImageAsync();

        var problem = await (await writer.PatchAsync($"/api/v1/images/{image}",
            HttpAssertions.RawJson("""{"caption":"\uD800","width":"wide","height":1,"colour":"red"}""", "application/merge-patch+json"))).AssertProblemAsync(HttpStatusCode.BadRequest);

        var errors = Errors(problem);
        Assert.Equal(["caption", "colour", "width"], errors.Keys.Order());
        Assert.Equal(["The text contains an unpaired surrogate (invalid Unicode)."], errors["caption"]);
        Assert.Equal(["Must be a JSON number, not a string."], errors["width"]);
        Assert.Equal(["Unknown property: this resource has no such field."], errors["colour"]);
    }

    /// <summary>
    /// Invalid UTF-8 is a 400 for the whole body, as for POST and PUT; a lone surrogate escape before it in the patch hid
    /// it (review): only the first undecodable string was looked at, and the surrogate's member error was all the 400 said.
    /// </summary>
    [Fact]
    public async Task A_patch_with_invalid_utf8_after_a_lone_surrogate_is_refused_for_the_invalid_utf8()
    {
        var writer = factory.Writer();
        var image = await new TestContent(writer).ImageAsync();
        async Task<JsonObject> PatchAsync(byte[] body)
        {
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/merge-patch+json");
            return await (await writer.PatchAsync($"/api/v1/images/{image}", content)).AssertProblemAsync(HttpStatusCode.BadRequest);
        }

        var both = await PatchAsync([.. """{"caption":"\uD800","altText":"a"""u8, 0xC3, 0x28, .. "\"}"u8]);
        var invalidUtf8Alone = await PatchAsync([.. "{\"altText\":\"a"u8, 0xC3, 0x28, .. "\"}"u8]);

        Assert.Contains("UTF-8", both["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(invalidUtf8Alone["detail"]!.GetValue<string>(), both["detail"]!.GetValue<string>());
        Assert.Equal(invalidUtf8Alone["errors"]?.ToJsonString(), both["errors"]?.ToJsonString());
    }

    /// <summary>Past the binder's first error, each member is read alone: a lone surrogate escape there is judged as the binder judges it.</summary>
    [Fact]
    public async Task A_lone_surrogate_where_a_create_takes_no_text_is_told_so_beside_the_first_error()
    {
        var errors = Errors(await PostAsync("/api/v1/images",
            """{"url":"https://cdn.example.com/a.png","altText":"\uD800","width":"\uD800","height":1,"focalPoint":{"x":"\uDC00","y":0.5}}"""));

        Assert.Equal(["altText", "focalPoint.x", "width"], errors.Keys.Order());
        Assert.Equal(["The text contains an unpaired surrogate (invalid Unicode)."], errors["altText"]);
        Assert.Equal(["Must be a JSON number, not a string."], errors["width"]);
        Assert.Equal(["Must be a JSON number, not a string."], errors["focalPoint.x"]);
    }

    [Theory]
    [InlineData("""{"width":"\uD800","height":1}""", "width", "Must be a JSON number, not a string.")]
    [InlineData("""{"focalPoint":{"x":"\uD800","y":0.5}}""", "focalPoint.x", "Must be a JSON number, not a string.")]
    [InlineData("""{"colour":"\uD800"}""", "colour", "Unknown property: this resource has no such field.")]
    [InlineData("""{"focalPoint":{"z":"\uDC00","x":0.5,"y":0.5}}""", "focalPoint.z", "Unknown property: this resource has no such field.")]
    [InlineData("""{"caption":["\uD800"]}""", "caption", "Must be a string.")]
    public async Task A_lone_surrogate_where_a_patch_takes_no_text_is_told_as_a_replace_tells_it(string patch, string field, string message)
    {
        var writer = factory.Writer();
        var image = await new TestContent(writer).ImageAsync();
        var replacement = """{"url":"https://cdn.example.com/a.png","altText":"a",""" + patch[1..];

        var patched = await (await writer.PatchAsync($"/api/v1/images/{image}",
            HttpAssertions.RawJson(patch, "application/merge-patch+json"))).AssertProblemAsync(HttpStatusCode.BadRequest);
        var replaced = await (await writer.PutAsync($"/api/v1/images/{image}",
            HttpAssertions.RawJson(replacement))).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(new Dictionary<string, string[]> { [field] = [message] }, Errors(replaced));
        Assert.Equal(Errors(replaced), Errors(patched));
        Assert.Equal(replaced["detail"]!.GetValue<string>(), patched["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unknown_member_is_listed_with_the_rules_the_rest_breaks()
    {
        var known = Errors(await PostAsync("/api/v1/articles", """{"title":"","body":"","authorIds":[],"language":"en"}"""));

        var errors = Errors(await PostAsync("/api/v1/articles", """{"title":"","body":"","authorIds":[],"language":"en","width":1}"""));

        Assert.Equal(["authorIds", "title"], known.Keys.Order());
        Assert.Equal(known.Append(new("width", ["Unknown property: this resource has no such field."])).OrderBy(e => e.Key), errors.OrderBy(e => e.Key));
    }

    [Fact]
    public async Task Every_value_of_the_wrong_type_is_listed()
    {
        var problem = await PostAsync("/api/v1/articles", """{"title":1,"body":2,"authorIds":"x"}""");

        var errors = Errors(problem);
        Assert.Equal(["authorIds", "body", "language", "title"], errors.Keys.Order());
        Assert.Equal(["Must be a string."], errors["title"]);
        Assert.Equal(["Required."], errors["language"]);
        Assert.Equal(["Must be an array."], errors["authorIds"]);
        Assert.StartsWith("title: Must be a string. (3 more in errors.)", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_replacement_lists_every_value_of_the_wrong_type_and_unknown_member_nested_too()
    {
        var writer = factory.Writer();
        var image = await new TestContent(writer).ImageAsync();

        var problem = await (await writer.PutAsync($"/api/v1/images/{image}", HttpAssertions.RawJson(
            """{"url":"https://cdn.example.com/a.png","altText":5,"width":"wide","focalPoint":{"x":"0.5","y":true,"z":1},"colour":"red"}"""))).AssertProblemAsync(HttpStatusCode.BadRequest);

        var errors = Errors(problem);
        Assert.Equal(["altText", "colour", "focalPoint.x", "focalPoint.y", "focalPoint.z", "width"], errors.Keys.Order());
        Assert.Equal(["Must be a JSON number, not a string."], errors["focalPoint.x"]);
        Assert.Equal(["Unknown property: this resource has no such field."], errors["focalPoint.z"]);
    }

    /// <summary>As a query naming many unknown parameters is: the members are the caller's, any number of them.</summary>
    [Fact]
    public async Task A_body_with_many_unknown_members_lists_the_first_twenty()
    {
        var members = string.Concat(Enumerable.Range(0, 1000).Select(i => $",\"m{i}\":1"));

        var errors = Errors(await PostAsync("/api/v1/tags", "{\"name\":\"x\"" + members + "}"));

        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"m{i}"), errors.Keys);
    }

    [Fact]
    public async Task Every_bad_query_parameter_is_listed()
    {
        var problem = await (await factory.CreateClient().GetAsync("/api/v1/articles?limit=abc&sort=bogus&foo=1")).AssertProblemAsync(HttpStatusCode.BadRequest);

        var errors = Errors(problem);
        Assert.Equal(["foo", "limit", "sort"], errors.Keys.Order());
        Assert.Equal(["Must be an integer."], errors["limit"]);
        Assert.StartsWith("Unknown query parameter.", errors["foo"][0], StringComparison.Ordinal);
    }

    private async Task<JsonObject> PostAsync(string url, string body) =>
        await (await factory.Writer().PostAsync(url, HttpAssertions.RawJson(body))).AssertProblemAsync(HttpStatusCode.BadRequest);

    private static Dictionary<string, string[]> Errors(JsonObject problem) =>
        problem["errors"]!.AsObject().ToDictionary(e => e.Key, e => e.Value!.AsArray().Select(m => m!.GetValue<string>()).ToArray());
}
