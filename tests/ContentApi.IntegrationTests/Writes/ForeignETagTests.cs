using System.Net;
using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Writes;

/// <summary>
/// A write's If-Match passes only with a tag this resource's version could have been served with: every resource starts
/// at version 1, so another resource's ETag (an editor app that mixed its cached tags up) or a made-up one named the
/// same version and overwrote.
/// </summary>
public sealed class ForeignETagTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Another_resources_etag_of_the_same_version_is_a_412()
    {
        var writer = factory.Writer();
        var content = new TestContent(writer);
        var first = await writer.GetAsync($"/api/v1/tags/{await content.TagAsync()}");
        var secondUrl = $"/api/v1/tags/{await content.TagAsync()}";

        var patch = new HttpRequestMessage(HttpMethod.Patch, secondUrl) { Content = HttpAssertions.RawJson("""{"description":"overwritten"}""", "application/merge-patch+json") };
        patch.Headers.TryAddWithoutValidation("If-Match", first.Headers.ETag!.Tag);

        var problem = await (await writer.SendAsync(patch)).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Null((await (await writer.GetAsync(secondUrl)).AssertJsonAsync())["description"]?.GetValue<string>());
        // It said "has changed since you read it (it is now at version 1)" to a caller whose tag said version 1 too (session review).
        Assert.Contains("names no version of this tag", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"1-forged\"")]
    [InlineData("\"1-bNb8re49j1Y6giyRS0QB_w\"")]
    public async Task A_made_up_etag_of_the_current_version_is_a_412(string forged)
    {
        var writer = factory.Writer();
        var url = $"/api/v1/tags/{await new TestContent(writer).TagAsync()}";
        var delete = new HttpRequestMessage(HttpMethod.Delete, url);
        delete.Headers.TryAddWithoutValidation("If-Match", forged);

        await (await writer.SendAsync(delete)).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal(HttpStatusCode.OK, (await writer.GetAsync(url)).StatusCode);
    }

    /// <summary>Any representation of the version passes: another fields, include, format or coding, and the bare version of a list item.</summary>
    [Theory]
    [InlineData("?fields=id,title", null)]
    [InlineData("?include=tags&format=html", null)]
    [InlineData("", "br")]
    [InlineData("", "gzip")]
    public async Task Every_representation_of_the_version_passes(string query, string? coding)
    {
        var writer = factory.Writer();
        var article = await new TestContent(writer).ArticleAsync();
        var url = $"/api/v1/articles/{article["id"]}";
        var read = new HttpRequestMessage(HttpMethod.Get, url + query);
        if (coding is not null)
        {
            read.Headers.TryAddWithoutValidation("Accept-Encoding", coding);
        }
        var etag = (await writer.SendAsync(read)).Headers.ETag!.Tag;

        var patch = new HttpRequestMessage(HttpMethod.Patch, url) { Content = HttpAssertions.RawJson("""{"subtitle":"mine"}""", "application/merge-patch+json") };
        patch.Headers.TryAddWithoutValidation("If-Match", etag);
        await (await writer.SendAsync(patch)).AssertJsonAsync();

        var bare = new HttpRequestMessage(HttpMethod.Patch, url) { Content = HttpAssertions.RawJson("""{"subtitle":"again"}""", "application/merge-patch+json") };
        bare.Headers.TryAddWithoutValidation("If-Match", "\"2\"");
        await (await writer.SendAsync(bare)).AssertJsonAsync();
    }
}
