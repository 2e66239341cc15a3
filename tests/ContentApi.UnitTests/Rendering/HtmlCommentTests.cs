using ContentApi.Rendering;
using ContentApi.Text;

namespace ContentApi.UnitTests.Rendering;

/// <summary>
/// An editor's HTML comment was shown to readers as text, and was in the excerpt, the plain text and so the search index
/// ("<!-- 編輯備註：數字待查證，勿刊出 -->"); Hugo's "<!--more-->" too (found by an editor's probe).
/// </summary>
public sealed class HtmlCommentTests
{
    private static string Html(string markdown) => MarkdownRenderer.Render(articleId: 1, markdown, new Dictionary<long, InlineImage>()).Html;

    [Theory]
    [InlineData("營收創新高。<!-- 編輯備註：數字待查證，勿刊出 -->", "<p>營收創新高。</p>")]
    [InlineData("導言。\n\n<!--more-->\n\n正文。", "<p>導言。</p>\n<p>正文。</p>")]
    [InlineData("甲\n<!-- 一行\n\n跨段的備註 -->\n乙", "<p>甲</p>\n<p>乙</p>")]
    [InlineData("A <!-- a --> B <!-- b --> C", "<p>A  B  C</p>")]
    public void A_comment_is_left_out_of_the_html(string markdown, string html) => Assert.Equal(html, Html(markdown));

    /// <summary>
    /// A comment that opens a list item, a quote or a footnote ends with it, as CommonMark's HTML block ends with its
    /// container; one in a table cell is inline, so text when its cell does not close it; and one in a heading, which is
    /// one line, is text when the line does not close it. Each ran on to a --> further down the body and hid the text
    /// between (fifth review).
    /// </summary>
    [Theory]
    [InlineData("|a|b|\n|-|-|\n|<!-- x|y|\n\nVisible.\n\nLater --> text", "<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>&lt;!-- x</td>\n<td>y</td>\n</tr>\n</tbody>\n</table>\n<p>Visible.</p>\n<p>Later --&gt; text</p>")]
    [InlineData("> <!-- note\n\nVisible.\n\nAnother --> more", "<blockquote>\n<p>&lt;!-- note</p>\n</blockquote>\n<p>Visible.</p>\n<p>Another --&gt; more</p>")]
    [InlineData("- <!-- a\n\nVisible.\n\n    x --> y", "<ul>\n<li>&lt;!-- a</li>\n</ul>\n<p>Visible.</p>\n<pre><code>x --&gt; y\n</code></pre>")]
    [InlineData("# <!-- heading\ntext -->", "<h1 id=\"user-content-1-heading\">&lt;!-- heading</h1>\n<p>text --&gt;</p>")]
    public void A_comment_opening_a_container_cell_or_heading_ends_with_it(string markdown, string html) => Assert.Equal(html, Html(markdown));

    /// <summary>
    /// A comment that starts a line, also in a list item or a quote, ends at its first <c>--&gt;</c>, as CommonMark's HTML
    /// block does: a fence opened inside it is the comment's text. Once a fence never closed ran to the end of the body,
    /// it held that close, and the comment and the rest of the article showed as code (fourth review).
    /// </summary>
    [Theory]
    [InlineData("<!--\n```js\nold();\n-->\n\n正文。", "<p>正文。</p>")]
    [InlineData("<!-- 待補：\n~~~\n-->\n正文。", "<p>正文。</p>")]
    [InlineData("- <!-- a\n  ```\n  -->\n\nbody", "<ul>\n<li></li>\n</ul>\n<p>body</p>")]
    [InlineData("> <!-- a\n> ```\n> -->\n\nbody", "<blockquote>\n</blockquote>\n<p>body</p>")]
    public void A_fence_opened_inside_a_comment_does_not_hold_its_close(string markdown, string html) => Assert.Equal(html, Html(markdown));

