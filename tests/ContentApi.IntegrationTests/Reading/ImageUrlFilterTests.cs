using System.Net;
using ContentApi.TestSupport;
using ContentApi.Text;

namespace ContentApi.IntegrationTests.Reading;

/// <summary>
/// The url filter of GET /images takes what an image's url may be, as the other filters take only values a write
/// would: a URL the API refuses names no image it could store, and finding nothing would hide the client's mistake.
/// </summary>
public sealed class ImageUrlFilterTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData("https://xn--/x.jpg", TextRules.PunycodeHostMessage)]
    [InlineData("https://256.0.0.1/x.jpg", TextRules.Ipv4HostMessage)]
    public async Task A_url_filter_with_a_host_browsers_cannot_open_is_a_400_saying_so(string url, string message)
    {
        var problem = await (await factory.Reader().GetAsync($"/api/v1/images?url={Uri.EscapeDataString(url)}")).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal([message], problem["errors"]!["url"]!.AsArray().Select(m => m!.GetValue<string>()));
        Assert.Contains("url", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
