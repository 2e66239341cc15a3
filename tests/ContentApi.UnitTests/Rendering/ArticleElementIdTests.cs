using AngleSharp.Dom;
using ContentApi.Rendering;

namespace ContentApi.UnitTests.Rendering;

/// <summary>
/// Security review: a body's element ids were bare (<c># root</c> gave <c>id="root"</c>), so an author could set what a
/// host page's script reads as <c>window.root</c> (DOM clobbering), and two articles on one page both had <c>fn:1</c>.
/// Every id now starts with <c>user-content-</c> and the article's id, and the body's own links follow it.
/// </summary>
public sealed class ArticleElementIdTests
{
    private static readonly Dictionary<long, InlineImage> NoImages = [];

    private static IElement Render(long articleId, string markdown) => SafeHtml.Parse(MarkdownRenderer.Render(articleId, markdown, NoImages).Html);

    private static IEnumerable<string> Ids(IElement body) => body.QuerySelectorAll("[id]").Select(element => element.Id!);

    [Theory]
    [InlineData("# root", "user-content-7-root")]
    [InlineData("# body", "user-content-7-body")]
    [InlineData("# location", "user-content-7-location")]
    [InlineData("## __proto__", "user-content-7-proto")]
    [InlineData("## 發布會現場", "user-content-7-發布會現場")]
    [InlineData("## ***", "user-content-7-section-1")]
    public void A_heading_id_names_the_article_and_never_a_global_of_the_page(string markdown, string id)
    {
        var rendered = MarkdownRenderer.Render(7, markdown, NoImages);
        Assert.Equal(id, Assert.Single(Ids(SafeHtml.Parse(rendered.Html))));
        Assert.All(rendered.Toc, entry => Assert.Equal(id, entry.Id));
    }

    [Theory]
    [InlineData("見[設定](#setup)。\n\n## Setup", "#user-content-7-setup")]
    [InlineData("見[背景](#背景)。\n\n## 背景", "#user-content-7-%E8%83%8C%E6%99%AF")]
    [InlineData("見[背景](#%E8%83%8C%E6%99%AF)。\n\n## 背景", "#user-content-7-%E8%83%8C%E6%99%AF")]
    [InlineData("- [背景](#背景)\n\n## 背景\n\n## 背景", "#user-content-7-%E8%83%8C%E6%99%AF")]
    [InlineData("見[第二節](#背景-2)。\n\n## 背景\n\n## 背景", "#user-content-7-%E8%83%8C%E6%99%AF-2")]
    // Its notes too (session review: left as written once the notes' ids were prefixed, they pointed nowhere).
    [InlineData("見[註](#fn:1)。甲[^a]。\n\n[^a]: 註一。", "#user-content-7-fn:1")]
    public void A_link_to_a_heading_of_the_body_points_at_its_id(string markdown, string href)
    {
        var body = Render(7, markdown);
        Assert.Equal(href, body.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains(Uri.UnescapeDataString(href[1..]), Ids(body));
    }

    /// <summary>A fragment no heading of the body has may name an element of the page around it, which it keeps.</summary>
    [Theory]
    [InlineData("見[留言](#comments)。\n\n## 背景")]
    [InlineData("見[設定](#Setup)。\n\n## Setup")]
    public void A_link_to_a_fragment_the_body_lacks_is_left_as_written(string markdown) =>
        Assert.Equal(markdown[(markdown.IndexOf("](", StringComparison.Ordinal) + 2)..markdown.IndexOf(')', StringComparison.Ordinal)],
            Render(7, markdown).QuerySelector("a")!.GetAttribute("href"));

    [Fact]
    public void Footnotes_of_two_articles_on_one_page_have_ids_of_their_own_and_link_within_their_article()
    {
        const string markdown = "甲[^1]，乙[^1]，丙[^2]。\n\n[^1]: 註一。\n[^2]: 註二。";
        var first = Render(7, markdown);
        var second = Render(8, markdown);

        Assert.Empty(Ids(first).Intersect(Ids(second)));
        foreach (var body in new[] { first, second })
        {
            var ids = Ids(body).ToList();
            Assert.Equal(ids.Distinct().Count(), ids.Count);
            var hrefs = body.QuerySelectorAll("a[href^='#']").Select(link => link.GetAttribute("href")![1..]).ToList();
            Assert.Equal(6, hrefs.Count);
            Assert.All(hrefs, href => Assert.Contains(href, ids));
        }
        Assert.Equal("#user-content-8-fn:1", second.QuerySelector("a.footnote-ref")!.GetAttribute("href"));
        Assert.Equal("user-content-8-fnref:1", second.QuerySelector("a.footnote-ref")!.Id);
        Assert.Equal("#user-content-8-fnref:1", second.QuerySelector("li a.footnote-back-ref")!.GetAttribute("href"));
    }

    /// <summary>No id of one article is an id of another: the article's id ends at the first hyphen after the prefix.</summary>
    [Fact]
    public void Headings_of_two_articles_never_share_an_id() =>
        Assert.Empty(Ids(Render(1, "## 2 背景\n\n## 背景")).Intersect(Ids(Render(12, "## 背景"))));
}
