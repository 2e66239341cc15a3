using System.Net;
using System.Text.Json.Nodes;
using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Writes;

/// <summary>A 400's errors by field, and what the every-error tests compare them with.</summary>
internal static class ListedErrors
{
    /// <summary>The 400 a write of <paramref name="body"/> gets (a PATCH sent as a merge patch).</summary>
    public static async Task<JsonObject> BadRequestAsync(HttpClient writer, HttpMethod method, string url, string body) =>
        await (await writer.SendAsync(new HttpRequestMessage(method, url)
        {
            Content = HttpAssertions.RawJson(body, method == HttpMethod.Patch ? "application/merge-patch+json" : "application/json"),
        })).AssertProblemAsync(HttpStatusCode.BadRequest);

    /// <summary>The rule errors with the refusals added, as one 400 lists them.</summary>
    public static Dictionary<string, string[]> With(Dictionary<string, string[]> rules, params (string Field, string Message)[] refusals)
    {
        var all = new Dictionary<string, string[]>(rules);
        foreach (var (field, message) in refusals)
        {
            all.Add(field, [message]);
        }
        return all;
    }

    public static void AssertEqual(Dictionary<string, string[]> expected, Dictionary<string, string[]> actual) =>
        Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal), actual.OrderBy(e => e.Key, StringComparer.Ordinal));

    public static Dictionary<string, string[]> Errors(JsonObject problem) =>
        problem["errors"]!.AsObject().ToDictionary(e => e.Key, e => e.Value!.AsArray().Select(m => m!.GetValue<string>()).ToArray());
}
