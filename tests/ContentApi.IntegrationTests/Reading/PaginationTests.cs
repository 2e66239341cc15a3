using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Dapper;
using ContentApi.Http.Binding;
using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Reading;

/// <summary>
/// 300 published articles by one author, created through the API, with deliberately few distinct titles and
/// publishedAt values (ties everywhere), plus drafts that tests may publish while others page.
/// </summary>
public sealed class ThreeHundredArticles : IAsyncLifetime
{
    public const int Published = 300;
    public const int Titles = 25;
    public const int Instants = 20;
    public static readonly DateTimeOffset FirstInstant = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public ApiFactory Factory { get; } = new();
    public long Author { get; private set; }
    public IReadOnlyList<long> Ids { get; private set; } = [];

    public static string Title(int i) => $"Title {i % Titles:D2}";

    public static DateTimeOffset PublishedAt(int i) => FirstInstant.AddHours(i % Instants);

    public async Task InitializeAsync()
    {
        var writer = Factory.Writer();
        Author = await new TestContent(writer).AuthorAsync();
        var ids = new long[Published];
        await Parallel.ForEachAsync(Enumerable.Range(0, Published), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
            ids[i] = (await writer.CreateArticleAsync([Author], new() { ["title"] = Title(i), ["publishedAt"] = PublishedAt(i) })).Id());
        Ids = ids;
    }

    /// <summary>Publishes <paramref name="count"/> more articles whose titles and instants tie with existing ones.</summary>
    public Task PublishMoreAsync(int seed, int count) =>
        Parallel.ForEachAsync(Enumerable.Range(0, count), async (k, _) =>
            await Factory.Writer().CreateArticleAsync([Author], new() { ["title"] = Title(seed * 7 + k), ["publishedAt"] = PublishedAt(seed * 3 + k) }));

    public Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>Pagination frontends can trust: keyset cursors that neither skip nor repeat, Link headers, totals, page numbers.</summary>
public sealed class PaginationTests(ThreeHundredArticles data) : IClassFixture<ThreeHundredArticles>
{
    private ApiFactory Factory => data.Factory;

    private sealed record Walked(List<JsonObject> Items, int Pages);

    /// <summary>Follows rel="next" links from <paramref name="url"/> to the end, publishing more articles while each page is read.</summary>
    private async Task<Walked> WalkAsync(string url, HttpClient client, bool publishWhileWalking)
    {
        var items = new List<JsonObject>();
        var pages = 0;
        for (string? next = url; next is not null; pages++)
        {
            var publishing = publishWhileWalking ? data.PublishMoreAsync(pages, 2) : Task.CompletedTask;
            var response = await client.GetAsync(next);
            await publishing;
            var body = await response.AssertJsonAsync();
            Assert.True(body.Total() >= ThreeHundredArticles.Published, "every page reports the total");
            items.AddRange(body["items"]!.AsArray().Select(i => i!.AsObject()));
            next = response.NextLink();
            Assert.Equal(body.NextCursor() is null, next is null);
            if (next is not null)
            {
                Assert.StartsWith("/api/v1/articles?", next, StringComparison.Ordinal);
                Assert.Contains("cursor=" + Uri.EscapeDataString(body.NextCursor()!), next, StringComparison.Ordinal);
            }
            Assert.True(pages < 100, "the walk must end");
        }
        return new Walked(items, pages);
    }

    /// <summary>Every article that existed before the walk appears exactly once, nothing appears twice, in (key, id) order.</summary>
    private void AssertCompleteAndOrdered(Walked walked, string key, bool descending)
    {
        var ids = walked.Items.Select(i => i.Id()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        var missing = data.Ids.Except(ids).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} articles were skipped, e.g. {string.Join(", ", missing.Take(5))}");
        for (var n = 1; n < walked.Items.Count; n++)
        {
            var (previous, current) = (walked.Items[n - 1], walked.Items[n]);
            var order = string.CompareOrdinal(previous.Text(key), current.Text(key));
            order = order != 0 ? order : previous.Id().CompareTo(current.Id());
            Assert.True(descending ? order > 0 : order < 0, $"items {n - 1} and {n} are out of order: {previous.ToJsonString()} / {current.ToJsonString()}");
        }
    }

