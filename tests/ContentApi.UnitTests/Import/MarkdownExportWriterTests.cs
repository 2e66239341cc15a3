using ContentApi.Import;

namespace ContentApi.UnitTests.Import;

public sealed class MarkdownExportWriterTests
{
    private static readonly ExportArticle Article = new(
        Title: "阿里巴巴發布 Qwen3-Max：參數突破一兆",
        Slug: "alibaba-qwen3-max",
        Language: "zh-Hant",
        Status: "published",
        Body: "九月下旬，阿里巴巴發布 Qwen3-Max。\n\n![主視覺](image:41)\n\n## 評測\n\nSWE-Bench Verified 69.6 分。\n",
        Authors: [new("林睿哲", "lin-rui-zhe"), new("Jane Doe")],
        Tags: [new("人工智慧", "人工智慧"), new("AI & Society", "ai-society")],
        PublishedAt: new DateTimeOffset(2025, 9, 24, 10, 30, 0, TimeSpan.FromHours(8)),
        Subtitle: "兆級參數",
        Excerpt: "阿里巴巴在雲棲大會發布 Qwen3-Max。",
        CanonicalUrl: "https://news.example.com/2025/09/alibaba-qwen3-max#top",
        Cover: new CoverImageRef("image:40", "Qwen3-Max 標誌"),
        ImageIds: [43, 41, 40]);

    [Fact]
    public void Write_emits_front_matter_then_body()
    {
        Assert.Equal(
            """
            ---
            title: 阿里巴巴發布 Qwen3-Max：參數突破一兆
            slug: alibaba-qwen3-max
            subtitle: 兆級參數
            excerpt: 阿里巴巴在雲棲大會發布 Qwen3-Max。
            authors:
            - name: 林睿哲
              slug: lin-rui-zhe
            - Jane Doe
            tags:
            - name: 人工智慧
              slug: 人工智慧
            - name: AI & Society
              slug: ai-society
            language: zh-Hant
            status: published
            publishedAt: 2025-09-24T02:30:00Z
            canonicalUrl: https://news.example.com/2025/09/alibaba-qwen3-max#top
            cover:
              url: image:40
              alt: Qwen3-Max 標誌
            imageIds: [43, 41, 40]
            ---

            九月下旬，阿里巴巴發布 Qwen3-Max。

            ![主視覺](image:41)

            ## 評測

            SWE-Bench Verified 69.6 分。

            """.ReplaceLineEndings("\n"),
            MarkdownExportWriter.Write(Article));
    }

    [Fact]
    public void Write_then_parse_gives_back_every_field_and_the_body()
    {
        var document = Import.Succeeds(MarkdownExportWriter.Write(Article));
        AssertSame(Article, ToExport(document));
    }

    [Fact]
    public void Write_then_parse_keeps_bodies_the_parser_would_otherwise_edit()
    {
        // A heading, a byline, credit lines after stored images, CRLF, NFD and leading blank lines all survive.
        const string body = "\r\n\r\n# 標題\r\n\r\n作者 | 王小明\r\n\r\n![A](image:7)\r\n*說明*\r\n圖源:ifanr\r\n\r\nCafe\u0301 image:{0}\r\n";
        var article = Article with { Body = body, Authors = [] };
        var document = Import.Succeeds(MarkdownExportWriter.Write(article));
        AssertSame(article, ToExport(document));
    }

    /// <summary>
    /// Review: an article about Hugo or Jekyll writing their tags as text came back changed from its own export: a
    /// figure shortcode became a new image, raw and highlight tags were taken away, an embed became a link. A file that
    /// names imageIds is written for this API, and its body is this API's Markdown.
    /// </summary>
    [Fact]
    public void Write_then_parse_keeps_other_generators_tags_as_the_text_they_are()
    {
        const string body = "{{< figure src=\"https://example.com/a.jpg\" alt=\"x\" >}}\n\n{% raw %}{{ page.title }}{% endraw %}\n\n" +
            "{% highlight ruby %}\nputs 1\n{% endhighlight %}\n\n{{< youtube dQw4w9WgXcQ >}}\n\n{% include figure.html image_path=\"https://example.com/b.jpg\" %}\n";
        var article = Article with { Body = body, ImageIds = [] };
        var result = MarkdownImportParser.Parse(Import.File, MarkdownExportWriter.Write(article));
        AssertSame(article, ToExport(result.Document!));
        Assert.Empty(result.Problems);
    }

    [Fact]
    public void Write_draft_without_optional_fields_round_trips()
    {
        var draft = new ExportArticle("Draft", "draft", "en", "draft", "", [new("Jane Doe")], []);
        var written = MarkdownExportWriter.Write(draft);
        Assert.Equal("---\ntitle: Draft\nslug: draft\nauthors:\n- Jane Doe\ntags: []\nlanguage: en\nstatus: draft\n---\n\n", written);
        AssertSame(draft, ToExport(Import.Succeeds(written)));
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("null")]
    [InlineData("~")]
    [InlineData("2025")]
    [InlineData("3.14 reasons")]
    [InlineData(" leading and trailing ")]
    [InlineData("key: value")]
    [InlineData("C# #hashtag")]
    [InlineData("- dash")]
    [InlineData("'single' and \"double\" quotes")]
    [InlineData("back\\slash")]
    [InlineData("line\nbreak")]
    [InlineData("crlf\r\nbreak")]
    [InlineData("tab\there")]
    [InlineData("ends with colon:")]
    [InlineData("---")]
    [InlineData("emoji 🎉 and 𠀀")]
    [InlineData("\uFEFFbom")]
    [InlineData("sep\u2028line")]
    [InlineData("nul\0char")]
    [InlineData("[brackets] {braces}")]
    [InlineData("*star* @at `tick` %pct")]
    [InlineData("Cafe\u0301")]
    public void Write_then_parse_keeps_awkward_titles_exactly(string title)
    {
        var article = Article with { Title = title, Subtitle = title, Tags = [new(title)], Authors = [new(title, "slug")] };
        var document = Import.Succeeds(MarkdownExportWriter.Write(article));
        // Names without a slug (as a person writes them) are trimmed; texts, and names with their slug (as an export writes them), are kept exactly.
        Assert.Equal((title, title, title.Trim(), title), (document.Title, document.Subtitle, Assert.Single(document.Tags.Names()), Assert.Single(document.Authors.Names())));
    }