    [Theory]
    [InlineData("`<!-- code -->`", "<p><code>&lt;!-- code --&gt;</code></p>")]
    [InlineData("```html\n<!-- block -->\n```", "<pre><code class=\"language-html\">&lt;!-- block --&gt;\n</code></pre>")]
    [InlineData("\\<!-- shown -->", "<p>&lt;!-- shown --&gt;</p>")]
    [InlineData("未閉合 <!-- 的註解", "<p>未閉合 &lt;!-- 的註解</p>")]
    public void A_comment_in_code_escaped_or_never_closed_is_text(string markdown, string html) => Assert.Equal(html, Html(markdown));

    /// <summary>
    /// A fence never closed runs to the end of the body, but Markdig's span of it covers its opening line only, so a
    /// comment in its code was taken out (review); and where its last line starts inside a tab, that line's slice is a
    /// copy, whose end is no place in the body (third review).
    /// </summary>
    [Theory]
    [InlineData("```html\n<div>\n<!-- kept -->\n", "<pre><code class=\"language-html\">&lt;div&gt;\n&lt;!-- kept --&gt;\n</code></pre>")]
    [InlineData("- ```html\n\t<!-- kept -->\n\tx\n", "<ul>\n<li>\n<pre><code class=\"language-html\">  &lt;!-- kept --&gt;\n  x\n</code></pre>\n</li>\n</ul>")]
    [InlineData("  ```\n<!-- kept -->\n\tx\n", "<pre><code>&lt;!-- kept --&gt;\n  x\n</code></pre>")]
    [InlineData("> ```\n> <div>\n>\t<!-- kept -->\n", "<blockquote>\n<pre><code>&lt;div&gt;\n  &lt;!-- kept --&gt;\n</code></pre>\n</blockquote>")]
    public void A_comment_in_a_fence_never_closed_is_code(string markdown, string html) => Assert.Equal(html, Html(markdown));

    /// <summary>
    /// Code spans were found with the comments still in the text, so a backtick inside a comment paired with one after
    /// it; and a comment inside a line ran on past its paragraph. Text was lost, or a comment shown (found by a review).
    /// </summary>
    [Theory]
    [InlineData("營收 <!-- 記得改 ` 符號 --> 創新高，見 `code` 一段。\n\n第二段 <!-- 備註 --> 結束。", "<p>營收  創新高，見 <code>code</code> 一段。</p>\n<p>第二段  結束。</p>")]
    [InlineData("A <!-- x ` y --> B `c` D", "<p>A  B <code>c</code> D</p>")]
    [InlineData("a <!-- b\n\nc <!-- d --> e", "<p>a &lt;!-- b</p>\n<p>c  e</p>")]
    [InlineData("A <!--> B\n\nC <!-- note --> D", "<p>A  B</p>\n<p>C  D</p>")]
    [InlineData("`a` <!-- ` --> `b`", "<p><code>a</code>  <code>b</code></p>")]
    public void A_comment_is_read_left_to_right_with_code_spans_as_commonmark_reads_them(string markdown, string html) =>
        Assert.Equal(html, Html(markdown));

    [Fact]
    public void A_comment_is_no_text_of_the_article_nor_of_its_excerpt()
    {
        var measured = ArticleText.Measure("營收創新高。<!-- 數字待查證 -->\n\n<!--more-->\n\n正文。");
        Assert.Equal("營收創新高。\n正文。", measured.PlainText);
        Assert.DoesNotContain("<!--", measured.DerivedExcerpt, StringComparison.Ordinal);
    }

    /// <summary>Hugo's, Jekyll's and WordPress's summary ends at &lt;!--more--&gt;; the excerpt ran on past it.</summary>
    [Theory]
    [InlineData("導言第一段。\n\n<!--more-->\n\n正文第二段。")]
    [InlineData("導言第一段。\n\n<!-- MORE -->\n\n正文第二段。")]
    [InlineData("導言第一段。<!--more-->\n\n正文第二段。")]
    [InlineData("導言第一段。\n\n<!-- truncate -->\n\n正文第二段。")] // Docusaurus' marker: the excerpt ran on past it (migration trial)
    [InlineData("導言第一段。\n\n<!--TRUNCATE-->\n\n正文第二段。")]
    public void The_derived_excerpt_ends_at_more(string markdown)
    {
        var measured = ArticleText.Measure(markdown);
        Assert.Equal("導言第一段。", measured.DerivedExcerpt);
        Assert.Equal("導言第一段。\n正文第二段。", measured.PlainText);
    }

