using System.Net;
using System.Text.Json.Nodes;
using ContentApi.Images;
using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Writes;

/// <summary>
/// A null inside a merge patch's nested object is a removal, as at the top (RFC 7396), also when the resource has no
/// such object to merge into (review): PATCH {"focalPoint":{"x":"a","y":null},"altText":null} on an image without a
/// focal point copied the null, so y was "Must be a number." and the rest (altText) was never judged.
/// </summary>
public sealed class NestedNullInAMergePatchTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Required = "Required.";

    [Fact]
    public async Task A_nested_null_beside_a_mistyped_member_on_an_image_without_a_focal_point_lists_every_error()
    {
        var image = $"/api/v1/images/{await new TestContent(factory.Writer()).ImageAsync()}";

        var errors = Errors(await ProblemAsync(await PatchAsync(image, """{"focalPoint":{"x":"a","y":null},"altText":null}""")));

        AssertEqual(new()
        {
            ["focalPoint.x"] = ["Must be a JSON number, not a string."],
            ["focalPoint.y"] = [Required],
            ["altText"] = [Required],
        }, errors);
    }

    [Fact]
    public async Task A_nested_null_beside_a_broken_rule_on_an_image_without_a_focal_point_lists_what_the_same_put_lists()
    {
        var writer = factory.Writer();
        var image = $"/api/v1/images/{await new TestContent(writer).ImageAsync()}";
        var put = (await (await writer.GetAsync(image)).AssertJsonAsync()).AsObject();
        put["width"] = -1;
        put["focalPoint"] = new JsonObject { ["x"] = 0.1 };
        var replaced = Errors(await ProblemAsync(await writer.PutAsync(image, HttpAssertions.RawJson(Writable(put)))));

        var errors = Errors(await ProblemAsync(await PatchAsync(image, """{"focalPoint":{"x":0.1,"y":null},"width":-1}""")));

        Assert.Equal(["focalPoint.y", "width"], replaced.Keys.Order());
        Assert.Equal([Required], replaced["focalPoint.y"]);
        Assert.Equal([ImageRequestValidator.PixelCountMessage], replaced["width"]);
        AssertEqual(replaced, errors);
    }

    [Fact]
    public async Task A_nested_null_alone_on_an_image_without_a_focal_point_leaves_the_coordinate_required()
    {
        var image = $"/api/v1/images/{await new TestContent(factory.Writer()).ImageAsync()}";

        var problem = await ProblemAsync(await PatchAsync(image, """{"focalPoint":{"x":0.2,"y":null}}"""));

        AssertEqual(new() { ["focalPoint.y"] = [Required] }, Errors(problem));
        Assert.Equal("focalPoint.y: Required.", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_nested_null_removes_the_coordinate_of_an_image_with_a_focal_point()
    {
        var image = await ImageWithAFocalPointAsync();

        var errors = Errors(await ProblemAsync(await PatchAsync(image, """{"focalPoint":{"x":0.2,"y":null}}""")));

        AssertEqual(new() { ["focalPoint.y"] = [Required] }, errors);
    }

    [Fact]
    public async Task A_nested_patch_keeps_the_members_it_does_not_name_and_a_null_focal_point_removes_it()
    {
        var image = await ImageWithAFocalPointAsync();

        var moved = await (await PatchAsync(image, """{"focalPoint":{"x":0.2}}""")).AssertJsonAsync();
        var removed = await (await PatchAsync(image, """{"focalPoint":null}""")).AssertJsonAsync();

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"x":0.2,"y":0.7}"""), moved["focalPoint"]), moved.ToJsonString());
        Assert.Null(removed["focalPoint"]);
        Assert.Null((await (await factory.Writer().GetAsync(image)).AssertJsonAsync())["focalPoint"]);
    }

    private async Task<string> ImageWithAFocalPointAsync()
    {
        var image = await factory.Writer().PostOkAsync("/api/v1/images", new
        {
            url = $"https://images.example.com/{Guid.NewGuid():N}.jpg",
            altText = "示意圖",
            focalPoint = new { x = 0.5, y = 0.7 },
        });
        return $"/api/v1/images/{image["id"]!.GetValue<long>()}";
    }

    /// <summary>The members of a read image that a replacement takes.</summary>
    private static string Writable(JsonObject image)
    {
        foreach (var readOnly in new[] { "id", "createdAt", "updatedAt", "version", "createdBy", "updatedBy" })
        {
            image.Remove(readOnly);
        }
        return image.ToJsonString();
    }

    private Task<HttpResponseMessage> PatchAsync(string url, string body) =>
        factory.Writer().PatchAsync(url, HttpAssertions.RawJson(body, "application/merge-patch+json"));

    private static Task<JsonObject> ProblemAsync(HttpResponseMessage response) => response.AssertProblemAsync(HttpStatusCode.BadRequest);

    private static void AssertEqual(Dictionary<string, string[]> expected, Dictionary<string, string[]> actual) =>
        Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal), actual.OrderBy(e => e.Key, StringComparer.Ordinal));

    private static Dictionary<string, string[]> Errors(JsonObject problem) =>
        problem["errors"]!.AsObject().ToDictionary(e => e.Key, e => e.Value!.AsArray().Select(m => m!.GetValue<string>()).ToArray());
}
