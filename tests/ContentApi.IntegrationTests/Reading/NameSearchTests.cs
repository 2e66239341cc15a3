using System.Text;
using System.Text.Json.Nodes;
using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Reading;

/// <summary>
/// <c>q</c> on the author, tag and image lists finds names (and slugs), or an image's texts, compared as tag names are:
/// in NFKC, ignoring case; and <c>sort=publishedArticleCount</c> orders authors and tags by the count they show. Each
/// test marks what it creates with a text of its own and searches for it, so what other tests create stays out.
/// </summary>
public sealed class NameSearchTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly TestContent _content = new(factory.Writer());

    [Theory]
    [InlineData("tags")]
    [InlineData("authors")]
    public async Task Q_finds_names_whatever_their_case_width_or_composition(string collection)
    {
        var m = Marker();
        var ai = await CreateAsync(collection, $"{m} AI");
        var cafe = await CreateAsync(collection, $"{m} Cafe\u0301");
        var model = await CreateAsync(collection, $"{m} 大型語言模型", slug: $"large-language-model-{m}");
        await CreateAsync(collection, $"{m} Other");

        foreach (var (q, expected) in new (string, long[])[]
        {
            ($"{m} AI", [ai]), ($"{m} ai", [ai]), (Wide($"{m} AI"), [ai]), ($"{m.ToUpperInvariant()} Ai", [ai]),
            ($"{m} café", [cafe]), ($"{m} Cafe\u0301", [cafe]), ($"{m} 大型", [model]), ($"language-model-{m}", [model]),
        })
        {
            var list = await factory.Reader().GetJsonAsync($"/api/v1/{collection}?q={Uri.EscapeDataString(q)}");
            Assert.True(expected.SequenceEqual(list.ItemIds()), $"{collection}?q={q}: {list.ToJsonString()}");
            Assert.Equal(expected.Length, list.Total());
        }

        var substring = await factory.Reader().GetJsonAsync($"/api/v1/{collection}?q={Uri.EscapeDataString("語言")}&limit=100");
        Assert.Contains(model, substring.ItemIds());
        Assert.All(substring["items"]!.AsArray(), item => Assert.Contains("語言", item!.Text("name"), StringComparison.Ordinal));
    }

    /// <summary>Format characters (a zero-width space, a soft hyphen) show nothing: q finds across them, either way round.</summary>
    [Theory]
    [InlineData("tags")]
    [InlineData("authors")]
    public async Task Q_finds_names_across_format_characters(string collection)
    {
        var m = Marker();
        var city = await CreateAsync(collection, $"{m} 台北\u200B市");
        var hyphenated = await CreateAsync(collection, $"{m} Bundes\u00ADtag");

        foreach (var (q, expected) in new (string, long[])[]
        {
            ($"{m} 台北市", [city]), ($"{m} 台北\u200B市", [city]), ($"{m} bundestag", [hyphenated]), ($"{m} Bun\u00ADdestag", [hyphenated]),
        })
        {
            var list = await factory.Reader().GetJsonAsync($"/api/v1/{collection}?q={Uri.EscapeDataString(q)}");
            Assert.True(expected.SequenceEqual(list.ItemIds()), $"{collection}?q={q}: {list.ToJsonString()}");
        }
    }

    [Fact]
    public async Task Q_finds_image_texts_across_format_characters()
    {
        var m = Marker();
        var image = (await factory.Writer().PostOkAsync("/api/v1/images", new
        {
            url = $"https://cdn.example.com/{m}.jpg", altText = $"{m} 台北\u200B市", credit = "Ph\u00ADoto", mimeType = "image/jpeg",
        })).Id();

        foreach (var q in new[] { $"{m} 台北市", "ph\u00ADoto", "photo" })
        {
            var list = await factory.Writer().GetJsonAsync($"/api/v1/images?q={Uri.EscapeDataString(q)}&limit=100");
            Assert.Contains(image, list.ItemIds());
        }
    }

    [Theory]
    [InlineData("tags")]
    [InlineData("authors")]
    public async Task Q_keeps_the_lists_sort_and_pages_by_cursor(string collection)
    {
        var m = Marker();
        var names = new[] { $"{m} delta", $"{m} alpha", $"{m} charlie", $"{m} bravo" };
        var ids = new Dictionary<string, long>();
        foreach (var name in names)
        {
            ids[name] = await CreateAsync(collection, name);
        }

        var seen = await PagesAsync(factory.Reader(), $"/api/v1/{collection}?q={m}&limit=1");
        Assert.Equal(names.Order(StringComparer.Ordinal).Select(n => ids[n]), seen);
    }

    [Theory]
    [InlineData("tags")]
    [InlineData("authors")]
    public async Task Q_never_finds_what_anonymous_callers_may_not_see(string collection)
    {
        var m = Marker();
        var hidden = await CreateAsync(collection, $"{m} hidden");
        var shown = await CreateAsync(collection, $"{m} shown");
        await _content.PublishWithAsync(collection, shown);
        await _content.ArticleAsync(new() { [collection == "tags" ? "tagIds" : "authorIds"] = new[] { hidden }, ["status"] = "draft" });

        var anonymous = await factory.Anonymous().GetJsonAsync($"/api/v1/{collection}?q={m}");
        Assert.Equal([shown], anonymous.ItemIds());
        Assert.Equal(1, anonymous.Total());
        Assert.Empty((await factory.Anonymous().GetJsonAsync($"/api/v1/{collection}?q={Uri.EscapeDataString($"{m} hid")}")).ItemIds());

        var keyed = await factory.Reader().GetJsonAsync($"/api/v1/{collection}?q={m}");
        Assert.Equal(new[] { hidden, shown }, keyed.ItemIds());
    }

    [Fact]
    public async Task Q_finds_images_by_alt_text_caption_or_credit()
    {
        var m = Marker();
        var writer = factory.Writer();
        var byAlt = (await writer.PostOkAsync("/api/v1/images", Image(alt: $"{m} Cafe\u0301 at night"))).Id();
        var byCaption = (await writer.PostOkAsync("/api/v1/images", Image(caption: $"{m} 大型語言模型發布會"))).Id();
        var byCredit = (await writer.PostOkAsync("/api/v1/images", Image(credit: $"圖源:ＩＦＡＮＲ {m}"))).Id();

        foreach (var (q, expected) in new (string, long[])[]
        {
            ($"{m} café", [byAlt]), ("語言模型發布", [byCaption]), ($"ifanr {m}", [byCredit]), (Wide($"IFANR {m}"), [byCredit]),
            (m, [byCredit, byCaption, byAlt]),
        })
        {
            var list = await factory.Reader().GetJsonAsync($"/api/v1/images?q={Uri.EscapeDataString(q)}");
            Assert.True(expected.SequenceEqual(list.ItemIds()), $"images?q={q}: {list.ToJsonString()}");
            Assert.Equal(expected.Length, list.Total());
        }

        // None is shown by published content yet.
        Assert.Empty((await factory.Anonymous().GetJsonAsync($"/api/v1/images?q={m}")).ItemIds());
        await _content.ArticleAsync(new() { ["coverImageId"] = byCaption });
        Assert.Equal([byCaption], (await factory.Anonymous().GetJsonAsync($"/api/v1/images?q={m}")).ItemIds());

        object Image(string alt = "示意圖", string? caption = null, string? credit = null) => new
        {
            url = $"https://images.example.com/{Guid.NewGuid():N}.jpg",
            altText = alt,
            caption,
            credit,
            mimeType = "image/jpeg",
        };
    }

    /// <summary>
    /// Two articles carry the first, one (and a scheduled one, which the count leaves out) each of the next three, none
    /// the last: ties are broken by id in the sort's direction, across pages of one.
    /// </summary>
    [Theory]
    [InlineData("tags")]
    [InlineData("authors")]
    public async Task Sort_by_published_article_count_breaks_ties_by_id_across_pages(string collection)
    {
        var m = Marker();
        var field = collection == "tags" ? "tagIds" : "authorIds";
        var two = await CreateAsync(collection, $"{m} two");
        var ones = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            ones.Add(await CreateAsync(collection, $"{m} one {i}"));
        }
        var none = await CreateAsync(collection, $"{m} none");
        await _content.ArticleAsync(new() { [field] = new[] { two } });
        await _content.ArticleAsync(new() { [field] = new[] { two, ones[0] } });
        await _content.ArticleAsync(new() { [field] = new[] { ones[1] } });
        await _content.ArticleAsync(new() { [field] = new[] { ones[2] } });
        await _content.ArticleAsync(new() { [field] = new[] { ones[0] }, ["publishedAt"] = DateTimeOffset.UtcNow.AddDays(30) });

        var descending = await PagesAsync(factory.Reader(), $"/api/v1/{collection}?q={m}&sort=-publishedArticleCount&limit=1");
        Assert.Equal([two, ones[2], ones[1], ones[0], none], descending);
        var ascending = await PagesAsync(factory.Reader(), $"/api/v1/{collection}?q={m}&sort=publishedArticleCount&limit=2");
        Assert.Equal([none, ones[0], ones[1], ones[2], two], ascending);
        var anonymous = await PagesAsync(factory.Anonymous(), $"/api/v1/{collection}?q={m}&sort=-publishedArticleCount&limit=1");
        Assert.Equal([two, ones[2], ones[1], ones[0]], anonymous);

        var counts = await factory.Reader().GetJsonAsync($"/api/v1/{collection}?q={m}&sort=-publishedArticleCount");
        Assert.Equal([2L, 1, 1, 1, 0], counts["items"]!.AsArray().Select(i => i!["publishedArticleCount"]!.GetValue<long>()));
    }

    [Theory]
    [InlineData("tags")]
    [InlineData("authors")]
    public async Task A_count_sort_cursor_not_made_by_the_api_is_400(string collection)
    {
        var forged = Convert.ToBase64String(Encoding.UTF8.GetBytes("[\"-publishedArticleCount\",\"x\",\"1\"]")).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var errors = await factory.Reader().GetErrorsAsync($"/api/v1/{collection}?sort=-publishedArticleCount&cursor={forged}");
        Assert.Contains("cursor", errors.Message("cursor"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/tags?q=", "empty")]
    [InlineData("/api/v1/authors?q=%20", "empty")]
    [InlineData("/api/v1/images?q=", "empty")]
    [InlineData("/api/v1/tags?q=%E2%80%8B", "visible")]
    [InlineData("/api/v1/authors?q=a%00b", "control")]
    [InlineData("/api/v1/images?q=a%0Ab", "line")]
    public async Task An_empty_invisible_or_controlled_q_is_400(string url, string said)
    {
        var errors = await factory.Anonymous().GetErrorsAsync(url);
        Assert.Contains(said, errors.Message("q"), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("tags")]
    [InlineData("authors")]
    [InlineData("images")]
    public async Task A_q_of_more_than_100_characters_is_400(string collection)
    {
        Assert.NotEmpty((await factory.Anonymous().GetJsonAsync($"/api/v1/{collection}?q={new string('字', 100)}"))["page"]!.AsObject());
        var errors = await factory.Anonymous().GetErrorsAsync($"/api/v1/{collection}?q={new string('字', 101)}");
        Assert.Contains("100", errors.Message("q"), StringComparison.Ordinal);
    }

    private async Task<long> CreateAsync(string collection, string name, string? slug = null) =>
        (await factory.Writer().PostOkAsync($"/api/v1/{collection}", slug is null ? new { name } : new { name, slug })).Id();

    private static async Task<List<long>> PagesAsync(HttpClient client, string url)
    {
        var seen = new List<long>();
        JsonObject page = await client.GetJsonAsync(url);
        seen.AddRange(page.ItemIds());
        while (page.NextCursor() is { } cursor)
        {
            page = await client.GetJsonAsync($"{url}&cursor={cursor}");
            seen.AddRange(page.ItemIds());
        }
        return seen;
    }

    /// <summary>A text of lowercase letters no name holds by chance.</summary>
    private static string Marker() => "zq" + string.Concat(Guid.NewGuid().ToString("N")[..8].Select(c => (char)('a' + Convert.ToInt32(c.ToString(), 16))));

    /// <summary>The text in full-width forms (ＡＩ for AI), which NFKC folds back.</summary>
    private static string Wide(string text) => string.Concat(text.Select(c => c is > ' ' and <= '~' ? (char)(c + 0xFEE0) : c == ' ' ? '\u3000' : c));
}
