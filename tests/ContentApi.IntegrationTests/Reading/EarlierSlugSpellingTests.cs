using System.Net;
using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Reading;

/// <summary>
/// An earlier slug of a tag or an author is found in every spelling its current slug is: the lookup's 301, the article
/// list's tag= and author= filters, and the removal of it, each as for the slug it replaced.
/// </summary>
public sealed class EarlierSlugSpellingTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static string Nonce() => "p" + Guid.NewGuid().ToString("N")[..10];

    public static TheoryData<string, string, string> Spellings()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var collection in new[] { "tags", "authors" })
        {
            data.Add(collection, "caf\u00E9", "cafe\u0301"); // NFD
            data.Add(collection, "ai", "\uFF41\uFF49"); // full-width letters
            data.Add(collection, "\u05E9\u05DC\u05D5\u05DD", "\u05E9\u05B8\u05C1\u05DC\u05D5\u05B9\u05DD"); // Hebrew with its points
            data.Add(collection, "\u0E17\u0E33", "\u0E17\u0E4D\u0E32"); // Thai sara am as two characters, as migration 0021 rewrote them
            data.Add(collection, "\u0EA5\u0EB3", "\u0EA5\u0ECD\u0EB2"); // Lao am, likewise
            data.Add(collection, "\u4EBA\u5DE5\u667A\u6167", "\u4EBA\u5DE5\u667A\u6167"); // CJK, percent-encoded in lowercase hex below too
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Spellings))]
    public async Task An_earlier_slug_written_in_another_spelling_leads_to_its_owner_and_filters_its_articles(string collection, string stored, string written)
    {
        var nonce = Nonce();
        var writer = factory.Writer();
        var id = (await writer.PostOkAsync($"/api/v1/{collection}", new { name = $"Name {nonce}", slug = $"{nonce}-{stored}" }))["id"]!.GetValue<long>();
        var article = await new TestContent(writer).ArticleAsync(collection == "tags" ? new() { ["tagIds"] = new[] { id } } : new() { ["authorIds"] = new[] { id } });
        var current = $"{nonce}-now";
        await (await writer.PatchMergeAsync($"/api/v1/{collection}/{id}", new { slug = current })).AssertJsonAsync();
        var old = Uri.EscapeDataString($"{nonce}-{written}");

        var moved = await factory.Anonymous().GetAsync($"/api/v1/{collection}/slug/{old}");
        Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
        Assert.Equal($"/api/v1/{collection}/slug/{current}", moved.Headers.Location?.OriginalString);
        var filtered = await factory.Anonymous().GetJsonAsync($"/api/v1/articles?{collection[..^1]}={old}");
        Assert.Equal([article["id"]!.GetValue<long>()], filtered["items"]!.AsArray().Select(i => i!["id"]!.GetValue<long>()));
        var search = await factory.Anonymous().GetJsonAsync($"/api/v1/search?q={article["title"]!.GetValue<string>().Split(' ')[0]}&{collection[..^1]}={old}");
        Assert.Equal(1, search.Total());
        // A query's escapes are read in either case of hex (a path's lowercase hex is a 404 whatever it names: CanonicalPathMiddleware).
        Assert.Equal(1, (await factory.Anonymous().GetJsonAsync($"/api/v1/articles?{collection[..^1]}={old.ToLowerInvariant()}")).Total());
    }
}
