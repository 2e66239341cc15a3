using ContentApi.Rendering;

namespace ContentApi.UnitTests.Rendering;

/// <summary>
/// Frontend review: a video or post alone in its paragraph (as the import writes Hugo's embeds) was a plain link, so a
/// frontend had to parse HTML to embed it. Such a paragraph is a <c>figure.embed</c>: YouTube and Vimeo with an iframe
/// we build from the parsed id, X, Instagram and gists with the link only; the link stays as a fallback.
/// </summary>
public sealed class EmbedTests
{
    private static AngleSharp.Dom.IElement Render(string markdown) =>
        SafeHtml.Parse(MarkdownRenderer.Render(1, markdown, new Dictionary<long, InlineImage>()).Html);

    [Theory]
    [InlineData("https://www.youtube.com/watch?v=dQw4w9WgXcQ")]
    [InlineData("<https://www.youtube.com/watch?v=dQw4w9WgXcQ>")]
    [InlineData("https://youtube.com/watch?feature=share&v=dQw4w9WgXcQ&t=42")]
    [InlineData("https://m.youtube.com/watch?v=dQw4w9WgXcQ")]
    [InlineData("https://youtu.be/dQw4w9WgXcQ")]
    [InlineData("https://youtu.be/dQw4w9WgXcQ?si=abc")]
    [InlineData("https://www.youtube.com/shorts/dQw4w9WgXcQ")]
    [InlineData("https://www.youtube.com/embed/dQw4w9WgXcQ")]
    [InlineData("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")]
    [InlineData("[https://www.youtube.com/watch?v=dQw4w9WgXcQ](https://www.youtube.com/watch?v=dQw4w9WgXcQ)")]
    public void A_youtube_link_alone_is_an_embedded_player_with_the_link_after_it(string line)
    {
        var body = Render($"前文。\n\n{line}\n\n後文。");
        Assert.Equal(["P", "FIGURE", "P"], body.Children.Select(child => child.TagName));
        var figure = body.Children[1];
        Assert.Equal(("embed", "youtube"), (figure.ClassName, figure.GetAttribute("data-embed")));
        Assert.Equal(["IFRAME", "A"], figure.Children.Select(child => child.TagName));
        var iframe = figure.Children[0];
        Assert.Equal("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", iframe.GetAttribute("src"));
        Assert.Equal(("640", "360", "lazy"), (iframe.GetAttribute("width"), iframe.GetAttribute("height"), iframe.GetAttribute("loading")));
        Assert.True(iframe.HasAttribute("allowfullscreen"));
        Assert.Equal("strict-origin-when-cross-origin", iframe.GetAttribute("referrerpolicy"));
        Assert.Equal("allow-scripts allow-same-origin allow-popups allow-presentation", iframe.GetAttribute("sandbox"));
        Assert.Equal("YouTube video", iframe.GetAttribute("title"));
        var link = figure.Children[1];
        Assert.StartsWith("https://", link.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Equal(link.GetAttribute("href"), link.TextContent);
        Assert.Equal(ArticleHtmlSanitizer.ExternalLinkRel, link.GetAttribute("rel"));
    }

    [Theory]
    [InlineData("https://vimeo.com/76979871")]
    [InlineData("<https://www.vimeo.com/76979871/>")]
    public void A_vimeo_link_alone_is_an_embedded_player(string line)
    {
        var figure = Render(line).QuerySelector("figure.embed[data-embed=vimeo]")!;
        Assert.Equal("https://player.vimeo.com/video/76979871", figure.QuerySelector("iframe")!.GetAttribute("src"));
        Assert.Equal("Vimeo video", figure.QuerySelector("iframe")!.GetAttribute("title"));
        Assert.NotNull(figure.QuerySelector("iframe + a[href^='https://']"));
    }

    [Theory]
    [InlineData("https://x.com/NASA/status/1234567890123456789", "x")]
    [InlineData("https://twitter.com/NASA/status/1234567890123456789", "x")]
    [InlineData("<https://x.com/i/status/1234567890123456789>", "x")]
    [InlineData("https://www.instagram.com/p/C0abc_-XYZ/", "instagram")]
    [InlineData("https://gist.github.com/octocat/6cad326836d38bd3a7ae", "gist")]
    public void A_post_or_gist_alone_is_an_embed_of_its_link_with_no_iframe(string line, string provider)
    {
        var body = Render(line);
        var figure = Assert.Single(body.Children);
        Assert.Equal(("FIGURE", "embed", provider), (figure.TagName, figure.ClassName, figure.GetAttribute("data-embed")));
        var link = Assert.Single(figure.Children);
        Assert.Equal("A", link.TagName);
        Assert.Equal(link.GetAttribute("href"), link.TextContent);
        Assert.Empty(body.QuerySelectorAll("iframe, script"));
    }

    [Theory]
    [InlineData("https://www.youtube.com/watch?v=dQw4w9WgXc")] // ten characters
    [InlineData("https://www.youtube.com/watch?v=dQw4w9WgXcQQ")]
    [InlineData("https://www.youtube.com/watch?v=dQw4w9W%22cQ")]
    [InlineData("https://youtu.be/dQw4w9WgXcQ/extra")]
    [InlineData("https://www.youtube.com/watch?list=PL123")]
    [InlineData("https://www.youtube.com.evil.example/watch?v=dQw4w9WgXcQ")]
    [InlineData("https://evil.example/youtube.com/watch?v=dQw4w9WgXcQ")]
    [InlineData("https://vimeo.com/channels/staffpicks")]
    [InlineData("https://x.com/NASA/status/12ab")]
    [InlineData("https://x.com/NASA")]
    [InlineData("https://www.instagram.com/nasa/")]
    [InlineData("https://gist.github.com/octocat")]
    [InlineData("ftp://youtu.be/dQw4w9WgXcQ")]
    public void A_link_that_names_no_valid_id_stays_a_paragraph_with_its_link(string line)
    {
        var body = Render(line);
        Assert.Empty(body.QuerySelectorAll("figure, iframe"));
        Assert.Equal("P", Assert.Single(body.Children).TagName);
    }

    [Theory]
    [InlineData("請看 https://www.youtube.com/watch?v=dQw4w9WgXcQ 這段影片。")]
    [InlineData("https://www.youtube.com/watch?v=dQw4w9WgXcQ\n影片說明。")]
    [InlineData("[這段影片](https://www.youtube.com/watch?v=dQw4w9WgXcQ)")]
    [InlineData("https://www.youtube.com/watch?v=dQw4w9WgXcQ https://vimeo.com/76979871")]
    [InlineData("- https://www.youtube.com/watch?v=dQw4w9WgXcQ")]
    [InlineData("> https://www.youtube.com/watch?v=dQw4w9WgXcQ")]
    [InlineData("`https://www.youtube.com/watch?v=dQw4w9WgXcQ`")]
    public void A_link_with_other_text_or_inside_a_list_or_quote_stays_a_link(string markdown)
    {
        var body = Render(markdown);
        Assert.Empty(body.QuerySelectorAll("figure, iframe"));
    }

    [Theory]
    [InlineData("<iframe src=\"https://www.youtube.com/embed/dQw4w9WgXcQ\"></iframe>")]
    [InlineData("<iframe src=\"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ\" sandbox=\"allow-top-navigation\"></iframe>")]
    [InlineData("看 <iframe src=\"https://player.vimeo.com/video/1\"></iframe>")]
    public void An_iframe_the_author_wrote_stays_escaped_text(string markdown)
    {
        var body = Render(markdown);
        Assert.Empty(body.QuerySelectorAll("iframe, figure"));
        Assert.Contains("<iframe src=", body.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<iframe src=\"https://evil.example/embed/dQw4w9WgXcQ\"></iframe>")]
    [InlineData("<iframe src=\"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ/../../x\"></iframe>")]
    [InlineData("<iframe src=\"https://www.youtube.com/embed/dQw4w9WgXcQ\"></iframe>")]
    [InlineData("<iframe src=\"https://player.vimeo.com/video/1?autoplay=1\"></iframe>")]
    [InlineData("<iframe srcdoc=\"&lt;script&gt;alert(1)&lt;/script&gt;\"></iframe>")]
    [InlineData("<iframe></iframe>")]
    public void The_sanitizer_removes_an_iframe_it_did_not_build(string html) =>
        Assert.Empty(SafeHtml.Parse(ArticleHtmlSanitizer.Sanitize(html)).QuerySelectorAll("iframe"));

    [Fact]
    public void The_sanitizer_keeps_only_its_own_attributes_on_an_iframe_it_allows()
    {
        var iframe = SafeHtml.Parse(ArticleHtmlSanitizer.Sanitize(
            "<iframe src=\"https://player.vimeo.com/video/76979871\" sandbox=\"allow-top-navigation allow-scripts\" allow=\"camera\" onload=\"x()\"></iframe>"))
            .QuerySelector("iframe")!;
        Assert.Equal("allow-scripts allow-same-origin allow-popups allow-presentation", iframe.GetAttribute("sandbox"));
        Assert.False(iframe.HasAttribute("allow") || iframe.HasAttribute("onload"));
    }

    [Fact]
    public void A_video_link_under_a_figure_is_its_embed_not_the_figures_caption()
    {
        var image = new InlineImage(12, "https://cdn.example.com/a.jpg", "圖", null, null, null, null);
        var body = SafeHtml.Parse(MarkdownRenderer.Render(1, "![](image:12)\n\n<https://youtu.be/dQw4w9WgXcQ>", new Dictionary<long, InlineImage> { [12] = image }).Html);
        Assert.Equal(["FIGURE", "FIGURE"], body.Children.Select(child => child.TagName));
        Assert.Null(body.QuerySelector("figcaption"));
        Assert.NotNull(body.QuerySelector("figure.embed > iframe"));
    }

    [Fact]
    public void The_plain_text_of_an_embed_is_its_link_as_before() =>
        Assert.Equal("前文。\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ\n後文。",
            MarkdownRenderer.ToPlainText("前文。\n\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ\n\n後文。"));

    [Fact]
    public void The_rendered_embed_passes_the_safety_check() =>
        SafeHtml.AssertSafe(MarkdownRenderer.Render(1, "https://youtu.be/dQw4w9WgXcQ", new Dictionary<long, InlineImage>()).Html);
}
