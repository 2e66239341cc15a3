using ContentApi.Rendering;

namespace ContentApi.UnitTests.Rendering;

public sealed class MarkdownRendererHeadingTests
{
    private static RenderedArticle Render(string markdown) => MarkdownRenderer.Render(articleId: 1, markdown, new Dictionary<long, InlineImage>());

    [Fact]
    public void Render_chinese_heading_keeps_its_text_as_id() =>
        Assert.Equal("<h2 id=\"user-content-1-發布會現場\">發布會現場</h2>", Render("## 發布會現場").Html);

    /// <summary>
    /// A Hebrew acronym's gershayim, typed as " in Markdown, escaped or as an entity, is part of the word: the heading's id
    /// is the slug's spelling (צהל), not two words (צה-ל).
    /// </summary>
    [Theory]
    [InlineData("## צה״ל")]
    [InlineData("## צה\"ל")]
    [InlineData("## צה\\\"ל")]
    [InlineData("## צה&quot;ל")]
    [InlineData("## **צה\"ל**")]
    public void Render_hebrew_acronym_heading_id_keeps_the_word_whole(string markdown) =>
        Assert.Equal("user-content-1-צהל", Assert.Single(Render(markdown).Toc).Id);

    [Fact]
    public void Render_mixed_heading_id_is_lowercase_with_hyphens_between_words() =>
        Assert.Equal("user-content-1-通義千問-qwen3-max-的-swe-bench-verified-成績", Assert.Single(Render("## 通義千問 Qwen3-Max 的「SWE-Bench Verified」成績").Toc).Id);

    [Theory]
    [InlineData("## 第一章\u3000總論", "第一章\u3000總論")] // the ideographic space is part of how the heading is written
    [InlineData("## 10\u00a0km", "10\u00a0km")]
    [InlineData("Two  spaced\twords\n---", "Two spaced words")]
    [InlineData("# \u3000第一章\u3000總論\u3000\n\n# \u3000\n\n## \u00a0\u00a0", "第一章\u3000總論")] // blank headings get no entry (review)
    public void Render_toc_text_is_the_heading_as_written_but_for_ascii_space_runs(string markdown, string text) =>
        Assert.Equal(text, Assert.Single(Render(markdown).Toc).Text);

    /// <summary>
    /// Review: a heading leaving a right-to-left override open (<c>invoice\u202Efdp.exe</c>, Trojan Source) kept it open in
    /// its toc text, which a page lists inline with the next entries, as excerpts and snippets no longer do.
    /// </summary>
    [Theory]
    [InlineData("## invoice\u202Efdp.exe", "invoicefdp.exe")]
    [InlineData("## \u2067שלום\u2069 world", "\u2067שלום\u2069 world")]
    [InlineData("## a\u202Cb", "ab")]
    public void Render_toc_text_keeps_only_the_bidirectional_controls_closed_within_it(string markdown, string text)
    {
        var rendered = Render(markdown);
        Assert.Equal(text, Assert.Single(rendered.Toc).Text);
        Assert.Contains(markdown[3..], rendered.Html, StringComparison.Ordinal); // the heading itself stays as written
    }

    [Fact]
    public void Render_toc_leaves_out_headings_inside_footnotes_but_gives_them_ids()
    {
        var rendered = Render("## 正文\n\n內容[^1]\n\n[^1]: 註解\n\n    ## 附註標題\n");
        Assert.Equal("正文", Assert.Single(rendered.Toc).Text);
        Assert.Contains("id=\"user-content-1-附註標題\"", rendered.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_duplicate_headings_get_numbered_ids()
    {
        var toc = Render("# 背景\n\n## 背景\n\n### 背景\n\n## 背景 2").Toc;
        Assert.Equal(["user-content-1-背景", "user-content-1-背景-2", "user-content-1-背景-3", "user-content-1-背景-2-2"], toc.Select(entry => entry.Id));
    }

    [Fact]
    public void Render_heading_without_letters_falls_back_to_its_position()
    {
        var rendered = Render("## 簡介\n\n## !!!\n\n## 🎉");
        Assert.Equal(["user-content-1-簡介", "user-content-1-section-2", "user-content-1-section-3"], rendered.Toc.Select(entry => entry.Id));
        Assert.Contains("<h2 id=\"user-content-1-section-2\">!!!</h2>", rendered.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_empty_heading_gets_an_id_but_no_toc_entry()
    {
        var rendered = Render("#\n\n## 結語");
        Assert.Contains("<h1 id=\"user-content-1-section-1\"></h1>", rendered.Html, StringComparison.Ordinal);
        Assert.Equal("user-content-1-結語", Assert.Single(rendered.Toc).Id);
    }

    [Theory]
    [InlineData("# \u200B")] // zero-width space
    [InlineData("# \u2066\u2069")] // an empty bidi isolate
    [InlineData("# \u00AD\u200D")] // soft hyphen, zero-width joiner
    public void Render_heading_of_invisible_characters_only_gets_an_id_but_no_toc_entry(string heading)
    {
        // A toc entry that shows nothing is an empty link in the reader's contents, as an empty heading would be.
        var rendered = Render(heading + "\n\n## 結語");
        Assert.Contains("<h1 id=\"user-content-1-section-1\">", rendered.Html, StringComparison.Ordinal);
        Assert.Equal("user-content-1-結語", Assert.Single(rendered.Toc).Id);
    }

    [Fact]
    public void Render_toc_lists_headings_in_document_order_with_level_and_plain_text()
    {
        var toc = Render("# 阿里發布 **Qwen3-Max**\n\n正文。\n\n## 跑分 `SWE-Bench`\n\n> ### 引用裡的標題\n\n## [價格](https://example.com)").Toc;
        Assert.Equal(
            [
                new TocEntry(1, "阿里發布 Qwen3-Max", "user-content-1-阿里發布-qwen3-max"),
                new TocEntry(2, "跑分 SWE-Bench", "user-content-1-跑分-swe-bench"),
                new TocEntry(3, "引用裡的標題", "user-content-1-引用裡的標題"),
                new TocEntry(2, "價格", "user-content-1-價格"),
            ],
            toc);
    }

    [Fact]
    public void Render_same_markdown_twice_gives_same_ids_and_html()
    {
        const string Markdown = "# 標題\n\n## 標題\n\n## Section\n\n## section";
        Assert.Equal(Render(Markdown).Html, Render(Markdown).Html);
        Assert.Equal(Render(Markdown).Toc, Render(Markdown).Toc);
    }

    [Fact]
    public void Render_setext_heading_is_in_the_toc() =>
        Assert.Equal(new TocEntry(1, "總結", "user-content-1-總結"), Assert.Single(Render("總結\n===").Toc));

    [Fact]
    public void Render_heading_with_html_has_escaped_text_and_a_safe_id()
    {
        var rendered = Render("## <script>alert(1)</script>");
        SafeHtml.AssertSafe(rendered.Html);
        Assert.Equal(new TocEntry(2, "<script>alert(1)</script>", "user-content-1-script-alert-1-script"), Assert.Single(rendered.Toc));
    }
}