    /// <summary>
    /// Plain, these read as something else to YAML 1.1 readers such as PyYAML (<c>=</c> as a value key, <c>&lt;&lt;</c> as a
    /// merge key: both refused), and U+FFFE and U+FFFF are no YAML characters at all (PyYAML and Go's yaml refuse the
    /// file): the export of such a title, which the API stores, could not be read by the site generators the front matter
    /// is written for.
    /// </summary>
    [Theory]
    [InlineData("=", "\"=\"")]
    [InlineData("<<", "\"<<\"")]
    [InlineData("x\uFFFFy", "\"x\\uFFFFy\"")]
    [InlineData("\uFFFEx", "\"\\uFFFEx\"")]
    public void Write_quotes_what_yaml_1_1_readers_take_for_something_else_or_refuse(string title, string written)
    {
        var text = MarkdownExportWriter.Write(Article with { Title = title });
        Assert.Contains($"\ntitle: {written}\n", text, StringComparison.Ordinal);
        Assert.Equal(title, Import.Succeeds(text).Title);
    }

    [Fact]
    public void Write_omits_absent_optional_texts_which_read_back_as_null()
    {
        var document = Import.Succeeds(MarkdownExportWriter.Write(Article with { Subtitle = null, Excerpt = null, Cover = null }));
        Assert.Equal((null, null, null), (document.Subtitle, document.Excerpt, document.CoverImage));
    }

    /// <summary>
    /// The API stores an empty subtitle and excerpt as sent, and shows an empty excerpt rather than one derived from the
    /// body; the export left them out, and the import then made them null: the excerpt derived again, a new version.
    /// </summary>
    [Fact]
    public void Write_then_parse_keeps_an_empty_subtitle_and_excerpt()
    {
        var written = MarkdownExportWriter.Write(Article with { Subtitle = "", Excerpt = "" });
        Assert.Contains("\nsubtitle: \"\"\nexcerpt: \"\"\n", written, StringComparison.Ordinal);
        var document = Import.Succeeds(written);
        Assert.Equal(("", ""), (document.Subtitle, document.Excerpt));
    }

    /// <summary>The API stores them as sent; the export left them out, and the import then cleared them (found by a fuzzer).</summary>
    [Theory]
    [InlineData(" ")]
    [InlineData("   ")]
    [InlineData("\u00a0")]
    [InlineData("\u2029")]
    [InlineData("\t\n")]
    public void Write_then_parse_keeps_a_subtitle_and_excerpt_of_spaces(string spaces)
    {
        var document = Import.Succeeds(MarkdownExportWriter.Write(Article with { Subtitle = spaces, Excerpt = spaces }));
        Assert.Equal((spaces, spaces), (document.Subtitle, document.Excerpt));
    }

    /// <summary>An export's Markdown left out the slugs that lead to an article, so importing it lost them.</summary>
    [Fact]
    public void Write_then_parse_keeps_the_earlier_slugs_as_aliases()
    {
        var article = Article with { EarlierSlugs = ["old-title", "2019-舊文", "true"] };
        var written = MarkdownExportWriter.Write(article);
        Assert.Contains("\naliases: [old-title, \"2019-舊文\", \"true\"]\n", written, StringComparison.Ordinal);
        AssertSame(article, ToExport(Import.Succeeds(written)));
    }

    private static ExportArticle ToExport(ImportDocument document) => new(
        document.Title, document.Slug!, document.Language!, document.Status!,
        document.BodyWith([.. document.Images.Select(i => i.ExistingImageId!.Value)]),
        document.Authors, document.Tags, document.PublishedAt, document.Subtitle, document.Excerpt,
        document.CanonicalUrl, document.CoverImage, document.ListedImageIds, [.. document.EarlierSlugs.Select(earlier => earlier.Slug)]);

    /// <summary>Records compare lists by reference; articles are equal when their lists hold the same names.</summary>
    private static void AssertSame(ExportArticle expected, ExportArticle actual)
    {
        Assert.Equal(expected.Authors, actual.Authors);
        Assert.Equal(expected.Tags, actual.Tags);
        Assert.Equal(expected.ImageIds, actual.ImageIds);
        Assert.Equal(expected.EarlierSlugs ?? [], actual.EarlierSlugs);
        Assert.Equal(expected, actual with { Authors = expected.Authors, Tags = expected.Tags, ImageIds = expected.ImageIds, EarlierSlugs = expected.EarlierSlugs });
    }
}
