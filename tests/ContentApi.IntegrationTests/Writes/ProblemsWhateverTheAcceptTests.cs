using System.Net;
using System.Net.Http.Headers;
using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Writes;

/// <summary>Errors are problem+json with a traceId even when the caller's Accept leaves JSON out (such as text/html alone).</summary>
public sealed class ProblemsWhateverTheAcceptTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    public static TheoryData<string, string, HttpStatusCode> Requests => new()
    {
        { "GET", "/api/v1/tags?q=" + new string('a', 9_000), HttpStatusCode.RequestUriTooLong },
        { "GET", "/api/v1/tags?limit=abc", HttpStatusCode.BadRequest },
        { "GET", "/api/v1/tags?limit=0", HttpStatusCode.BadRequest },
        { "GET", "/api/v1/tags/999999", HttpStatusCode.NotFound },
        { "GET", "/api/v1/nothing-here", HttpStatusCode.NotFound },
        { "POST", "/api/v1/tags", HttpStatusCode.Unauthorized },
        { "PUT", "/api/v1/tags", HttpStatusCode.MethodNotAllowed },
        { "WRITER POST", "/api/v1/tags", HttpStatusCode.BadRequest },
        { "WRITER POST BIG", "/api/v1/tags", HttpStatusCode.RequestEntityTooLarge },
        { "WRITER POST LONG KEY", "/api/v1/tags", HttpStatusCode.BadRequest },
        { "BAD KEY", "/api/v1/tags", HttpStatusCode.Unauthorized },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Errors_are_problem_json_for_an_Accept_without_json(string kind, string url, HttpStatusCode status)
    {
        var client = kind.StartsWith("WRITER", StringComparison.Ordinal) ? factory.Writer() : factory.Anonymous();
        using var request = new HttpRequestMessage(kind.Contains("POST", StringComparison.Ordinal) ? HttpMethod.Post : new HttpMethod(kind.Split(' ')[0] is "BAD" ? "GET" : kind), url);
        request.Headers.Accept.ParseAdd("text/html");
        request.Content = kind switch
        {
            "WRITER POST" => HttpAssertions.RawJson("{bad"),
            "WRITER POST BIG" => HttpAssertions.RawJson($"{{\"name\":\"{new string('a', 4_300_000)}\"}}"),
            "POST" or "WRITER POST LONG KEY" => HttpAssertions.JsonBody(new { name = "x" }),
            _ => null,
        };
        if (kind == "WRITER POST LONG KEY")
        {
            request.Headers.Add("Idempotency-Key", new string('k', 300));
        }
        if (kind == "BAD KEY")
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-key");
        }

        var response = await client.SendAsync(request);

        await response.AssertProblemAsync(status);
    }
}
