using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ContentApi.TestSupport;
using Dapper;
using Xunit.Abstractions;

namespace ContentApi.ContractTests.Fuzz;

/// <summary>
/// Bad input never produces a 500 or a half-written row: every operation the document describes, sent every kind of
/// bad value in each of its request members, query parameters and path segments, answers a success or a problem
/// (application/problem+json with its status and title), and a refused write leaves every table and the content
/// version as they were. Each request is made from the document, so a member or parameter added later is swept too.
/// </summary>
public sealed class DocumentFuzzTests(ApiFactory factory, ITestOutputHelper output) : IClassFixture<ApiFactory>
{
    private static readonly (string Schema, string Collection)[] Resources =
        [("ImageRequest", "/api/v1/images"), ("AuthorRequest", "/api/v1/authors"), ("TagRequest", "/api/v1/tags"), ("ArticleRequest", "/api/v1/articles")];

    private const string CountsSql = """
        SELECT (SELECT count(*) FROM articles) || ',' || (SELECT count(*) FROM authors) || ',' || (SELECT count(*) FROM tags)
            || ',' || (SELECT count(*) FROM images) || ',' || (SELECT count(*) FROM article_authors)
            || ',' || (SELECT count(*) FROM article_tags) || ',' || (SELECT count(*) FROM article_images)
            || ',' || (SELECT version FROM content_version)
        """;

    private readonly List<string> _failures = [];
    private int _sent;

    [Fact]
    public async Task Bad_request_bodies_get_a_success_or_a_problem_and_a_refused_write_changes_nothing()
    {
        var document = await DocumentAsync();
        var valid = await ValidRequestsAsync(document);
        foreach (var (schema, collection) in Resources)
        {
            var (body, id) = valid[schema];
            foreach (var (method, url, mediaType) in new[]
            {
                (HttpMethod.Post, collection, "application/json"),
                (HttpMethod.Put, $"{collection}/{id}", "application/json"),
                (HttpMethod.Patch, $"{collection}/{id}", "application/merge-patch+json"),
            })
            {
                foreach (var name in document["components"]!["schemas"]![schema]!["properties"]!.AsObject().Select(p => p.Key))
                {
                    foreach (var value in BadValues.Json)
                    {
                        await SendAsync(method, url, WithMember(body, name, value), mediaType);
                    }
                    await SendAsync(method, url, Without(body, name), mediaType);
                }
                foreach (var raw in BadValues.Bodies)
                {
                    await SendAsync(method, url, raw, mediaType);
                }
                await SendAsync(method, url, WithMember(body, "notAMember", "1"), mediaType);
                await SendAsync(method, url, body.ToJsonString(), "text/plain");
            }
        }
        AssertAllKeptTheRule();
    }

