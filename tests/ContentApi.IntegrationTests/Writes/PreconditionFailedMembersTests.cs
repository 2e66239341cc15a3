using System.Net;
using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Writes;

/// <summary>A write's 412 says the current version and ETag as members, not only inside its English detail.</summary>
public sealed class PreconditionFailedMembersTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData("PATCH")]
    [InlineData("DELETE")]
    public async Task A_stale_write_names_the_current_version_and_etag(string method)
    {
        var writer = factory.Writer();
        var url = $"/api/v1/tags/{await new TestContent(writer).TagAsync()}";
        var stale = (await writer.GetAsync(url)).Headers.ETag!.Tag;
        await (await writer.PatchMergeAsync(url, new { description = "meanwhile" })).AssertJsonAsync();
        var current = await writer.GetAsync(url);

        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method == "PATCH")
        {
            request.Content = HttpAssertions.RawJson("""{"description":"mine"}""", "application/merge-patch+json");
        }
        request.Headers.TryAddWithoutValidation("If-Match", stale);
        var refused = await writer.SendAsync(request);

        var problem = await refused.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal(2, problem["currentVersion"]!.GetValue<long>());
        Assert.Equal(current.Headers.ETag!.Tag, problem["currentETag"]!.GetValue<string>());
        Assert.Equal(refused.Headers.ETag!.Tag, problem["currentETag"]!.GetValue<string>());
    }
}
