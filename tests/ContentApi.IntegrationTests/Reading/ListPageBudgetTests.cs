using System.Text.Json.Nodes;
using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Reading;

/// <summary>
/// A page of the article list or of search ends before the article whose text would take it past
/// <c>Limits:ListPageTextBytes</c> (each body counted once per rendering sent, and at least once: every article is
/// loaded with its body), and its cursor goes on from there: 40 of the longest bodies with every rendering made one
/// anonymous response of 181 MB (a security probe).
/// </summary>
public sealed class ListPageBudgetTests(ListPageBudgetTests.SmallPagesFactory factory) : IClassFixture<ListPageBudgetTests.SmallPagesFactory>
{
    public sealed class SmallPagesFactory : ApiFactory
    {
        /// <summary>Three bodies of <see cref="BodyBytes"/>, not four.</summary>
        public const int PageTextBytes = 10_000;

        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Limits:ListPageTextBytes"] = PageTextBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    /// <summary>1,000 Chinese characters: 3,000 bytes of UTF-8.</summary>
    private const int BodyBytes = 3_000;

    private const int Articles = 6;

    [Theory]
    [InlineData("")]
    [InlineData("&fields=id,title")] // the bodies are loaded all the same
    [InlineData("&page=1")]
    public async Task Pages_of_long_articles_end_at_the_budget_and_their_cursors_reach_every_article_once(string more)
    {
        var (tag, newestFirst) = await CreateArticlesAsync();

        var (pages, walked) = await WalkAsync($"/api/v1/articles?tag={tag}&limit=100{more}");

        Assert.Equal([3, 3], pages);
        Assert.Equal(newestFirst, walked);
    }

    [Theory]
    [InlineData("")]
    [InlineData("&sort=-publishedAt")]
    [InlineData("&fields=id,title,body")]
    public async Task Search_pages_end_at_the_budget_too(string more)
    {
        var (tag, newestFirst) = await CreateArticlesAsync();

        var (pages, walked) = await WalkAsync($"/api/v1/search?q={Uri.EscapeDataString(Word)}&tag={tag}&limit=100{more}");

        Assert.Equal([3, 3], pages);
        Assert.Equal(newestFirst.Order(), walked.Order());
    }

    [Fact]
    public async Task Every_rendering_sent_counts_and_a_page_holds_one_article_however_long()
    {
        var (tag, newestFirst) = await CreateArticlesAsync();

        // Markdown, HTML (counted twice) and plain text: 12,000 bytes an article, past the budget on its own.
        var (pages, walked) = await WalkAsync($"/api/v1/articles?tag={tag}&limit=100&format=html,text");

        Assert.Equal(Enumerable.Repeat(1, Articles), pages);
        Assert.Equal(newestFirst, walked);
    }

    [Fact]
    public async Task The_table_of_contents_counts_as_a_rendering()
    {
        var (tag, newestFirst) = await CreateArticlesAsync();

        // Markdown and toc: 6,000 bytes an article, two of them past the budget (a body of headings lists each again in its toc).
        var (pages, walked) = await WalkAsync($"/api/v1/articles?tag={tag}&limit=100&format=html&fields=id,body,toc");

        Assert.Equal(Enumerable.Repeat(1, Articles), pages);
        Assert.Equal(newestFirst, walked);
    }

    [Fact]
    public async Task A_cut_page_keeps_its_total_and_links_the_rest_by_cursor()
    {
        var (tag, _) = await CreateArticlesAsync();

        var response = await factory.Anonymous().GetAsync($"/api/v1/articles?tag={tag}&limit=100");
        var page = await response.AssertJsonAsync();

        Assert.Equal(3, page.ItemIds().Count);
        Assert.Equal(Articles, page.Total());
        Assert.Equal(100, page["page"]!["limit"]!.GetValue<int>());
        Assert.Contains("cursor=" + Uri.EscapeDataString(page.NextCursor()!), response.NextLink());
    }

    /// <summary>A two-character word every body is made of.</summary>
    private const string Word = "測試";

    /// <summary>Published articles of <see cref="BodyBytes"/> with a tag of their own (so each test sees only its own), newest first.</summary>
    private async Task<(long Tag, List<long> NewestFirst)> CreateArticlesAsync()
    {
        var writer = factory.Writer();
        var content = new TestContent(writer);
        var (author, tag) = (await content.AuthorAsync(), await content.TagAsync());
        var ids = new List<long>();
        for (var i = 0; i < Articles; i++)
        {
            var article = await writer.CreateArticleAsync([author], new()
            {
                ["tagIds"] = new[] { tag },
                ["body"] = string.Concat(Enumerable.Repeat("長文" + Word + "內容", BodyBytes / 18)),
                ["publishedAt"] = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero).AddHours(i),
            });
            ids.Insert(0, article.Id());
        }
        return (tag, ids);
    }

    private async Task<(List<int> Sizes, List<long> Ids)> WalkAsync(string firstPage)
    {
        var (sizes, ids) = (new List<int>(), new List<long>());
        var next = firstPage;
        while (true)
        {
            JsonObject page = await factory.Anonymous().GetJsonAsync(next);
            sizes.Add(page.ItemIds().Count);
            ids.AddRange(page.ItemIds());
            if (page.NextCursor() is not { } cursor)
            {
                return (sizes, ids);
            }
            next = $"{firstPage.Replace("&page=1", "", StringComparison.Ordinal)}&cursor={Uri.EscapeDataString(cursor)}";
        }
    }
}
