using ContentApi.Rendering;
using ContentApi.Text;

namespace ContentApi.UnitTests.Rendering;

public sealed class AllowedInlineHtmlTests
{
    private static readonly Dictionary<long, InlineImage> NoImages = [];

    private static string Render(string markdown) => MarkdownRenderer.Render(articleId: 1, markdown, NoImages).Html;

    [Theory]
    [InlineData("CO<sub>2</sub> 排放", "<p>CO<sub>2</sub> 排放</p>")]
    [InlineData("面積 100 m<sup>2</sup>", "<p>面積 100 m<sup>2</sup></p>")]
    [InlineData("<ruby>辰野金吾<rt>たつのきんご</rt></ruby>が設計", "<p><ruby>辰野金吾<rt>たつのきんご</rt></ruby>が設計</p>")]
    [InlineData("<ruby>漢<rp>(</rp><rt>hàn</rt><rp>)</rp></ruby>", "<p><ruby>漢<rp>(</rp><rt>hàn</rt><rp>)</rp></ruby></p>")]
    [InlineData("按 <kbd>Ctrl</kbd>+<kbd>C</kbd> 複製", "<p>按 <kbd>Ctrl</kbd>+<kbd>C</kbd> 複製</p>")]
    [InlineData("這是<mark>重點</mark>", "<p>這是<mark>重點</mark></p>")]
    [InlineData("H<SUB>2</SUB>O", "<p>H<sub>2</sub>O</p>")]
    [InlineData("**CO<sub>2</sub>** 濃度", "<p><strong>CO<sub>2</sub></strong> 濃度</p>")]
    [InlineData("Super­cali<wbr>fragilistic", "<p>Super\u00adcali<wbr>fragilistic</p>")]
    public void Render_lets_the_bare_inline_tags_writers_need_through(string markdown, string html) =>
        Assert.Equal(html, Render(markdown));

    /// <summary>Review: 40,000 nested sub tags were served as an element tree 40,000 deep.</summary>
    [Fact]
    public void Render_keeps_tags_opened_inside_the_most_open_at_once_as_text()
    {
        const int written = 40_000;
        var html = Render(string.Concat(Enumerable.Repeat("<sub>", written)) + "x" + string.Concat(Enumerable.Repeat("</sub>", written)));

        var depth = 0;
        for (var node = SafeHtml.Parse(html).QuerySelector("p"); node?.FirstElementChild is { } child; node = child)
        {
            depth++;
        }
        Assert.Equal(AllowedInlineHtml.MaxOpenTags, depth);
        Assert.Equal(2 * (written - AllowedInlineHtml.MaxOpenTags), html.Split("&lt;").Length - 1);
        Assert.Equal("<p>a<sub>b<sup>c</sup></sub></p>", Render("a<sub>b<sup>c</sup></sub>"));
    }

    /// <summary>
    /// Review: the bound counted the tags open in one run of inlines only, so 32 in each of nested emphasis and links
    /// (<c>&lt;sub&gt;×32 *&lt;sub&gt;×32 **…</c>) made a tree as many times 32 deep.
    /// </summary>
    [Fact]
    public void Render_counts_the_tags_open_around_emphasis_and_links_toward_the_bound()
    {
        var open = string.Concat(Enumerable.Repeat("<sub>", AllowedInlineHtml.MaxOpenTags));
        var close = string.Concat(Enumerable.Repeat("</sub>", AllowedInlineHtml.MaxOpenTags));
        var html = Render($"{open}a *{open}b **{open}c [{open}d ~~{open}e{close}~~ f{close}](/x) g{close}** h{close}* i{close}");

        var deepest = 0;
        foreach (var sub in SafeHtml.Parse(html).QuerySelectorAll("sub"))
        {
            var depth = 0;
            for (var node = sub; node is not null; node = node.ParentElement)
            {
                depth += node.LocalName == "sub" ? 1 : 0;
            }
            deepest = Math.Max(deepest, depth);
        }
        Assert.Equal(AllowedInlineHtml.MaxOpenTags, deepest);
        Assert.Contains("<em>", html);
        Assert.Contains("<del>", html);
    }

    [Theory]
    [InlineData("| 地點 | 說明 |\n| - | - |\n| 台北 | 第一行<br>第二行 |")]
    [InlineData("| 地點 | 說明 |\n| - | - |\n| 台北 | 第一行<br/>第二行 |")]
    [InlineData("| 地點 | 說明 |\n| - | - |\n| 台北 | 第一行<BR />第二行 |")]
    public void Render_breaks_a_table_cell_line_at_a_br(string markdown)
    {
        var cell = SafeHtml.Parse(Render(markdown)).QuerySelectorAll("td")[1];
        Assert.Equal("第一行<br>第二行", cell.InnerHtml);
    }

