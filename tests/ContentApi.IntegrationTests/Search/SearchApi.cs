using System.Text.Json.Nodes;
using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Search;

/// <summary>Calls of the search API and what tests read from its answers.</summary>
internal static class SearchApi
{
    public static string Url(string q, string? more = null) =>
        "/api/v1/search?q=" + Uri.EscapeDataString(q) + (more is null ? "" : "&" + more);

    public static async Task<JsonObject> SearchAsync(this HttpClient client, string q, string? more = null) =>
        await (await client.GetAsync(Url(q, more))).AssertJsonAsync();

    public static async Task<JsonObject> ListAsync(this HttpClient client, string q, string? more = null) =>
        await (await client.GetAsync("/api/v1/articles?q=" + Uri.EscapeDataString(q) + (more is null ? "" : "&" + more))).AssertJsonAsync();

    public static List<string> Slugs(this JsonObject list) => [.. list["items"]!.AsArray().Select(i => i!["slug"]!.GetValue<string>())];

    public static List<long> Ids(this JsonObject list) => [.. list["items"]!.AsArray().Select(i => i!["id"]!.GetValue<long>())];

    public static long Total(this JsonObject list) => list["page"]!["total"]!.GetValue<long>();

    public static string? NextCursor(this JsonObject list) => list["page"]!["nextCursor"]?.GetValue<string>();

    /// <summary>The highlights of one result as (field, snippet) pairs.</summary>
    public static List<(string Field, string Snippet)> Highlights(this JsonNode item) =>
        [.. item["highlights"]!.AsArray().Select(h => (h!["field"]!.GetValue<string>(), h["snippet"]!.GetValue<string>()))];

    /// <summary>A snippet is HTML whose only markup is &lt;mark&gt;: anything else in it must have been escaped.</summary>
    public static void AssertOnlyMarkTags(string snippet)
    {
        var withoutMarks = snippet.Replace("<mark>", "", StringComparison.Ordinal).Replace("</mark>", "", StringComparison.Ordinal);
        Assert.DoesNotContain('<', withoutMarks);
        Assert.DoesNotContain('>', withoutMarks);
    }
}
