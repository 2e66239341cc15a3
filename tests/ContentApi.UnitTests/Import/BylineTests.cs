using ContentApi.Import;

namespace ContentApi.UnitTests.Import;

public sealed class BylineTests
{
    [Theory]
    [InlineData("作者 | 王小明", new[] { "王小明" })]
    [InlineData("作者｜王小明", new[] { "王小明" })]
    [InlineData("作者：王小明、李華", new[] { "王小明", "李華" })]
    [InlineData("作者:王小明,李華", new[] { "王小明", "李華" })]
    [InlineData("文 | 陳怡婷", new[] { "陳怡婷" })]
    [InlineData("文/陳怡婷", new[] { "陳怡婷" })]
    [InlineData("記者 林睿哲／台北報導", null)]
    [InlineData("By Jane Doe", new[] { "Jane Doe" })]
    [InlineData("By Jane Doe and John Roe", new[] { "Jane Doe", "John Roe" })]
    [InlineData("By Jane Doe, John Roe & Ludwig van Beethoven", new[] { "Jane Doe", "John Roe", "Ludwig van Beethoven" })]
    [InlineData("**By J. R. Smith**", new[] { "J. R. Smith" })]
    [InlineData("By the way, prices fell.", null)]
    [InlineData("By 2026 the market will double", null)]
    [InlineData("作者認為，這項技術仍不成熟。", null)]
    [InlineData("作者：我們在實驗室裡待了三天。", null)]
    // Ended by a <br>, as HTML converted to Markdown writes a line: the author was named "王小明<br>", and "By Jane Doe<br>"
    // named none (review); with the lead after the <br>, the lead's first line left the body as the author's name.
    [InlineData("作者｜王小明<br>", new[] { "王小明" })]
    [InlineData("文／王小明 <BR/>", new[] { "王小明" })]
    [InlineData("By Jane Doe<br />", new[] { "Jane Doe" })]
    [InlineData("**By J. R. Smith**<br>", new[] { "J. R. Smith" })]
    [InlineData("作者｜王小明<br>行政院今天宣布新政策", null)]
    public void Parse_byline_near_top_names_authors_and_leaves_body(string line, string[]? expected)
    {
        var document = Import.Succeeds(Import.Lines("# Title", "", line, "", "First paragraph."));
        if (expected is null)
        {
            Assert.Empty(document.Authors.Names());
            Assert.Equal($"{line}\n\nFirst paragraph.\n", document.BodyTemplate);
        }
        else
        {
            Assert.Equal(expected, document.Authors.Names());
            Assert.Equal("First paragraph.\n", document.BodyTemplate);
        }
    }

    [Fact]
    public void Parse_byline_at_the_end_before_a_disclaimer_leaves_body()
    {
        var document = Import.Succeeds(Import.Lines("# Title", "", "Paragraph.", "", "作者 | 王小明", "", "本文僅供參考，不構成投資建議。"));
        Assert.Equal(["王小明"], document.Authors.Names());
        Assert.Equal("Paragraph.\n\n本文僅供參考，不構成投資建議。\n", document.BodyTemplate);
    }

    [Fact]
    public void Parse_byline_as_last_line_without_newline_leaves_body()
    {
        var document = Import.Succeeds("# Title\n\nParagraph.\n\nBy Jane Doe");
        Assert.Equal(["Jane Doe"], document.Authors.Names());
        Assert.Equal("Paragraph.\n", document.BodyTemplate);
    }

    [Fact]
    public void Parse_byline_in_the_middle_of_a_long_article_is_text()
    {
        var before = string.Concat(Enumerable.Range(1, 8).Select(i => $"Paragraph {i}.\n\n"));
        var after = string.Concat(Enumerable.Range(9, 8).Select(i => $"\n\nParagraph {i}."));
        var document = Import.Succeeds("# Title\n\n" + before + "By Jane Doe" + after);
        Assert.Empty(document.Authors.Names());
        Assert.Contains("By Jane Doe", document.BodyTemplate, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_byline_line_of_a_wrapped_last_paragraph_is_text()
    {
        var body = "Lead.\n\nThe new chips were designed jointly\nby Apple and Google.\n";
        var document = Import.Succeeds("# Title\n\n" + body);
        Assert.Empty(document.Authors.Names());
        Assert.Equal(body, document.BodyTemplate);
    }

    [Theory]
    [InlineData("作者 | 王小明\nSecond.")]
    [InlineData("Intro to the story\nBy Jane Doe")]
    [InlineData("By Jane Doe\nand the rest of the sentence.")]
    public void Parse_byline_sharing_its_paragraph_with_other_lines_is_text(string paragraph)
    {
        var top = Import.Succeeds("# Title\n\n" + paragraph + "\n\nMore.\n");
        Assert.Empty(top.Authors.Names());
        Assert.Equal(paragraph + "\n\nMore.\n", top.BodyTemplate);
        var bottom = Import.Succeeds("# Title\n\nLead.\n\n" + paragraph + "\n");
        Assert.Empty(bottom.Authors.Names());
    }

    [Fact]
    public void Parse_byline_right_under_the_title_heading_is_a_paragraph_of_its_own()
    {
        var document = Import.Succeeds(Import.Lines("# Title", "By Jane Doe", "", "Text."));
        Assert.Equal(["Jane Doe"], document.Authors.Names());
        Assert.Equal("Text.\n", document.BodyTemplate);
    }

    [Fact]
    public void Parse_authors_in_front_matter_keep_byline_in_body()
    {
        var document = Import.Succeeds(Import.Lines("---", "title: T", "authors: [李華]", "---", "作者 | 王小明", "", "Text."));
        Assert.Equal(["李華"], document.Authors.Names());
        Assert.Equal("作者 | 王小明\n\nText.\n", document.BodyTemplate);
    }

    [Fact]
    public void Parse_empty_authors_list_in_front_matter_turns_bylines_off()
    {
        var document = Import.Succeeds(Import.Lines("---", "title: T", "authors: []", "---", "By Jane Doe"));
        Assert.Empty(document.Authors.Names());
        Assert.Equal("By Jane Doe\n", document.BodyTemplate);
    }

    [Fact]
    public void Parse_byline_in_a_quote_or_list_is_text() =>
        Assert.Empty(Import.Succeeds(Import.Lines("# T", "", "> 作者 | 王小明", "", "- By Jane Doe")).Authors.Names());

    /// <summary>
    /// A Hugo or Jekyll site names its author once, in its configuration, and its posts name none: every such file
    /// failed ("No author"). <c>import --author NAME</c> is the author of the files that name none.
    /// </summary>
    [Theory]
    [InlineData("---\ntitle: T\n---\nBody.\n", "Site Owner")]
    [InlineData("---\ntitle: T\nauthors: [王小明]\n---\nBody.\n", "王小明")]
    [InlineData("---\ntitle: T\n---\n作者 | 王小明\n\nBody.\n", "王小明")]
    public void Parse_the_default_author_is_only_for_files_that_name_none(string content, string author) =>
        Assert.Equal([author], MarkdownImportParser.Parse(Import.File, content, new ParseOptions(DefaultAuthor: "Site Owner")).Document!.Authors.Select(a => a.Name));
}
