using System.Net.Http.Json;

namespace ContentApi.TestSupport;

/// <summary>Creates related resources through the API, each with a unique name, for tests that need them.</summary>
public sealed class TestContent(HttpClient writer)
{
    public async Task<long> AuthorAsync(string? name = null)
    {
        var author = await writer.PostOkAsync("/api/v1/authors", new { name = name ?? $"Author {Guid.NewGuid():N}", email = "author@example.com" });
        return author["id"]!.GetValue<long>();
    }

    public async Task<long> TagAsync(string? name = null)
    {
        var tag = await writer.PostOkAsync("/api/v1/tags", new { name = name ?? $"Tag {Guid.NewGuid():N}" });
        return tag["id"]!.GetValue<long>();
    }

    /// <summary>
    /// Publishes an article crediting the author or carrying the tag (<paramref name="collection"/>: "authors" or
    /// "tags"): anonymous callers see only the authors and tags of published articles.
    /// </summary>
    public async Task PublishWithAsync(string collection, long id) =>
        await ArticleAsync(collection == "authors" ? new() { ["authorIds"] = new[] { id } } : new() { ["tagIds"] = new[] { id } });

    /// <summary>A new resource of this collection ("articles", "authors", "tags" or "images") with the defaults; its id.</summary>
    public async Task<long> ResourceAsync(string collection) => collection switch
    {
        "articles" => (await ArticleAsync())["id"]!.GetValue<long>(),
        "authors" => await AuthorAsync(),
        "tags" => await TagAsync(),
        "images" => await ImageAsync(),
        _ => throw new ArgumentOutOfRangeException(nameof(collection), collection, null),
    };

    public async Task<long> ImageAsync(string? credit = null, string? caption = null)
    {
        var image = await writer.PostOkAsync("/api/v1/images", new
        {
            url = $"https://images.example.com/{Guid.NewGuid():N}.jpg",
            altText = "示意圖",
            caption,
            credit,
            width = 1200,
            height = 675,
            mimeType = "image/jpeg",
        });
        return image["id"]!.GetValue<long>();
    }

    /// <summary>Creates an article with one new author; <paramref name="extra"/> fields override the defaults.</summary>
    public async Task<System.Text.Json.Nodes.JsonObject> ArticleAsync(Dictionary<string, object?>? extra = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["title"] = $"Article {Guid.NewGuid():N}",
            ["body"] = "Some **Markdown** text.",
            ["language"] = "en",
            ["authorIds"] = new[] { await AuthorAsync() },
            ["status"] = "published",
        };
        foreach (var (key, value) in extra ?? [])
        {
            body[key] = value;
        }
        var response = await writer.PostAsJsonAsync("/api/v1/articles", body, HttpAssertions.Json);
        return await response.AssertJsonAsync(System.Net.HttpStatusCode.Created);
    }
}