    /// <summary>
    /// Bad values one member at a time miss what only a combination breaks, so this sends several at once, drawn from a
    /// seeded Random: the seed is printed and FUZZ_SEED replays a failing run.
    /// </summary>
    [Fact]
    public async Task Several_bad_members_at_once_get_a_success_or_a_problem_and_a_refused_write_changes_nothing()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_SEED"), out var given) ? given : 20261205;
        output.WriteLine($"FUZZ_SEED={seed}");
        var random = new Random(seed);
        var document = await DocumentAsync();
        var valid = await ValidRequestsAsync(document);
        for (var i = 0; i < 600; i++)
        {
            var (schema, collection) = Resources[random.Next(Resources.Length)];
            var (body, id) = valid[schema];
            var names = document["components"]!["schemas"]![schema]!["properties"]!.AsObject().Select(p => p.Key).ToArray();
            var copy = body.DeepClone().AsObject();
            var values = new Dictionary<string, string>();
            foreach (var name in random.GetItems(names, random.Next(2, 5)).Distinct())
            {
                copy.Remove(name);
                if (random.Next(5) != 0)
                {
                    copy[name] = $"\u0001{name}\u0001";
                    values[$"\"\\u0001{name}\\u0001\""] = BadValues.Json[random.Next(BadValues.Json.Length)];
                }
            }
            var mutated = values.Aggregate(copy.ToJsonString(), (text, value) => text.Replace(value.Key, value.Value, StringComparison.Ordinal));
            var (method, url, mediaType) = random.Next(3) switch
            {
                0 => (HttpMethod.Post, collection, "application/json"),
                1 => (HttpMethod.Put, $"{collection}/{id}", "application/json"),
                _ => (HttpMethod.Patch, $"{collection}/{id}", "application/merge-patch+json"),
            };
            await SendAsync(method, url, mutated, mediaType);
        }
        AssertAllKeptTheRule($" (FUZZ_SEED={seed})");
    }

    [Fact]
    public async Task Bad_headers_and_content_types_get_a_success_or_a_problem_and_a_refused_write_changes_nothing()
    {
        var valid = await ValidRequestsAsync(await DocumentAsync());
        foreach (var (schema, collection) in Resources)
        {
            var (body, id) = valid[schema];
            foreach (var (method, url, mediaType) in new[]
            {
                (HttpMethod.Get, collection, null),
                (HttpMethod.Get, $"{collection}/{id}", null),
                (HttpMethod.Post, collection, "application/json"),
                (HttpMethod.Put, $"{collection}/{id}", "application/json"),
                (HttpMethod.Patch, $"{collection}/{id}", "application/merge-patch+json"),
            })
            {
                var sent = mediaType is null ? null : body.ToJsonString();
                foreach (var (name, values) in BadValues.Headers)
                {
                    foreach (var value in values)
                    {
                        await SendAsync(method, url, sent, mediaType, (name, value));
                    }
                }
                if (mediaType is not null)
                {
                    foreach (var badType in BadValues.MediaTypes)
                    {
                        await SendAsync(method, url, sent, badType);
                    }
                }
            }
        }
        AssertAllKeptTheRule();
    }

    [Fact]
    public async Task Bad_query_values_and_path_segments_get_a_success_or_a_problem()
    {
        var document = await DocumentAsync();
        var valid = await ValidRequestsAsync(document);
        foreach (var (path, operations) in document["paths"]!.AsObject())
        {
            var url = WithValidPathValues(path, valid);
            foreach (var parameter in operations!["get"]?["parameters"]?.AsArray() ?? [])
            {
                if (parameter!["in"]!.GetValue<string>() != "query")
                {
                    continue;
                }
                var name = parameter["name"]!.GetValue<string>();
                foreach (var value in BadValues.Query)
                {
                    await SendAsync(HttpMethod.Get, $"{url}?{name}={value}");
                }
                await SendAsync(HttpMethod.Get, $"{url}?{name}=1&{name}=2");
            }
            if (!path.Contains('{', StringComparison.Ordinal))
            {
                continue;
            }
            var parameterAt = path.IndexOf('{', StringComparison.Ordinal);
            var resource = Resources.First(r => path.StartsWith(r.Collection, StringComparison.Ordinal));
            foreach (var segment in BadValues.PathSegments)
            {
                var bad = path[..parameterAt] + segment + path[(path.IndexOf('}', StringComparison.Ordinal) + 1)..];
                await SendAsync(HttpMethod.Get, bad);
                if (operations.AsObject().ContainsKey("put"))
                {
                    await SendAsync(HttpMethod.Put, bad, valid[resource.Schema].Body.ToJsonString(), "application/json");
                    await SendAsync(HttpMethod.Patch, bad, valid[resource.Schema].Body.ToJsonString(), "application/merge-patch+json");
                }
                if (operations.AsObject().ContainsKey("delete"))
                {
                    await SendAsync(HttpMethod.Delete, bad);
                }
            }
        }
        AssertAllKeptTheRule();
    }

    /// <summary>Every answer, listed together (the first 20), so one run shows every kind of breach.</summary>
    private void AssertAllKeptTheRule(string replay = "")
    {
        Assert.True(_sent > 500, $"only {_sent} requests were made from the document");
        Assert.True(_failures.Count == 0, $"{_failures.Count} of {_sent} answers broke the rule{replay}:\n{string.Join("\n\n", _failures.Take(20))}");
    }

    private async Task SendAsync(HttpMethod method, string url, string? body = null, string? mediaType = null, (string Name, string Value)? header = null)
    {
        var before = method == HttpMethod.Get ? null : Counts();
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.Remove("Content-Type");
            request.Content.Headers.TryAddWithoutValidation("Content-Type", mediaType);
        }
        if (header is var (name, value))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        using var response = await factory.Writer().SendAsync(request);
        _sent++;
        var text = await DecodedTextAsync(response.Content);
        var status = (int)response.StatusCode;
        string? broken = status switch
        {
            >= 500 => "a server error",
            >= 400 when response.Content.Headers.ContentType?.MediaType != "application/problem+json" => "an error that is no problem+json",
            >= 400 when !IsProblemOf(text, status) => "a problem without its status and title",
            >= 400 when before is not null && Counts() != before => $"a refused write that changed the database ({before} to {Counts()})",
            _ => null,
        };
        if (broken is not null)
        {
            _failures.Add($"{broken}: {method} {Cut(url)} {header?.Name}: {Cut(header?.Value ?? "")} {Cut(body ?? "")} ({mediaType}) answered {status}: {Cut(text)}");
        }
    }

    /// <summary>The body as text, decoded when the server compressed it as the request's Accept-Encoding let it.</summary>
    private static async Task<string> DecodedTextAsync(HttpContent content)
    {
        var coding = content.Headers.ContentEncoding.LastOrDefault();
        if (coding is null)
        {
            return await content.ReadAsStringAsync();
        }
        await using var compressed = await content.ReadAsStreamAsync();
        await using Stream decoded = coding switch
        {
            "br" => new System.IO.Compression.BrotliStream(compressed, System.IO.Compression.CompressionMode.Decompress),
            "gzip" => new System.IO.Compression.GZipStream(compressed, System.IO.Compression.CompressionMode.Decompress),
            _ => throw new InvalidOperationException($"The server answered in a coding the test does not read: {coding}"),
        };
        using var reader = new StreamReader(decoded, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }

    private static bool IsProblemOf(string text, int status)
    {
        try
        {
            return JsonNode.Parse(text) is JsonObject problem && problem["status"]?.GetValue<int>() == status
                && !string.IsNullOrEmpty(problem["title"]?.GetValue<string>());
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    private string Counts()
    {
        using var connection = factory.OpenDatabase();
        return connection.ExecuteScalar<string>(CountsSql)!;
    }

    private async Task<JsonNode> DocumentAsync() => JsonNode.Parse(await factory.Anonymous().GetStringAsync("/openapi/v1.json"))!;

    /// <summary>
    /// For each resource, a request made of the document's examples (its slug left out and a tag's name made unique, so creates do not clash) naming
    /// what the test created, and the id of the resource created with it.
    /// </summary>
    private async Task<Dictionary<string, (JsonObject Body, long Id)>> ValidRequestsAsync(JsonNode document)
    {
        var valid = new Dictionary<string, (JsonObject Body, long Id)>();
        var ids = new Dictionary<string, long>();
        foreach (var (schema, collection) in Resources)
        {
            var body = new JsonObject();
            foreach (var (name, property) in document["components"]!["schemas"]![schema]!["properties"]!.AsObject())
            {
                if (name != "slug" && property!.AsObject().TryGetPropertyValue("example", out var example))
                {
                    body[name] = example?.DeepClone();
                }
            }
            foreach (var (name, value) in body.ToList())
            {
                body[name] = name switch
                {
                    "avatarImageId" or "coverImageId" => ids["ImageRequest"],
                    "imageIds" => new JsonArray(ids["ImageRequest"]),
                    "authorIds" => new JsonArray(ids["AuthorRequest"]),
                    "tagIds" => new JsonArray(ids["TagRequest"]),
                    "body" => System.Text.RegularExpressions.Regex.Replace(value!.GetValue<string>(), "image:[0-9]+", $"image:{ids["ImageRequest"]}"),
                    "url" => $"https://images.example.com/fuzz/{Guid.NewGuid():N}.jpg",
                    // A tag's name is unique, and each test creates one.
                    "name" when schema == "TagRequest" => $"{value!.GetValue<string>()} {Guid.NewGuid():N}",
                    _ => value?.DeepClone(),
                };
            }
            var created = await (await factory.Writer().PostAsJsonAsync(collection, body)).AssertJsonAsync(HttpStatusCode.Created);
            ids[schema] = created["id"]!.GetValue<long>();
            valid[schema] = (body, ids[schema]);
        }
        return valid;
    }

    private static string WithValidPathValues(string path, Dictionary<string, (JsonObject Body, long Id)> valid) =>
        Resources.FirstOrDefault(r => path.StartsWith(r.Collection + "/", StringComparison.Ordinal)) is { Schema: not null } resource
            ? path.Replace("{id}", valid[resource.Schema].Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{slug}", "no-such-slug", StringComparison.Ordinal)
            : path;

    private static string WithMember(JsonObject body, string name, string json)
    {
        var copy = body.DeepClone().AsObject();
        copy[name] = "\u0001placeholder\u0001";
        return copy.ToJsonString().Replace("\"\\u0001placeholder\\u0001\"", json, StringComparison.Ordinal);
    }

    private static string Without(JsonObject body, string name)
    {
        var copy = body.DeepClone().AsObject();
        copy.Remove(name);
        return copy.ToJsonString();
    }

    private static string Cut(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
