using System.Net;
using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Writes;

/// <summary>
/// Methods are case-sensitive, but routing matched them in any case: <c>post</c> created a tag and <c>delete</c> deleted
/// one, past any proxy or firewall that filters <c>DELETE</c> (fuzz helper). A method with a lowercase letter is now a 501
/// problem, as for any method the server does not know, and nothing changes.
/// </summary>
public sealed class MethodCaseTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData("delete")]
    [InlineData("Delete")]
    [InlineData("get")]
    public async Task A_method_not_in_capitals_is_refused_and_changes_nothing(string method)
    {
        var writer = factory.Writer();
        var tagId = await new TestContent(writer).TagAsync();

        var response = await writer.SendAsync(new HttpRequestMessage(new HttpMethod(method), $"/api/v1/tags/{tagId}"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.NotImplemented);
        Assert.Contains($"send it in capitals ({method.ToUpperInvariant()})", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await writer.GetAsync($"/api/v1/tags/{tagId}")).StatusCode);
    }

    [Fact]
    public async Task A_create_in_lowercase_creates_nothing()
    {
        var name = $"lower-{Guid.NewGuid():N}";
        var response = await factory.Writer().SendAsync(new HttpRequestMessage(new HttpMethod("post"), "/api/v1/tags") { Content = HttpAssertions.JsonBody(new { name }) });

        await response.AssertProblemAsync(HttpStatusCode.NotImplemented);
        Assert.Contains("\"items\":[]", await factory.Writer().GetStringAsync($"/api/v1/tags?slug={name}"), StringComparison.Ordinal);
    }
}