    [Theory]
    [InlineData("<sub class=\"x\">2</sub>")]
    [InlineData("<sub onclick=\"alert(1)\">2</sub>")]
    [InlineData("<sup style=\"color:red\">2</sup>")]
    [InlineData("<br onmouseover=alert(1)>")]
    [InlineData("<rt\t>x</rt>")]
    [InlineData("<subx>2</subx>")]
    [InlineData("<b>bold</b>")]
    [InlineData("<span>x</span>")]
    [InlineData("</br>")]
    public void Render_keeps_other_tags_and_tags_with_attributes_as_text(string markdown)
    {
        var body = SafeHtml.Parse(Render(markdown));
        SafeHtml.AssertSafe(body.InnerHtml);
        Assert.Equal(["p"], body.QuerySelectorAll("*").Select(e => e.LocalName));
        Assert.Contains("<", body.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("`<sub>2</sub>`", "<p><code>&lt;sub&gt;2&lt;/sub&gt;</code></p>")]
    [InlineData("\\<sub>2\\</sub>", "<p>&lt;sub&gt;2&lt;/sub&gt;</p>")]
    [InlineData("```\nCO<sub>2</sub>\n```", "<pre><code>CO&lt;sub&gt;2&lt;/sub&gt;\n</code></pre>")]
    public void Render_keeps_tags_in_code_or_escaped_as_text(string markdown, string html) =>
        Assert.Equal(html, Render(markdown));

    [Theory]
    [InlineData("a<sub>unclosed\n\nnext paragraph")]
    [InlineData("a</sub>b<sup>")]
    [InlineData("<rt>x</rt> alone")]
    [InlineData("# H<sub>2</sub>O\n\n<mark>**x</mark>**")]
    public void Render_unbalanced_tags_stay_within_the_allowed_markup(string markdown)
    {
        var html = Render(markdown);
        SafeHtml.AssertSafe(html);
        Assert.DoesNotContain("sub>unclosed", SafeHtml.Parse(html).QuerySelectorAll("p")[^1].InnerHtml, StringComparison.Ordinal);
    }

    /// <summary>Found by a review: prose about HTML highlighted the rest of its paragraph, and an rp outside a ruby hid it.</summary>
    [Theory]
    [InlineData("The <mark> element highlights text.", "<p>The &lt;mark&gt; element highlights text.</p>")]
    [InlineData("Next para <sub>unclosed", "<p>Next para &lt;sub&gt;unclosed</p>")]
    [InlineData("<rp>( after", "<p>&lt;rp&gt;( after</p>")]
    [InlineData("a</sub>b<SUP>", "<p>a&lt;/sub&gt;b&lt;SUP&gt;</p>")]
    [InlineData("<sub>a<mark>b</sub>", "<p><sub>a&lt;mark&gt;b</sub></p>")]
    [InlineData("<ruby>漢<rt>かん</ruby>字", "<p><ruby>漢<rt>かん</rt></ruby>字</p>")]
    [InlineData("*<mark>x*</mark>", "<p><em>&lt;mark&gt;x</em>&lt;/mark&gt;</p>")]
    public void Render_keeps_a_tag_without_its_partner_in_its_run_of_text_as_text(string markdown, string html) =>
        Assert.Equal(html, Render(markdown));

    [Fact]
    public void Plain_text_keeps_a_tag_without_its_partner_as_written() =>
        Assert.Equal("The <mark> element and <rp>( stay", MarkdownRenderer.ToPlainText("The <mark> element and <rp>( stay"));

    [Theory]
    [InlineData("CO<sub>2</sub> 排放", "CO2 排放")]
    [InlineData("<ruby>辰野金吾<rt>たつのきんご</rt></ruby>が設計した", "辰野金吾が設計した")]
    [InlineData("<ruby>漢<rp>(</rp><rt>hàn</rt><rp>)</rp>字<rt>zì</rt></ruby>", "漢字")]
    [InlineData("*<ruby>東京<rt>とうきょう</rt></ruby>*駅", "東京駅")]
    [InlineData("第一行<br>第二行", "第一行\n第二行")]
    public void Plain_text_reads_the_tags_as_a_reader_sees_the_words(string markdown, string text) =>
        Assert.Equal(text, MarkdownRenderer.ToPlainText(markdown));

    [Fact]
    public void Counts_and_derived_excerpt_leave_tags_and_readings_out()
    {
        var stats = ArticleText.Measure("<ruby>東京<rt>とうきょう</rt></ruby>の CO<sub>2</sub>");
        Assert.Equal("東京の CO2", stats.DerivedExcerpt);
        Assert.Equal(ArticleText.Measure("東京の CO2").CharacterCount, stats.CharacterCount);
    }

    [Fact]
    public void Heading_ids_and_contents_take_the_text_without_the_tags()
    {
        var rendered = MarkdownRenderer.Render(articleId: 1, "## H<sub>2</sub>O 與 <ruby>水<rt>みず</rt></ruby>", NoImages);
        var entry = Assert.Single(rendered.Toc);
        Assert.Equal("H2O 與 水", entry.Text);
    }

    /// <summary>
    /// Pairing tags once walked every tag left open for each closing tag with no partner and each rt or rp (to find a
    /// ruby): 30,000 "&lt;mark&gt;" then 30,000 "&lt;/kbd&gt;" (360,000 characters) took 10 s to parse, 45,000 then
    /// 45,000 "&lt;rt&gt;" 25 s, at every write (on past its refusal) and every read that parses the body.
    /// </summary>
    [Theory]
    [InlineData("<sub>", "<mark>", "</kbd>")]
    [InlineData("<sub>", "<mark>", "<rt>")]
    [InlineData("<ruby>", "<rt>", "</kbd>")]
    public void Pairs_tags_in_time_linear_in_their_number(string first, string open, string unpaired)
    {
        // Tests assert on no time: each case's duration, as dotnet test reports it, shows the cost (10-19 s each before, under 1 s after).
        var body = first + string.Concat(Enumerable.Repeat(open, 30_000)) + string.Concat(Enumerable.Repeat(unpaired, 30_000));

        var text = MarkdownRenderer.ToPlainText(body);

        Assert.EndsWith(unpaired, text, StringComparison.Ordinal);
    }
}
