using ContentApi.Import;

namespace ContentApi.UnitTests.Import;

public sealed class TitleTests
{
    [Theory]
    [InlineData("# 標題", "標題")]
    [InlineData("# Title #", "Title")]
    [InlineData("#   C# in depth  ", "C# in depth")]
    [InlineData("## Section as title", "Section as title")]
    [InlineData("Setext title\n============", "Setext title")]
    public void Parse_heading_on_first_line_is_the_title_and_leaves_body(string heading, string title)
    {
        var document = Import.Succeeds(heading + "\n\nText.\n");
        Assert.Equal(title, document.Title);
        Assert.Equal("Text.\n", document.BodyTemplate);
    }

    [Fact]
    public void Parse_level_one_heading_after_cover_image_is_the_title()
    {
        var document = Import.Succeeds(Import.Lines("![Cover](https://x.example/c.jpg)", "圖源:ifanr", "", "# 真正的標題", "", "Text."));
        Assert.Equal("真正的標題", document.Title);
        Assert.Equal("![Cover](image:{0})\n\nText.\n", document.BodyTemplate);
    }

    [Fact]
    public void Parse_level_one_heading_wins_over_an_earlier_section_heading()
    {
        var document = Import.Succeeds(Import.Lines("## Kicker", "", "# Title", "", "Text."));
        Assert.Equal("Title", document.Title);
        Assert.Equal("## Kicker\n\nText.\n", document.BodyTemplate);
    }

    /// <summary>Raw HTML is text to the API, but the importer takes no title from it (as when it read HTML blocks as such).</summary>
    [Theory]
    [InlineData("<!-- more -->")]
    [InlineData("<div align=\"center\">")]
    [InlineData("<br/>")]
    [InlineData("<p>")]
    public void Parse_without_heading_skips_raw_html_for_the_title(string html) =>
        Assert.Equal("First paragraph of the post.", Import.Succeeds(Import.Lines(html, "", "First paragraph of the post.")).Title);

    [Theory]
    [InlineData("<b>Bold</b> start")]
    [InlineData("<Romeo & Juliet> at the Globe")]
    [InlineData("<https://example.com/> is our home")]
    public void Parse_without_heading_takes_a_line_starting_with_inline_html_as_the_title(string line) =>
        Assert.Equal(line, Import.Succeeds(Import.Lines(line, "", "Text.")).Title);

    /// <summary>A comment or a <c>&lt;pre&gt;</c> block ends at its closing marker: the next line of the paragraph is text again.</summary>
    [Theory]
    [InlineData("<!-- imported -->")]
    [InlineData("<pre>x</pre>")]
    [InlineData("<title>My Page</title>")]
    public void Parse_without_heading_takes_the_line_after_a_closed_html_block_as_the_title(string html)
    {
        var document = Import.Succeeds(Import.Lines(html, "My Title", "", "Body text here."));
        Assert.Equal(html.StartsWith("<title>", StringComparison.Ordinal) ? "Body text here." : "My Title", document.Title);
    }

    /// <summary>A heading in an HTML comment, which the API does not show, was taken as the title (found by a review).</summary>
    [Fact]
    public void Parse_takes_no_title_from_an_html_comment()
    {
        var document = Import.Succeeds(Import.Lines("<!--", "# 舊標題（勿用）", "-->", "", "# 新標題", "", "正文。"));
        Assert.Equal("新標題", document.Title);
        Assert.Equal("<!--\n# 舊標題（勿用）\n-->\n\n正文。\n", document.BodyTemplate);
    }

    [Fact]
    public void Parse_without_heading_takes_first_line_with_a_warning()
    {
        var result = MarkdownImportParser.Parse(Import.File, Import.Lines("", "第一行就是標題", "第二行是正文。", "", "## 小節", "", "內容。"));
        Assert.Equal("第一行就是標題", result.Document!.Title);
        Assert.Equal("第二行是正文。\n\n## 小節\n\n內容。\n", result.Document.BodyTemplate);
        var warning = Assert.Single(result.Problems);
        Assert.Equal((2, ImportSeverity.Warning), (warning.Line, warning.Severity));
    }

    [Fact]
    public void Parse_first_line_title_skips_images_and_code()
    {
        var document = Import.Succeeds(Import.Lines("```", "code", "```", "![A](https://x.example/a.png)", "", "Title line", "", "Text."));
        Assert.Equal("Title line", document.Title);
        Assert.Equal("```\ncode\n```\n![A](image:{0})\n\nText.\n", document.BodyTemplate);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n   \n")]
    [InlineData("![Only an image](https://x.example/a.png)\n")]
    [InlineData("---\nslug: s\n---\n\n")]
    public void Parse_without_any_title_fails(string content)
    {
        var problem = Import.FailsWith(content);
        Assert.StartsWith("No title", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_title_is_not_normalised() =>
        Assert.Equal("Cafe\u0301", Import.Succeeds("# Cafe\u0301\n").Title);
}