    [Theory]
    [InlineData("", "publishedAt", true)]
    [InlineData("&sort=-publishedAt", "publishedAt", true)]
    [InlineData("&sort=publishedAt", "publishedAt", false)]
    [InlineData("&sort=title", "title", false)]
    [InlineData("&sort=-title", "title", true)]
    public async Task Cursor_walk_while_articles_are_published_skips_and_repeats_nothing(string sort, string key, bool descending)
    {
        var walked = await WalkAsync($"/api/v1/articles?author={data.Author}&limit=37&fields=id,title,publishedAt{sort}", Factory.Anonymous(), publishWhileWalking: true);
        AssertCompleteAndOrdered(walked, key, descending);
        Assert.InRange(walked.Pages, ThreeHundredArticles.Published / 37, 100);
    }

    [Fact]
    public async Task Cursor_walk_with_a_read_key_orders_drafts_by_creation_among_the_published()
    {
        var writer = Factory.Writer();
        var drafts = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            drafts.Add((await writer.CreateArticleAsync([data.Author], new() { ["status"] = "draft" })).Id());
        }
        var walked = await WalkAsync($"/api/v1/articles?author={data.Author}&limit=50&fields=id,createdAt,publishedAt&sort=-publishedAt", Factory.Reader(), publishWhileWalking: false);
        var ids = walked.Items.Select(i => i.Id()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Empty(data.Ids.Concat(drafts).Except(ids));
        // Drafts have no publishedAt: they sort by createdAt, i.e. now, ahead of everything published in 2025.
        Assert.Equal(Enumerable.Reverse(drafts), ids.Where(drafts.Contains));
        Assert.All(walked.Items.Where(i => drafts.Contains(i.Id())), d => Assert.Null(d["publishedAt"]));
    }

    [Fact]
    public async Task First_page_has_total_next_cursor_and_an_RFC_8288_next_link_keeping_the_query()
    {
        var response = await Factory.Anonymous().GetAsync($"/api/v1/articles?author={data.Author}&sort=title&limit=10&fields=id,title");
        var body = await response.AssertJsonAsync();
        Assert.Equal(10, body.ItemIds().Count);
        Assert.Equal(10, body["page"]!["limit"]!.GetValue<int>());
        Assert.True(body.Total() >= ThreeHundredArticles.Published);
        var header = Assert.Single(response.Headers.GetValues("Link"));
        Assert.Matches("^<[^>]+>; rel=\"next\"$", header);
        var next = response.NextLink()!;
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(new Uri("http://x"), next).Query);
        Assert.Equal(data.Author.ToString(CultureInfo.InvariantCulture), query["author"].ToString());
        Assert.Equal("title", query["sort"].ToString());
        Assert.Equal("10", query["limit"].ToString());
        Assert.Equal("id,title", query["fields"].ToString());
        Assert.Equal(body.NextCursor(), query["cursor"].ToString());
    }

