using System.Net;
using System.Net.Http.Headers;
using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Writes;

/// <summary>
/// A large write kept its turn until its whole response was sent, and Kestrel asks only 240 bytes a second of a client
/// reading one: a client slow to read the 201 of a long article (or not reading it until its timeout) held a turn that
/// every other large write waited for, each then refused 503 (found by a review). The turn is given back a moment after
/// the response begins, as a read's is: the work it bounds is done by then.
/// </summary>
public sealed class LargeBodyResponseTests(LargeBodyResponseTests.OneTurnFactory factory) : IClassFixture<LargeBodyResponseTests.OneTurnFactory>
{
    public sealed class OneTurnFactory : ApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Limits:LargeBodyBytes"] = "1000",
            ["Limits:ConcurrentLargeBodies"] = "1",
            ["Limits:LargeBodyWaitSeconds"] = "20",
        };
    }

    private static HttpRequestMessage LongArticle(long authorId, bool chunked)
    {
        var json = System.Text.Json.JsonSerializer.Serialize(new
        {
            title = $"Long {Guid.NewGuid():N}",
            body = string.Join("\n\n", Enumerable.Repeat("A paragraph that makes the article long enough to fill the buffers.", 5_000)),
            language = "en", authorIds = new[] { authorId }, status = "published",
        });
        HttpContent content = chunked ? new StreamContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json))) : new StringContent(json);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return new HttpRequestMessage(HttpMethod.Post, "/api/v1/articles") { Content = content };
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_client_slow_to_read_a_large_writes_response_does_not_keep_its_turn(bool chunked)
    {
        var writer = factory.Writer();
        var authorId = await new TestContent(writer).AuthorAsync();

        // The client reads the headers of its 201, then none of the body (a slow connection).
        using var slow = await writer.SendAsync(LongArticle(authorId, chunked), HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.Created, slow.StatusCode);

        using var next = await writer.SendAsync(LongArticle(authorId, chunked));
        Assert.Equal(HttpStatusCode.Created, next.StatusCode);
    }
}
