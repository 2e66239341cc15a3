using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace ContentApi.TestSupport;

public static class HttpAssertions
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Asserts the status and the RFC 9457 shape every error must have; returns the problem body.</summary>
    public static async Task<JsonObject> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoStore == true, $"an error is never stored by a cache: Cache-Control {response.Headers.CacheControl}");
        var problem = JsonNode.Parse(text)!.AsObject();
        Assert.Equal((int)status, problem["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(problem["type"]?.GetValue<string>()));
        // RFC 9457: a problem type keeps its title; validation errors said "Invalid request" under the type whose other
        // problems said "Bad Request".
        Assert.Equal(Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase((int)status), problem["title"]?.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(problem["detail"]?.GetValue<string>()));
        Assert.False(string.IsNullOrEmpty(problem["code"]?.GetValue<string>()), $"the problem has no code: {text}");
        Assert.Matches("^[0-9a-f]{32}$", problem["traceId"]?.GetValue<string>() ?? ""); // the W3C trace id the request log shows
        Assert.False(string.IsNullOrEmpty(problem["instance"]?.GetValue<string>()), "a problem names its instance (the request path)");
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("SELECT ", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("/work/", text, StringComparison.Ordinal);
        Assert.DoesNotContain("/tmp/", text, StringComparison.Ordinal);
        return problem;
    }

    public static async Task<JsonObject> AssertJsonAsync(this HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    public static StringContent JsonBody(object body) =>
        new(JsonSerializer.Serialize(body, Json), Encoding.UTF8, "application/json");

    public static StringContent RawJson(string json, string mediaType = "application/json") =>
        new(json, Encoding.UTF8, mediaType);

    public static Task<HttpResponseMessage> PatchMergeAsync(this HttpClient client, string url, object patch) =>
        client.PatchAsync(url, RawJson(JsonSerializer.Serialize(patch, Json), "application/merge-patch+json"));

    public static async Task<JsonObject> PostOkAsync(this HttpClient client, string url, object body)
    {
        var response = await client.PostAsJsonAsync(url, body, Json);
        return await response.AssertJsonAsync(HttpStatusCode.Created);
    }
}
