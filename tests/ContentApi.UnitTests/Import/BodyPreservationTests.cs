using ContentApi.Import;

namespace ContentApi.UnitTests.Import;

public sealed class BodyPreservationTests
{
    /// <summary>
    /// A body Markdig would take seconds to parse is refused at its line, unless the front matter names everything the
    /// body could give (title, authors, images), as an export writes it: then it is taken whole and unread, for the
    /// importer to accept only as the body its article has stored.
    /// </summary>
    [Fact]
    public void Parse_takes_a_body_too_costly_to_read_whole_only_when_the_front_matter_names_all_it_could_give()
    {
        var body = "![a](https://x.example/a.png)\n圖源:ifanr\n\n" + string.Concat(Enumerable.Repeat("*a ", 5000));
        var problem = Import.FailsWith(Import.Lines("---", "title: T", "authors: [J]", "---", "") + body);
        Assert.Equal(6, problem.Line);
        Assert.Equal(ContentApi.Rendering.MarkdownScanCost.Explanation, problem.Message);

        var document = Import.Succeeds(Import.Lines("---", "title: T", "authors: [J]", "imageIds: []", "---", "") + body);
        Assert.True(document.BodyUnscanned);
        Assert.Empty(document.Images);
        Assert.Equal(body, document.BodyTemplate);
    }

    [Fact]
    public void Parse_keeps_unicode_unnormalised()
    {
        const string body = "Cafe\u0301 ＡＩ 㐀 𠀀 ﬁ e\u0301\u0301\n";
        Assert.Equal(body, Import.Succeeds("# T\n\n" + body).BodyTemplate);
    }

    [Fact]
    public void Parse_keeps_mixed_line_endings_and_trailing_spaces()
    {
        const string body = "Line one  \r\nLine two\nLine three\r\n\r\nTail without newline";
        Assert.Equal(body, Import.Succeeds("# T\r\n\r\n" + body).BodyTemplate);
    }

    [Fact]
    public void Parse_drops_a_leading_byte_order_mark()
    {
        var document = Import.Succeeds("\uFEFF---\ntitle: T\n---\nBody\n");
        Assert.Equal(("T", "Body\n"), (document.Title, document.BodyTemplate));
    }

    [Fact]
    public void Parse_keeps_literal_placeholder_like_text_apart_from_images()
    {
        var document = Import.Succeeds("# T\n\nText image:{0} {{0}}\n\n![A](https://x.example/a.png)\n");
        Assert.Equal("Text image:{0} {{0}}\n\n![A](image:5)\n", document.BodyWith([5]));
    }

    [Fact]
    public void Parse_credit_at_end_of_file_keeps_trailing_blank_lines_as_they_were()
    {
        var document = Import.Succeeds("# T\n\n![A](https://x.example/a.png)\n圖源:ifanr\n\n");
        Assert.Equal("![A](image:{0})\n\n", document.BodyTemplate);
    }

    [Fact]
    public void Parse_finds_image_urls_after_tabs_and_surrogate_pairs()
    {
        var document = Import.Succeeds("# T\n\n𠀀\t ![A](https://x.example/a.png) 𠀀\n");
        Assert.Equal("https://x.example/a.png", document.Images[0].Url);
        Assert.Equal("𠀀\t ![A](image:3) 𠀀\n", document.BodyWith([3]));
    }

    /// <summary>A NUL, which Markdig reads as U+FFFD, is refused at its line as the API refuses it (the file reader refuses it before, in a file).</summary>
    [Fact]
    public void Parse_refuses_a_nul_in_the_body_at_its_line()
    {
        var problem = Import.FailsWith("# T\n\n𠀀\t\0 ![A](https://x.example/a.png) 𠀀\n");
        Assert.Equal((3, "body: Must not contain control characters (such as NUL): U+0000 here."), (problem.Line, problem.Message));
    }

    [Fact]
    public void Parse_handles_old_mac_line_endings()
    {
        var document = Import.Succeeds("# T\r\r![A](https://x.example/a.png)\r圖源:ifanr\r\rText\r");
        Assert.Equal(("T", "圖源:ifanr"), (document.Title, document.Images[0].Credit));
        Assert.Equal("![A](image:{0})\r\rText\r", document.BodyTemplate);
    }
}