    [Fact]
    public void A_more_before_any_text_ends_nothing() =>
        Assert.Equal("正文。", ArticleText.Measure("<!--more-->\n\n正文。").DerivedExcerpt);

    [Fact]
    public void A_more_in_code_ends_nothing() =>
        Assert.Equal("導言 <!--more--> 正文。", ArticleText.Measure("導言 `<!--more-->` 正文。").DerivedExcerpt);

    [Fact]
    public void A_byte_order_mark_before_the_body_does_not_shift_what_is_cut() =>
        Assert.Equal("<p>甲乙</p>", Html("\uFEFF甲<!-- x -->乙"));

    /// <summary>
    /// The start of a long body is read about 10,000 characters past its cut (to a line end at most 2,000 further): it was
    /// read up to the first <c>--&gt;</c> after the cut, so a body with a note in its start and another ~450,000
    /// characters on was parsed whole for each search hit (review).
    /// </summary>
    [Fact]
    public void The_start_is_read_no_further_than_a_little_past_its_cut()
    {
        var body = "Lead <!-- note --> text.\n\n" + new string('x', 60_000) + "\n\n" + new string('y', 450_000) + "\n\n<!-- late -->";
        Assert.InRange(HtmlComments.PartRead(body, 50_000).Text.Length, 50_000, 50_000 + 12_000);
        Assert.Equal(("Lead  text.\n\n" + new string('x', 50_000 - 26), 50_000), HtmlComments.WithoutInStart(body, 50_000));
    }

    [Fact]
    public void A_comment_open_at_the_cut_is_left_out_and_the_rest_starts_after_its_close()
    {
        var body = new string('x', 49_990) + "\n\n<!-- a note\n\nrunning on -->\n\nmore";
        var close = body.IndexOf("-->", StringComparison.Ordinal) + 3;
        Assert.Equal((new string('x', 49_990) + "\n\n", close), HtmlComments.WithoutInStart(body, 50_000));
    }

    /// <summary>A comment closed far past the cut is still no text, but the body is not read to its close.</summary>
    [Fact]
    public void A_comment_open_at_the_cut_and_closed_far_past_it_is_left_out_without_reading_that_far()
    {
        var body = new string('x', 49_990) + "\n\n<!-- a note\n\n" + new string('z', 400_000) + " -->\n\nmore";
        Assert.InRange(HtmlComments.PartRead(body, 50_000).Text.Length, 50_000, 50_000 + 12_000);
        Assert.Equal((new string('x', 49_990) + "\n\n", 50_000), HtmlComments.WithoutInStart(body, 50_000));
    }

    /// <summary>
    /// Finding comments was quadratic in the openers nothing closes: each searched the rest of the body for a "-->" (and
    /// back to its line's start, and through every heading), so 80,000 "&lt;!--a&gt;" (480,000 characters) took 12 s
    /// to parse, 60,000 lines of "# a&lt;!--" 13 s, at every write (on past its refusal) and every read that parses.
    /// </summary>
    [Theory]
    [InlineData("<!--", "", 100_000)]
    [InlineData("<!--a>", "", 80_000)]
    [InlineData("x <!--a>", "\n", 50_000)]
    [InlineData("# a<!--", "\n", 50_000)]
    [InlineData("```\n-->\n```", "\n", 40_000)]
    public void Finds_comments_in_time_linear_in_the_openers(string unit, string separator, int count)
    {
        // Tests assert on no time: each case's duration, as dotnet test reports it, shows the cost (3-15 s each before, under 1 s after).
        var body = "x <!--\n" + string.Join(separator, Enumerable.Repeat(unit, count));

        var without = HtmlComments.Without(body);

        Assert.Equal(body, without);
    }
}
