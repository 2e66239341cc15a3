using System.Net;
using System.Text.Json.Nodes;
using ContentApi.TestSupport;
using static ContentApi.IntegrationTests.Writes.ListedErrors;

namespace ContentApi.IntegrationTests.Writes;

/// <summary>
/// A 400 lists the rules the rest of a body breaks also when a required member is of the wrong type, nulled or missing
/// (review): POST /api/v1/articles with {"title":" x","body":2,…} listed body alone, hiding the title's white space,
/// because the rest, without body, could not be read. Each case is compared with the same body made well-typed.
/// </summary>
public sealed class RulesBesideARefusedRequiredMemberTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string NotAString = "Must be a string.";
    private const string NotNull = "Must not be null.";
    private const string Required = "Required.";

    [Fact]
    public async Task An_article_posted_with_a_required_member_of_the_wrong_type_lists_the_rules_the_rest_breaks()
    {
        var rules = Errors(await SendAsync(HttpMethod.Post, "/api/v1/articles", """{"title":" x","body":"b","authorIds":[1],"language":"en"}"""));

        var errors = Errors(await SendAsync(HttpMethod.Post, "/api/v1/articles", """{"title":" x","body":2,"authorIds":[1],"language":"en","zzz":1}"""));

        Assert.Equal(["title"], rules.Keys);
        AssertEqual(With(rules, ("body", NotAString), ("zzz", "Unknown property: this resource has no such field.")), errors);
    }

    [Fact]
    public async Task An_article_posted_with_a_required_member_nulled_lists_the_rules_the_rest_breaks()
    {
        var rules = Errors(await SendAsync(HttpMethod.Post, "/api/v1/articles", """{"title":" x","body":"b","authorIds":[0],"language":"en"}"""));

        var errors = Errors(await SendAsync(HttpMethod.Post, "/api/v1/articles", """{"title":" x","body":null,"authorIds":[0],"language":null}"""));

        Assert.Equal(["authorIds[0]", "title"], rules.Keys.Order());
        AssertEqual(With(rules, ("body", NotNull), ("language", NotNull)), errors);
    }

    [Fact]
    public async Task A_required_member_never_sent_is_listed_once_as_required_beside_the_rules()
    {
        var errors = Errors(await SendAsync(HttpMethod.Post, "/api/v1/articles", """{"title":" x","body":2,"authorIds":[]}"""));

        Assert.Equal(["authorIds", "body", "language", "title"], errors.Keys.Order());
        Assert.Equal([Required], errors["language"]);
        Assert.Equal([NotAString], errors["body"]);
        Assert.Single(errors["title"]);
        Assert.Single(errors["authorIds"]);
    }

    [Fact]
    public async Task An_article_patch_nulling_a_required_member_lists_the_rules_the_rest_breaks()
    {
        var article = $"/api/v1/articles/{(await new TestContent(factory.Writer()).ArticleAsync())["id"]}";
        var rules = Errors(await SendAsync(HttpMethod.Patch, article, """{"slug":"Bad Slug!","subtitle":"a\u0000b"}"""));

        var errors = Errors(await SendAsync(HttpMethod.Patch, article, """{"title":null,"slug":"Bad Slug!","subtitle":"a\u0000b","body":7}"""));

        Assert.Equal(["slug", "subtitle"], rules.Keys.Order());
        AssertEqual(With(rules, ("title", Required), ("body", NotAString)), errors);
    }

    [Fact]
    public async Task An_author_posted_with_its_name_of_the_wrong_type_lists_the_rules_the_rest_breaks()
    {
        var rules = Errors(await SendAsync(HttpMethod.Post, "/api/v1/authors", """{"name":"n","slug":"Bad Slug!","email":"nobody"}"""));

        var errors = Errors(await SendAsync(HttpMethod.Post, "/api/v1/authors", """{"name":{"zh":"王"},"slug":"Bad Slug!","email":"nobody"}"""));

        Assert.Equal(["email", "slug"], rules.Keys.Order());
        AssertEqual(With(rules, ("name", NotAString)), errors);
    }

    [Fact]
    public async Task An_author_patch_nulling_its_name_lists_the_rules_the_rest_breaks()
    {
        var author = $"/api/v1/authors/{await new TestContent(factory.Writer()).AuthorAsync()}";
        var rules = Errors(await SendAsync(HttpMethod.Patch, author, """{"website":"ftp://example.com"}"""));

        var errors = Errors(await SendAsync(HttpMethod.Patch, author, """{"name":null,"website":"ftp://example.com"}"""));

        Assert.Equal(["website"], rules.Keys);
        AssertEqual(With(rules, ("name", Required)), errors);
    }

    [Fact]
    public async Task A_tag_replaced_with_its_name_nulled_lists_the_rules_the_rest_breaks()
    {
        var tag = $"/api/v1/tags/{await new TestContent(factory.Writer()).TagAsync()}";
        var rules = Errors(await SendAsync(HttpMethod.Put, tag, """{"name":"n","slug":"Bad Slug!"}"""));

        var errors = Errors(await SendAsync(HttpMethod.Put, tag, """{"name":null,"slug":"Bad Slug!"}"""));

        Assert.Equal(["slug"], rules.Keys);
        AssertEqual(With(rules, ("name", NotNull)), errors);
    }

    [Fact]
    public async Task A_tag_posted_without_its_name_lists_the_rules_the_rest_breaks()
    {
        var errors = Errors(await SendAsync(HttpMethod.Post, "/api/v1/tags", """{"slug":"Bad Slug!","description":"a\u0000b"}"""));

        Assert.Equal(["description", "name", "slug"], errors.Keys.Order());
        Assert.Equal([Required], errors["name"]);
    }

    [Fact]
    public async Task An_image_replaced_with_required_members_of_the_wrong_type_lists_the_rules_the_rest_breaks()
    {
        var image = $"/api/v1/images/{await new TestContent(factory.Writer()).ImageAsync()}";
        var rules = Errors(await SendAsync(HttpMethod.Put, image, """{"url":"https://cdn.example.com/a.png","altText":"a","width":0,"height":1,"mimeType":"JPEG"}"""));

        var errors = Errors(await SendAsync(HttpMethod.Put, image, """{"url":5,"altText":true,"width":0,"height":1,"mimeType":"JPEG"}"""));

        Assert.Equal(["mimeType", "width"], rules.Keys.Order());
        AssertEqual(With(rules, ("url", NotAString), ("altText", NotAString)), errors);
    }

    [Fact]
    public async Task An_image_patch_nulling_a_required_member_lists_the_rules_the_rest_breaks()
    {
        var image = $"/api/v1/images/{await new TestContent(factory.Writer()).ImageAsync()}";
        var rules = Errors(await SendAsync(HttpMethod.Patch, image, """{"height":null,"credit":" "}"""));

        var errors = Errors(await SendAsync(HttpMethod.Patch, image, """{"altText":null,"height":null,"credit":" "}"""));

        Assert.Equal(["credit", "height"], rules.Keys.Order());
        AssertEqual(With(rules, ("altText", Required)), errors);
    }

    [Fact]
    public async Task A_stale_replacement_with_a_required_member_of_the_wrong_type_is_still_a_412()
    {
        var writer = factory.Writer();
        var tag = $"/api/v1/tags/{await new TestContent(writer).TagAsync()}";
        var request = new HttpRequestMessage(HttpMethod.Put, tag) { Content = HttpAssertions.RawJson("""{"name":5,"slug":"Bad Slug!"}""") };
        request.Headers.TryAddWithoutValidation("If-Match", "\"999999-x\"");

        await (await writer.SendAsync(request)).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
    }

    [Theory]
    [InlineData("POST", "/api/v1/articles", """{"title":"t","body":2,"authorIds":[1],"language":"en"}""", "body", NotAString)]
    [InlineData("POST", "/api/v1/articles", """{"title":"t","body":"b","authorIds":[1]}""", "language", Required)]
    [InlineData("POST", "/api/v1/tags", """{"name":null,"slug":"good"}""", "name", NotNull)]
    [InlineData("PATCH", "tag", """{"name":null,"slug":"good"}""", "name", Required)]
    [InlineData("PATCH", "tag", """{"name":5}""", "name", NotAString)]
    public async Task A_body_whose_only_error_is_a_required_member_stays_a_single_error(string method, string url, string body, string field, string message)
    {
        if (url == "tag")
        {
            url = $"/api/v1/tags/{await new TestContent(factory.Writer()).TagAsync()}";
        }

        var problem = await SendAsync(new HttpMethod(method), url, body);

        Assert.Equal([field], Errors(problem).Keys);
        Assert.Equal([message], Errors(problem)[field]);
        Assert.Equal($"{field}: {message}", problem["detail"]!.GetValue<string>());
    }

    private Task<JsonObject> SendAsync(HttpMethod method, string url, string body) => ListedErrors.BadRequestAsync(factory.Writer(), method, url, body);
}
