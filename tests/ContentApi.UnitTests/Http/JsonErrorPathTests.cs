using System.Text;
using ContentApi.Http.Json;
using ContentApi.Images;

namespace ContentApi.UnitTests.Http;

public sealed class JsonErrorPathTests
{
    [Theory]
    [InlineData("{\"name\":", "$.name")]
    [InlineData("{\"authorIds\":[1,2,x]}", "$.authorIds[2]")]
    [InlineData("{\"authorIds\":[x]}", "$.authorIds[0]")]
    [InlineData("{\"a\":[1,{\"b\":tru}]}", "$.a[1].b")]
    [InlineData("{\"a\":1,\"b\":{\"c\":1,\"c\":2}}", "$.b.c")]
    [InlineData("{\"a\":{\"c\":1},\"b\":{\"c\":2}}", "$")]
    [InlineData("{\"標題\":", "$['標題']")]
    [InlineData("{\"\\ud800\":1}", "$")]
    [InlineData("xx", "$")]
    [InlineData("{\"a\":[[[[[]]]]]}", "$.a")]
    // Review: a syntax error after a repeated member is what the parser reports; a root that is no object is the
    // document's problem; an ordinary error at the deepest level allowed keeps its whole path.
    [InlineData("{\"name\":\"a\",\"name\":\"b\",\"bio\":tru}", "$.bio")]
    [InlineData("[1,2,x]", "$")]
    [InlineData("[{\"a\":1,\"a\":2}]", "$")]
    [InlineData("{\"a\":[[[x]]]}", "$.a[0][0][0]")]
    // A member read whole is behind where the text fails: these were filed under name and a.
    [InlineData("{\"name\":\"x\",", "$")]
    [InlineData("{\"a\":{\"b\":1} \"c\":2}", "$")]
    [InlineData("{\"a\":{\"b\":1,}", "$.a")]
    public void Names_where_the_text_stops_being_json_the_api_takes(string json, string path) =>
        Assert.Equal(path, JsonErrorPath.Find(Encoding.UTF8.GetBytes(json), maxDepth: 4));

    /// <summary>Nested too deeply in objects: filed under the resource's member that holds them, as PUT files it (review: the client's own names, up to 64 of them).</summary>
    [Theory]
    [InlineData("{\"focalPoint\":{\"x\":{\"a\":{\"a\":{\"a\":1}}}}}", "$.focalPoint.x")]
    [InlineData("{\"altText\":{\"a\":{\"a\":{\"a\":{\"a\":1}}}}}", "$.altText")]
    [InlineData("{\"other\":{\"a\":{\"a\":{\"a\":{\"a\":1}}}}}", "$.other")]
    public void Nesting_too_deep_is_filed_under_the_resources_member_that_holds_it(string json, string path) =>
        Assert.Equal(path, JsonErrorPath.Find(Encoding.UTF8.GetBytes(json), maxDepth: 4, JsonSetup.Options.GetTypeInfo(typeof(ImageRequest))));
}
