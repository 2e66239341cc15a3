using System.Text.Json.Nodes;
using ContentApi.Http.Writes;

namespace ContentApi.UnitTests.Http;

/// <summary>
/// RFC 7396 at every depth: a null in a patch removes its member wherever it is, and a patch object meeting no object
/// is merged into an empty one, so its nulls vanish (a nested null was copied as a value).
/// </summary>
public sealed class MergePatchTests
{
    [Theory]
    // RFC 7396 appendix A.
    [InlineData("""{"a":"b"}""", """{"a":"c"}""", """{"a":"c"}""")]
    [InlineData("""{"a":"b"}""", """{"b":"c"}""", """{"a":"b","b":"c"}""")]
    [InlineData("""{"a":"b"}""", """{"a":null}""", """{}""")]
    [InlineData("""{"a":"b","b":"c"}""", """{"a":null}""", """{"b":"c"}""")]
    [InlineData("""{"a":["b"]}""", """{"a":"c"}""", """{"a":"c"}""")]
    [InlineData("""{"a":"c"}""", """{"a":["b"]}""", """{"a":["b"]}""")]
    [InlineData("""{"a":{"b":"c"}}""", """{"a":{"b":"d","c":null}}""", """{"a":{"b":"d"}}""")]
    [InlineData("""{"a":[{"b":"c"}]}""", """{"a":[1]}""", """{"a":[1]}""")]
    [InlineData("""["a","b"]""", """["c","d"]""", """["c","d"]""")]
    [InlineData("""{"a":"b"}""", """["c"]""", """["c"]""")]
    [InlineData("""{"a":"foo"}""", "null", "null")]
    [InlineData("""{"a":"foo"}""", "\"bar\"", "\"bar\"")]
    [InlineData("""{"e":null}""", """{"a":1}""", """{"e":null,"a":1}""")]
    [InlineData("""[1,2]""", """{"a":"b","c":null}""", """{"a":"b"}""")]
    [InlineData("""{}""", """{"a":{"bb":{"ccc":null}}}""", """{"a":{"bb":{}}}""")]
    // A focal point given to an image without one, or with one.
    [InlineData("""{"focalPoint":null}""", """{"focalPoint":{"x":0.1,"y":null}}""", """{"focalPoint":{"x":0.1}}""")]
    [InlineData("""{"focalPoint":"x"}""", """{"focalPoint":{"x":0.1,"y":null}}""", """{"focalPoint":{"x":0.1}}""")]
    [InlineData("""{"url":"u"}""", """{"focalPoint":{"x":0.1,"y":null}}""", """{"url":"u","focalPoint":{"x":0.1}}""")]
    [InlineData("""{"focalPoint":{"x":0.5,"y":0.7}}""", """{"focalPoint":{"x":0.2}}""", """{"focalPoint":{"x":0.2,"y":0.7}}""")]
    [InlineData("""{"focalPoint":{"x":0.5,"y":0.7}}""", """{"focalPoint":{"x":0.2,"y":null}}""", """{"focalPoint":{"x":0.2}}""")]
    [InlineData("""{"focalPoint":{"x":0.5,"y":0.7}}""", """{"focalPoint":null}""", """{}""")]
    // An array is a value: its nulls are kept.
    [InlineData("""{}""", """{"a":[null,{"b":null}]}""", """{"a":[null,{"b":null}]}""")]
    public void A_patch_is_merged_as_RFC_7396_says_at_every_depth(string target, string patch, string expected)
    {
        var merged = MergePatch.Merge(JsonNode.Parse(target), JsonNode.Parse(patch));

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), merged), $"expected {expected}, got {merged?.ToJsonString() ?? "null"}");
    }

    [Fact]
    public void A_patch_is_not_changed_by_merging_it()
    {
        var patch = JsonNode.Parse("""{"a":{"b":null,"c":{"d":1}}}""")!;

        var merged = MergePatch.Merge(JsonNode.Parse("""{"a":"x"}"""), patch)!;
        merged["a"]!["c"]!["d"] = 2;

        Assert.Equal("""{"a":{"b":null,"c":{"d":1}}}""", patch.ToJsonString());
    }
}
