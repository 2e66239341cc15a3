using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ContentApi.TestSupport;
using Dapper;
using Microsoft.Data.Sqlite;

namespace ContentApi.IntegrationTests.Reading;

/// <summary>The real app with SQL statement counting on (Database:CountStatements), for the N+1 tests.</summary>
public sealed class StatementCountingApiFactory : ApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Database:CountStatements"] = "true",
        // Counting measures the database work of a request, which the anonymous response cache would skip.
        ["Caching:ResponseCacheEnabled"] = "false",
        // The periodic re-read of the content version is a statement on a timer, not per request: keep it out.
        ["Database:ContentStateRecheckMilliseconds"] = "3600000",
    };
}

/// <summary>The real app with a browser origin allowed to write and a recognisable public Cache-Control.</summary>
public sealed class FrontendApiFactory : ApiFactory
{
    public const string EditorOrigin = "https://editor.example.com";
    public const string PublicCacheControl = "public, max-age=123, stale-while-revalidate=456";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Cors:WriteOrigins:0"] = EditorOrigin,
        ["Caching:PublicCacheControl"] = PublicCacheControl,
    };
}

/// <summary>Small helpers the reading tests share: creating content with chosen fields and reading lists.</summary>
internal static class Reads
{
    /// <summary>SQLite's plan of <paramref name="sql"/>, one line per step.</summary>
    public static async Task<string> QueryPlanAsync(this SqliteConnection connection, string sql, object? parameters = null) =>
        string.Join("\n", (await connection.QueryAsync("EXPLAIN QUERY PLAN " + sql, parameters)).Select(row => (string)row.detail));

    /// <summary>Creates a published English article by <paramref name="authorIds"/>; <paramref name="extra"/> overrides any field.</summary>
    public static async Task<JsonObject> CreateArticleAsync(this HttpClient writer, long[] authorIds, Dictionary<string, object?>? extra = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["title"] = $"Article {Guid.NewGuid():N}",
            ["body"] = "Some **Markdown** text.",
            ["language"] = "en",
            ["authorIds"] = authorIds,
            ["status"] = "published",
        };
        foreach (var (key, value) in extra ?? [])
        {
            body[key] = value;
        }
        var response = await writer.PostAsJsonAsync("/api/v1/articles", body, HttpAssertions.Json);
        return await response.AssertJsonAsync(HttpStatusCode.Created);
    }

    public static async Task<JsonObject> GetJsonAsync(this HttpClient client, string url) =>
        await (await client.GetAsync(url)).AssertJsonAsync();

    /// <summary>The 400 problem's errors object (the problem+json shape is asserted on the way).</summary>
    public static async Task<JsonObject> GetErrorsAsync(this HttpClient client, string url)
    {
        var problem = await (await client.GetAsync(url)).AssertProblemAsync(HttpStatusCode.BadRequest);
        return problem["errors"]!.AsObject();
    }

    public static long Id(this JsonNode node) => node["id"]!.GetValue<long>();

    public static string Text(this JsonNode node, string name) => node[name]!.GetValue<string>();

    public static List<long> ItemIds(this JsonObject list) => [.. list["items"]!.AsArray().Select(i => i!.Id())];

    public static long Total(this JsonObject list) => list["page"]!["total"]!.GetValue<long>();

    public static string? NextCursor(this JsonObject list) => list["page"]!["nextCursor"]?.GetValue<string>();

    /// <summary>
    /// The ids of the pages from <paramref name="url"/> on, following <c>rel="next"</c> (at most five pages), each page
    /// saying <paramref name="total"/>.
    /// </summary>
    public static async Task<List<long>> IdsOfEveryPageAsync(this HttpClient client, string url, long total)
    {
        var seen = new List<long>();
        string? next = url;
        for (var pages = 0; next is not null && pages < 5; pages++)
        {
            var response = await client.GetAsync(next);
            var page = await response.AssertJsonAsync();
            Assert.Equal(total, page.Total());
            seen.AddRange(page.ItemIds());
            next = response.NextLink();
        }
        return seen;
    }

    /// <summary>The target of the RFC 8288 <c>rel="next"</c> link, or null when the response has none.</summary>
    public static string? NextLink(this HttpResponseMessage response) => response.LinkTo("next");

    /// <summary>The target of the RFC 8288 link with this relation, or null when the response has none.</summary>
    public static string? LinkTo(this HttpResponseMessage response, string rel)
    {
        if (!response.Headers.TryGetValues("Link", out var values))
        {
            return null;
        }
        foreach (Match link in Regex.Matches(string.Join(", ", values), "<(?<url>[^>]*)>(?<params>[^<]*)"))
        {
            if (link.Groups["params"].Value.Split(';', StringSplitOptions.TrimEntries).Any(p => p.TrimEnd(',', ' ') == $"rel=\"{rel}\""))
            {
                return link.Groups["url"].Value;
            }
        }
        return null;
    }

    public static string Message(this JsonObject errors, string field) =>
        string.Join(" ", errors[field]!.AsArray().Select(m => m!.GetValue<string>()));
}