    [Fact]
    public async Task Link_targets_hold_no_raw_commas_or_semicolons_which_link_parsers_split_on()
    {
        var response = await Factory.Anonymous().GetAsync($"/api/v1/articles?author={data.Author}&limit=2&page=2&fields=id,title");
        var header = Assert.Single(response.Headers.GetValues("Link"));
        var links = header.Split(", <");
        Assert.Equal(4, links.Length); // next, first, prev, last: split where the header separates them, and nowhere else
        Assert.All(links, link => Assert.DoesNotContain(";", link[..link.IndexOf('>', StringComparison.Ordinal)], StringComparison.Ordinal));
        Assert.Contains("fields=id%2Ctitle", header, StringComparison.Ordinal);
        var next = await Factory.Anonymous().GetJsonAsync(response.NextLink()!);
        Assert.Equal(["id", "title"], next["items"]![0]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public async Task Last_page_has_no_next_cursor_and_no_link()
    {
        var author = await new TestContent(Factory.Writer()).AuthorAsync();
        await Factory.Writer().CreateArticleAsync([author]);
        var response = await Factory.Anonymous().GetAsync($"/api/v1/articles?author={author}&limit=1");
        var body = await response.AssertJsonAsync();
        Assert.Single(body.ItemIds());
        Assert.Equal(1, body.Total());
        Assert.True(body["page"]!.AsObject().ContainsKey("nextCursor"));
        Assert.Null(body.NextCursor());
        Assert.False(response.Headers.Contains("Link"));
    }

    /// <summary>
    /// A cursor carries the last row's sort value: with titles of 300 characters beyond the Basic Multilingual Plane
    /// (the longest allowed), escaped as "\\uD842\\uDFB7" in the cursor's JSON, the cursor the API issued was longer
    /// than the 1,024 characters it accepts back, and the Link it built was longer than its own URL limit (414). The
    /// request with that cursor is within it; its Link, past <see cref="ContentApi.Http.Lists.LinkHeader.MaxLength"/>, is left out.
    /// </summary>
    [Theory]
    [InlineData("𠮷", 256)]
    [InlineData("長", 256)]
    [InlineData("\"", 0)]
    public async Task Cursor_after_the_longest_titles_leads_to_the_next_page_within_the_URL_limit(string character, int searchLength)
    {
        var writer = Factory.Writer();
        var author = await new TestContent(writer).AuthorAsync();
        // The longest name, and each case's own (tag names are unique).
        var tag = await new TestContent(writer).TagAsync(name: string.Concat(Enumerable.Repeat("長", 99)) + character);
        var title = string.Concat(Enumerable.Repeat(character, 299));
        for (var i = 0; i < 3; i++)
        {
            await writer.CreateArticleAsync([author], new() { ["title"] = title + i, ["tagIds"] = new JsonArray(tag) });
        }
        var client = Factory.Anonymous();
        var tagSlug = (await client.GetJsonAsync($"/api/v1/tags/{tag}"))["slug"]!.GetValue<string>();
        var search = searchLength == 0 ? "" : "&q=" + Uri.EscapeDataString(string.Concat(Enumerable.Repeat(character, searchLength)));
        var first = await client.GetAsync($"/api/v1/articles?author={author}&tag={Uri.EscapeDataString(tagSlug)}&sort=title&limit=1&fields=id,title{search}");
        var firstPage = await first.AssertJsonAsync();
        Assert.Equal(title + "0", firstPage["items"]![0]!["title"]!.GetValue<string>());
        var next = first.NextLink() ?? $"{first.RequestMessage!.RequestUri!.PathAndQuery}&cursor={firstPage.NextCursor()}";
        Assert.True(next.Length <= 8192, $"the next link has {next.Length} characters");
        var second = await (await client.GetAsync(next)).AssertJsonAsync();
        Assert.Equal(title + "1", second["items"]![0]!["title"]!.GetValue<string>());
    }

    /// <summary>
    /// A title stored under earlier rules or by SQL may pass today's 300 characters: the cursor the API issued after
    /// one of 1,100 Chinese characters (about 4,400 characters of base64url) was refused as too long, though its URL
    /// was well within the URL limit, so the list could not be read past it.
    /// </summary>
    [Fact]
    public async Task Cursor_after_a_title_longer_than_today_allows_leads_to_the_next_page()
    {
        var writer = Factory.Writer();
        var author = await new TestContent(writer).AuthorAsync();
        var title = string.Concat(Enumerable.Repeat("長", 1_100));
        var ids = new List<long>();
        for (var i = 0; i < 2; i++)
        {
            ids.Add((await writer.CreateArticleAsync([author], new() { ["title"] = $"Stored {i}" })).Id());
        }
        await using (var db = Factory.OpenDatabase())
        {
            await db.ExecuteAsync("UPDATE articles SET title = @Title || substr(title, -1) WHERE id IN @Ids", new { Title = title, Ids = ids });
        }

        var client = Factory.Anonymous();
        var first = await client.GetAsync($"/api/v1/articles?author={author}&sort=title&limit=1&fields=id,title");
        var firstPage = await first.AssertJsonAsync();
        Assert.Equal(title + "0", firstPage["items"]![0]!["title"]!.GetValue<string>());
        var cursor = firstPage.NextCursor()!;
        Assert.True(cursor.Length > 4096, $"the cursor has {cursor.Length} characters");
        var second = await (await client.GetAsync($"/api/v1/articles?author={author}&sort=title&limit=1&fields=id,title&cursor={cursor}")).AssertJsonAsync();
        Assert.Equal(title + "1", second["items"]![0]!["title"]!.GetValue<string>());
    }

    /// <summary>
    /// Every link repeats the request's query: with a hundred long slugs, a numbered page's four links made a header of
    /// about 20 KB, and proxies refuse a response whose headers pass their buffer (nginx: 4 KB), answering 502 instead.
    /// </summary>
    [Theory]
    [InlineData(0, 4)]   // a short query: next, first, prev and last
    [InlineData(15, 2)]  // about 0.7 KB of query: next and first
    [InlineData(60, 0)]  // about 2.6 KB: none fits; the body's nextCursor still leads on
    public async Task Link_is_kept_within_what_proxies_take_leaving_out_links_from_the_last(int absentSlugs, int links)
    {
        var content = new TestContent(Factory.Writer());
        var nonce = Guid.NewGuid().ToString("N")[..8];
        var tags = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var tag = await content.TagAsync(name: $"link budget {nonce} {i}");
            await content.PublishWithAsync("tags", tag);
            tags.Add((await Factory.Anonymous().GetJsonAsync($"/api/v1/tags/{tag}"))["slug"]!.GetValue<string>());
        }
        var slugs = tags.Concat(Enumerable.Range(0, absentSlugs).Select(i => $"no-tag-has-this-slug-{nonce}-{i:D3}"));
        var response = await Factory.Anonymous().GetAsync($"/api/v1/tags?sort=name&limit=2&page=2&slug={string.Join(",", slugs)}");

        var body = await response.AssertJsonAsync();
        Assert.Equal(6, body.Total());
        var header = response.Headers.TryGetValues("Link", out var values) ? Assert.Single(values) : "";
        Assert.True(header.Length <= ContentApi.Http.Lists.LinkHeader.MaxLength, $"Link of {header.Length} bytes");
        string[] kept = [.. new[] { "next", "first", "prev", "last" }.Where(rel => response.LinkTo(rel) is not null)];
        Assert.Equal(new[] { "next", "first", "prev", "last" }.Take(links), kept);
        Assert.NotNull(body.NextCursor());
    }

    [Fact]
    public async Task Numbered_page_returns_that_slice_and_links_on_by_cursor()
    {
        var client = Factory.Anonymous();
        var baseUrl = $"/api/v1/articles?author={data.Author}&sort=title&fields=id,title";
        var firstForty = (await client.GetJsonAsync(baseUrl + "&limit=40")).ItemIds();

        var third = await client.GetAsync(baseUrl + "&limit=10&page=3");
        var thirdBody = await third.AssertJsonAsync();
        Assert.Equal(firstForty.Skip(20).Take(10), thirdBody.ItemIds());
        Assert.True(thirdBody.Total() >= ThreeHundredArticles.Published);
        var next = third.NextLink()!;
        Assert.DoesNotContain("page=", next, StringComparison.Ordinal);
        Assert.Equal(firstForty.Skip(30).Take(10), (await client.GetJsonAsync(next)).ItemIds());

        var beyond = await client.GetJsonAsync(baseUrl + "&limit=100&page=1000");
        Assert.Empty(beyond.ItemIds());
        Assert.Null(beyond.NextCursor());
        Assert.True(beyond.Total() >= ThreeHundredArticles.Published);
    }

    [Fact]
    public async Task Numbered_pages_link_to_the_first_previous_and_last_pages_and_cursor_pages_to_the_first()
    {
        var writer = Factory.Writer();
        var author = await new TestContent(writer).AuthorAsync();
        for (var i = 0; i < 7; i++)
        {
            await writer.CreateArticleAsync([author]);
        }
        var client = Factory.Anonymous();
        var baseUrl = $"/api/v1/articles?author={author}&fields=id";
        var all = (await client.GetJsonAsync(baseUrl + "&limit=100")).ItemIds();
        Assert.Equal(7, all.Count);

        var third = await client.GetAsync(baseUrl + "&limit=2&page=3");
        Assert.Equal(all.Skip(4).Take(2), (await third.AssertJsonAsync()).ItemIds());
        Assert.Equal(baseUrl + "&limit=2&page=2", third.LinkTo("prev"));
        Assert.Equal(baseUrl + "&limit=2&page=4", third.LinkTo("last"));
        Assert.Equal(baseUrl + "&limit=2", third.LinkTo("first"));
        Assert.Equal(all.Skip(2).Take(2), (await client.GetJsonAsync(third.LinkTo("prev")!)).ItemIds());
        Assert.Equal(all.Skip(6), (await client.GetJsonAsync(third.LinkTo("last")!)).ItemIds());
        Assert.Equal(all.Take(2), (await client.GetJsonAsync(third.LinkTo("first")!)).ItemIds());

        var second = await client.GetAsync(baseUrl + "&limit=2&page=2");
        Assert.Equal(baseUrl + "&limit=2", second.LinkTo("prev")); // page 1 has one URL: the first page's
        var pageOne = await client.GetAsync(baseUrl + "&limit=2&page=1");
        Assert.Null(pageOne.LinkTo("prev"));
        Assert.Null(pageOne.LinkTo("first"));
        Assert.Equal(baseUrl + "&limit=2&page=4", pageOne.LinkTo("last"));

        var beyond = await client.GetAsync(baseUrl + "&limit=2&page=9");
        Assert.Empty((await beyond.AssertJsonAsync()).ItemIds());
        Assert.Null(beyond.NextLink());
        Assert.Equal(baseUrl + "&limit=2&page=4", beyond.LinkTo("prev"));

        var firstByCursor = await client.GetAsync(baseUrl + "&limit=2");
        Assert.Null(firstByCursor.LinkTo("first"));
        Assert.Null(firstByCursor.LinkTo("last"));
        var secondByCursor = await client.GetAsync(firstByCursor.NextLink()!);
        Assert.Equal(all.Skip(2).Take(2), (await secondByCursor.AssertJsonAsync()).ItemIds());
        Assert.Equal(baseUrl + "&limit=2", secondByCursor.LinkTo("first"));
        Assert.Null(secondByCursor.LinkTo("prev"));
    }

    [Theory]
    [InlineData("cursor=garbage")]
    [InlineData("cursor=%25%25%25")]
    [InlineData("cursor=WyItcHVibGlzaGVkQXQiXQ")] // ["-publishedAt"]: valid base64url JSON, wrong shape
    [InlineData("cursor=WyItcHVibGlzaGVkQXQiLG51bGwsIngiXQ")] // ["-publishedAt",null,"x"]: id is not a number
    [InlineData("cursor=")]
    public async Task Invalid_cursor_is_400(string query)
    {
        var errors = await Factory.Anonymous().GetErrorsAsync($"/api/v1/articles?{query}");
        Assert.Contains("nextCursor", errors.Message("cursor"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cursor_made_for_one_sort_is_400_under_another_and_with_a_page_number()
    {
        var client = Factory.Anonymous();
        var byTitle = (await client.GetJsonAsync($"/api/v1/articles?author={data.Author}&sort=title&limit=5")).NextCursor()!;
        var newest = (await client.GetJsonAsync($"/api/v1/articles?author={data.Author}&limit=5")).NextCursor()!;

        foreach (var url in new[]
        {
            $"/api/v1/articles?author={data.Author}&sort=-publishedAt&cursor={byTitle}",
            $"/api/v1/articles?author={data.Author}&cursor={byTitle}",
            $"/api/v1/articles?author={data.Author}&sort=-title&cursor={byTitle}",
            $"/api/v1/articles?author={data.Author}&sort=title&cursor={newest}",
        })
        {
            Assert.Contains("same sort", (await client.GetErrorsAsync(url)).Message("cursor"), StringComparison.Ordinal);
        }
        // The default sort is -publishedAt, so its cursor is valid with the sort spelled out.
        await client.GetJsonAsync($"/api/v1/articles?author={data.Author}&sort=-publishedAt&cursor={newest}");
        // A cursor of one resource is not a cursor of another.
        await (await client.GetAsync($"/api/v1/tags?cursor={newest}")).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("not both", (await client.GetErrorsAsync($"/api/v1/articles?sort=title&cursor={byTitle}&page=2")).Message("cursor"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/articles?limit=1&limit=2", "limit")]
    [InlineData("/api/v1/tags?page=1&PAGE=2", "page")]
    [InlineData("/api/v1/search?q=x&limit=5&limit=5", "limit")]
    [InlineData("/api/v1/articles?limit=1&limit=", "limit")]
    [InlineData("/api/v1/authors?page=&page=2", "page")]
    public async Task A_number_given_twice_is_400_saying_so(string url, string field)
    {
        var problem = await (await Factory.Anonymous().GetAsync(url)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal($"{field}: {UnknownQueryParameterFilter.RepeatedMessage}", problem["detail"]!.GetValue<string>());
        Assert.Equal(UnknownQueryParameterFilter.RepeatedMessage, problem["errors"]![field]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task A_route_id_that_is_not_a_number_says_so_even_with_a_repeated_query_parameter_of_its_name()
    {
        Assert.Equal("Must be an integer.", (await Factory.Anonymous().GetErrorsAsync("/api/v1/articles/abc?id=1&id=2")).Message("id"));
    }

    [Theory]
    [InlineData("/api/v1/articles?limit=0", "limit")]
    [InlineData("/api/v1/articles?limit=101", "limit")]
    [InlineData("/api/v1/tags?limit=-1", "limit")]
    [InlineData("/api/v1/authors?page=0", "page")]
    [InlineData("/api/v1/images?limit=ten", "limit")]
    public async Task Out_of_range_limit_or_page_is_400(string url, string field)
    {
        var response = await Factory.Anonymous().GetAsync(url);
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        if (problem["errors"] is JsonObject errors)
        {
            Assert.NotNull(errors[field]);
        }
    }

    [Theory]
    [InlineData("tags")]
    [InlineData("authors")]
    [InlineData("images")]
    public async Task Other_lists_walk_by_cursor_with_link_headers_too(string resource)
    {
        var client = Factory.Anonymous();
        var all = await client.GetJsonAsync($"/api/v1/{resource}?limit=100");
        var ids = new List<long>();
        var pages = 0;
        for (string? next = $"/api/v1/{resource}?limit=2"; next is not null && pages < 100; pages++)
        {
            var response = await client.GetAsync(next);
            ids.AddRange((await response.AssertJsonAsync()).ItemIds());
            next = response.NextLink();
        }
        Assert.Equal(all.ItemIds(), ids);
    }
}
