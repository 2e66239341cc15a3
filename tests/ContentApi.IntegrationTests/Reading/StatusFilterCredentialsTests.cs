using System.Net;
using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Reading;

/// <summary>
/// Asking the article list for drafts or scheduled articles without a key is missing credentials (401, with the
/// challenge that lets a client attach its key and retry), not a bad value: only a status the list does not know is a 400.
/// </summary>
public sealed class StatusFilterCredentialsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData("/api/v1/articles?status=draft")]
    [InlineData("/api/v1/articles?status=scheduled")]
    [InlineData("/api/v1/articles?q=news&status=draft")]
    public async Task Unpublished_statuses_without_a_key_are_the_401_of_a_missing_key(string url)
    {
        var response = await factory.Anonymous().GetAsync(url);

        var problem = await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("unauthorized", problem["code"]!.GetValue<string>());
        Assert.Equal("Bearer", string.Join(", ", response.Headers.WwwAuthenticate));
        Assert.Equal(HttpStatusCode.OK, (await factory.Reader().GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task A_status_the_list_does_not_know_stays_a_400_naming_it()
    {
        var problem = await (await factory.Anonymous().GetAsync("/api/v1/articles?status=live")).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal("validation_failed", problem["code"]!.GetValue<string>());
        Assert.NotNull(problem["errors"]!["status"]);
        Assert.Equal(HttpStatusCode.OK, (await factory.Anonymous().GetAsync("/api/v1/articles?status=published")).StatusCode);
    }
}
