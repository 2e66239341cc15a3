using System.Net;
using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Reading;

/// <summary>
/// <c>imageId</c> lists the articles that show an image, as their cover, placed in their body or as an author's avatar (editorial review):
/// replacing an image's file, caption or credit changes every article showing it, and the only way to learn which was
/// <c>DELETE /images/{id}</c>, whose 409 lists 20 (and which deletes an image no article uses). It is a list like
/// <c>tagId</c>: ids alone, any of them, combined with every other filter, keeping visibility.
/// </summary>
public sealed class ImageIdFilterTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly TestContent _content = new(factory.Writer());

    private static readonly string[] Lists = ["/api/v1/articles?", "/api/v1/search?q=pictured&"];

    /// <summary>An article published a day after 2024-01-01 for each <paramref name="day"/>, with a cover and inline images as given.</summary>
    private async Task<long> ArticleAsync(long? cover = null, long[]? inline = null, int day = 0, Dictionary<string, object?>? extra = null)
    {
        var fields = new Dictionary<string, object?>
        {
            ["body"] = "Pictured here.\n\n" + string.Join("\n\n", (inline ?? []).Select(id => $"![photo](image:{id})\n圖源:ifanr")),
            ["publishedAt"] = new DateTimeOffset(2024, 1, 1 + day, 0, 0, 0, TimeSpan.Zero),
            ["coverImageId"] = cover,
            ["imageIds"] = inline ?? [],
        };
        foreach (var (key, value) in extra ?? [])
        {
            fields[key] = value;
        }
        return (await _content.ArticleAsync(fields)).Id();
    }

    [Fact]
    public async Task Articles_with_the_image_as_cover_or_placed_in_the_body_are_listed_once_each()
    {
        var (image, other) = (await _content.ImageAsync(), await _content.ImageAsync());
        var expected = new[] { await ArticleAsync(cover: image, day: 0), await ArticleAsync(inline: [image], day: 1), await ArticleAsync(cover: image, inline: [image, other], day: 2) };
        await ArticleAsync(cover: other, inline: [other], day: 3);

        foreach (var list in Lists)
        {
            var page = await factory.Anonymous().GetJsonAsync($"{list}imageId={image}&sort=publishedAt");
            Assert.Equal(expected, page.ItemIds());
            Assert.Equal(3, page.Total());
        }
    }

    /// <summary>
    /// An author's avatar is shown by every article crediting the author (its <c>authors</c> embed it, and an edit of the
    /// image moves their ETags), so a CDN purge or a sync after the image's edit, asking <c>imageId</c> as the README
    /// says, must get them: it got none, and every article page of the author kept the old photo.
    /// </summary>
    [Fact]
    public async Task Articles_crediting_an_author_whose_avatar_is_the_image_are_listed_once_each()
    {
        var (avatar, author) = (await _content.ImageAsync(), await _content.AuthorAsync());
        (await factory.Writer().PatchMergeAsync($"/api/v1/authors/{author}", new { avatarImageId = avatar })).EnsureSuccessStatusCode();
        var expected = new[]
        {
            await ArticleAsync(day: 0, extra: new() { ["authorIds"] = new[] { author } }),
            await ArticleAsync(cover: avatar, day: 1, extra: new() { ["authorIds"] = new[] { await _content.AuthorAsync(), author } }),
        };
        await ArticleAsync(day: 2);

        foreach (var list in Lists)
        {
            var page = await factory.Anonymous().GetJsonAsync($"{list}imageId={avatar}&sort=publishedAt");
            Assert.Equal(expected, page.ItemIds());
            Assert.Equal(2, page.Total());
        }
        var before = (await factory.Anonymous().GetAsync($"/api/v1/articles/{expected[0]}")).Headers.ETag;
        (await factory.Writer().PatchMergeAsync($"/api/v1/images/{avatar}", new { altText = "新的大頭照" })).EnsureSuccessStatusCode();
        Assert.NotEqual(before, (await factory.Anonymous().GetAsync($"/api/v1/articles/{expected[0]}")).Headers.ETag);
    }

    [Fact]
    public async Task A_list_of_ids_takes_the_articles_of_any_of_them()
    {
        var (first, second, unused) = (await _content.ImageAsync(), await _content.ImageAsync(), await _content.ImageAsync());
        var expected = new[] { await ArticleAsync(cover: first, day: 0), await ArticleAsync(cover: second, inline: [first], day: 1), await ArticleAsync(inline: [second], day: 2) };

        foreach (var ids in new[] { $"imageId={second},{first}", $"imageId={first}&imageId={second}", $"imageId={first},{unused},{long.MaxValue}&imageId={second}" })
        {
            var page = await factory.Anonymous().GetJsonAsync($"/api/v1/articles?{ids}&sort=publishedAt");
            Assert.Equal(expected, page.ItemIds());
            Assert.Equal(3, page.Total());
        }
        Assert.Empty((await factory.Anonymous().GetJsonAsync($"/api/v1/articles?imageId={unused}")).ItemIds());
    }

    [Fact]
    public async Task Anonymous_callers_see_only_live_articles_and_key_holders_see_drafts_and_scheduled_ones()
    {
        var image = await _content.ImageAsync();
        var live = await ArticleAsync(cover: image);
        var draft = await ArticleAsync(inline: [image], extra: new() { ["status"] = "draft", ["publishedAt"] = null });
        var scheduled = await ArticleAsync(cover: image, extra: new() { ["publishedAt"] = DateTimeOffset.UtcNow.AddYears(5) });
        var hidden = await _content.ImageAsync();
        await ArticleAsync(cover: hidden, extra: new() { ["status"] = "draft", ["publishedAt"] = null });

        foreach (var list in Lists)
        {
            var anonymous = await factory.Anonymous().GetJsonAsync($"{list}imageId={image}");
            Assert.Equal([live], anonymous.ItemIds());
            Assert.Equal(1, anonymous.Total());
            Assert.Empty((await factory.Anonymous().GetJsonAsync($"{list}imageId={hidden}")).ItemIds());
            Assert.Equal(new[] { live, draft, scheduled }.Order(), (await factory.Reader().GetJsonAsync($"{list}imageId={image}")).ItemIds().Order());
        }
        Assert.Equal([live], (await factory.Reader().GetJsonAsync($"/api/v1/articles?imageId={image}&status=published")).ItemIds());
        Assert.Equal([draft], (await factory.Reader().GetJsonAsync($"/api/v1/articles?imageId={image}&status=draft")).ItemIds());
        Assert.Equal([scheduled], (await factory.Reader().GetJsonAsync($"/api/v1/articles?imageId={image}&status=scheduled")).ItemIds());
    }

    [Theory]
    [InlineData("0", "'0'")]
    [InlineData("-1", "'-1'")]
    [InlineData("007", "'007'")]
    [InlineData("abc", "'abc'")]
    [InlineData("1,,2", "empty")]
    [InlineData("", "empty")]
    [InlineData("100,101,102,103,104,105,106,107,108,109,110,111,112,113,114,115,116,117,118,119,120,99999999999999999999", "'99999999999999999999'")]
    public async Task A_bad_id_is_a_400_naming_it(string ids, string named)
    {
        foreach (var list in Lists)
        {
            var errors = await factory.Anonymous().GetErrorsAsync($"{list}imageId={ids}");
            Assert.Contains(named, errors.Message("imageId"), StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// The 100 ids are all read: the image is the 100th, after 99 that no image has. (It checked only that a list came
    /// back, as it would with the filter ignored or cut short.)
    /// </summary>
    [Fact]
    public async Task More_than_100_ids_is_a_400_and_100_are_taken()
    {
        var many = string.Join(',', Enumerable.Range(1, 101));
        Assert.Contains("100", (await factory.Anonymous().GetErrorsAsync($"/api/v1/articles?imageId={many}")).Message("imageId"), StringComparison.Ordinal);
        Assert.Contains("100", (await factory.Anonymous().GetErrorsAsync($"/api/v1/search?q=x&imageId={many}")).Message("imageId"), StringComparison.Ordinal);

        var image = await _content.ImageAsync();
        var shown = await ArticleAsync(cover: image);
        await ArticleAsync();
        var hundred = string.Join(',', Enumerable.Range(1, 99).Select(i => image + i).Append(image));
        foreach (var list in Lists)
        {
            var page = await factory.Anonymous().GetJsonAsync($"{list}imageId={hundred}");
            Assert.Equal([shown], page.ItemIds());
            Assert.Equal(1, page.Total());
        }
    }

    /// <summary>
    /// Each filter narrows the list: every other article fails one filter only (the first shows no image), and comes back
    /// when that filter is left out. (It showed no author filter narrowing anything: every article showing the image was
    /// by the author asked for.)
    /// </summary>
    [Fact]
    public async Task The_image_filter_combines_with_tags_authors_dates_and_language_each_narrowing_the_list()
    {
        var image = await _content.ImageAsync();
        var (tag, author) = (await _content.TagAsync(), await _content.AuthorAsync());
        Dictionary<string, object?> With(long[]? tags = null, long? by = null, string language = "en") =>
            new() { ["tagIds"] = tags ?? new[] { tag }, ["authorIds"] = new[] { by ?? author }, ["language"] = language };
        var match = await ArticleAsync(cover: image, day: 0, extra: With());
        var byAnother = await ArticleAsync(cover: image, day: 0, extra: With(by: await _content.AuthorAsync()));
        var narrowing = new (string Filter, long Excluded)[]
        {
            ($"imageId={image}", await ArticleAsync(day: 0, extra: With())),
            ($"tagId={tag}", await ArticleAsync(inline: [image], day: 0, extra: With(tags: []))),
            ($"authorId={author}", byAnother),
            ("publishedBefore=2024-01-02", await ArticleAsync(inline: [image], day: 1, extra: With())),
            ("language=en", await ArticleAsync(cover: image, day: 0, extra: With(language: "zh-Hant"))),
        };

        foreach (var list in Lists)
        {
            foreach (var byAuthor in new[] { $"authorId={author}", $"author={author}" })
            {
                var filters = narrowing.Select(n => n.Excluded == byAnother ? (Filter: byAuthor, n.Excluded) : n).ToList();
                var page = await factory.Anonymous().GetJsonAsync(list + string.Join('&', filters.Select(f => f.Filter)));
                Assert.Equal([match], page.ItemIds());
                Assert.Equal(1, page.Total());
                foreach (var (left, excluded) in filters)
                {
                    var without = list + string.Join('&', filters.Where(f => f.Filter != left).Select(f => f.Filter));
                    Assert.Equal(new[] { match, excluded }.Order(), (await factory.Anonymous().GetJsonAsync(without)).ItemIds().Order());
                }
            }
        }
    }

    [Fact]
    public async Task Cursor_pages_go_through_the_filter_and_a_write_placing_or_removing_the_image_is_seen_by_the_next_read()
    {
        var (image, other) = (await _content.ImageAsync(), await _content.ImageAsync());
        var articles = new List<long>();
        for (var day = 0; day < 5; day++)
        {
            articles.Add(day % 2 == 0 ? await ArticleAsync(cover: image, day: day) : await ArticleAsync(inline: [image], day: day));
        }
        var elsewhere = await ArticleAsync(cover: other, day: 5);
        var start = $"/api/v1/articles?imageId={image}&limit=2&sort=publishedAt";
        var seen = await factory.Anonymous().IdsOfEveryPageAsync(start, 5);
        Assert.Equal(articles, seen);

        var whole = $"/api/v1/articles?imageId={image}&sort=publishedAt";
        var etag = (await factory.Anonymous().GetAsync(whole)).Headers.ETag;
        Assert.NotNull(etag);
        using (var again = new HttpRequestMessage(HttpMethod.Get, whole))
        {
            again.Headers.IfNoneMatch.Add(etag);
            Assert.Equal(HttpStatusCode.NotModified, (await factory.Anonymous().SendAsync(again)).StatusCode);
        }

        (await factory.Writer().PatchMergeAsync($"/api/v1/articles/{elsewhere}", new { body = $"Pictured here.\n\n![photo](image:{image})", imageIds = new[] { image } })).EnsureSuccessStatusCode();
        var placed = await factory.Anonymous().GetAsync(whole);
        Assert.NotEqual(etag, placed.Headers.ETag);
        Assert.Equal([.. articles, elsewhere], (await placed.AssertJsonAsync()).ItemIds());

        (await factory.Writer().PatchMergeAsync($"/api/v1/articles/{articles[0]}", new { coverImageId = (long?)null })).EnsureSuccessStatusCode();
        (await factory.Writer().PatchMergeAsync($"/api/v1/articles/{articles[1]}", new { body = "Pictured here.", imageIds = Array.Empty<long>() })).EnsureSuccessStatusCode();
        Assert.Equal([.. articles.Skip(2), elsewhere], (await factory.Anonymous().GetJsonAsync(whole)).ItemIds());
    }
}
