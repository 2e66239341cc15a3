using ContentApi.Import;

namespace ContentApi.UnitTests.Import;

/// <summary>The reference case: a Traditional-Chinese news article with a byline, credited images and a disclaimer.</summary>
public sealed class NewsFixtureTests
{
    private static ImportDocument Parse(string file = Fixture.NewsFile)
    {
        var result = MarkdownImportParser.Parse(file, Fixture.Read(file));
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        return result.Document!;
    }

    [Fact]
    public void Parse_news_article_takes_title_from_first_heading() =>
        Assert.Equal("阿里巴巴發布 Qwen3-Max：參數突破一兆，程式能力躋身全球第一梯隊", Parse().Title);

    [Fact]
    public void Parse_news_article_takes_author_from_byline() =>
        Assert.Equal(["林睿哲"], Parse().Authors.Names());

    [Fact]
    public void Parse_news_article_without_front_matter_leaves_other_fields_empty()
    {
        var document = Parse();
        Assert.Null(document.Slug);
        Assert.Null(document.Language);
        Assert.Null(document.Status);
        Assert.Null(document.PublishedAt);
        Assert.Null(document.CoverImage);
        Assert.Empty(document.Tags.Names());
    }

    [Fact]
    public void Parse_news_article_has_no_problems() =>
        Assert.Empty(MarkdownImportParser.Parse(Fixture.NewsFile, Fixture.Read(Fixture.NewsFile)).Problems);

    [Fact]
    public void Parse_news_article_finds_images_in_order_with_credits_and_captions()
    {
        var images = Parse().Images;
        Assert.Equal(
            [
                new ImportImage(0, "https://images.example.com/2025/09/qwen3-max-keynote.jpg", "Qwen3-Max 發布會主視覺",
                    "發布會現場，主講人介紹 Qwen3-Max 的訓練規模", "圖源:ifanr", 9),
                new ImportImage(1, "https://images.example.com/2025/09/swe-bench-verified.png", "SWE-Bench Verified 評測成績對比",
                    null, "圖源：阿里雲", 27),
                new ImportImage(2, "https://images.example.com/2025/09/qwen3-max-thinking-aime.png", "Qwen3-Max-Thinking 數學推理成績",
                    null, "圖源:通義千問官方部落格", 38),
                new ImportImage(3, "https://images.example.com/2025/09/yunqi-expo-hall.jpg", "杭州雲棲大會展區",
                    "雲棲大會展區人潮", "圖源：ifanr", 52),
            ],
            images);
    }

    [Fact]
    public void Parse_news_article_body_is_the_source_minus_consumed_lines_byte_for_byte() =>
        Assert.Equal(Fixture.Read(Fixture.ExpectedBodyFile), Parse().BodyTemplate);

    [Fact]
    public void Parse_news_article_body_drops_title_byline_captions_and_credits()
    {
        var body = Parse().BodyTemplate;
        Assert.DoesNotContain("作者", body, StringComparison.Ordinal);
        Assert.DoesNotContain("圖源", body, StringComparison.Ordinal);
        Assert.DoesNotContain("發布會現場", body, StringComparison.Ordinal);
        Assert.DoesNotContain("雲棲大會展區人潮", body, StringComparison.Ordinal);
        Assert.DoesNotContain("# 阿里巴巴發布", body, StringComparison.Ordinal);
        Assert.StartsWith("九月下旬的杭州雲棲大會上", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_news_article_keeps_headings_lists_quote_and_disclaimer()
    {
        var body = Parse().BodyTemplate;
        Assert.Contains("\n## 二、評測成績：SWE-Bench Verified 拿下 69.6 分\n", body, StringComparison.Ordinal);
        Assert.Contains("\n- 上下文長度：最高支援一百萬 token\n", body, StringComparison.Ordinal);
        Assert.Contains("\n> 評測分數只是起點", body, StringComparison.Ordinal);
        Assert.EndsWith("\n---\n\n本文僅供參考，不構成投資建議。\n", body, StringComparison.Ordinal);
    }

    [Fact]
    public void BodyWith_news_article_points_each_image_at_its_id()
    {
        var body = Parse().BodyWith([101, 102, 103, 104]);
        Assert.Equal(Fixture.Read(Fixture.ExpectedBodyFile).Replace("image:{0}", "image:101", StringComparison.Ordinal)
            .Replace("image:{1}", "image:102", StringComparison.Ordinal).Replace("image:{2}", "image:103", StringComparison.Ordinal)
            .Replace("image:{3}", "image:104", StringComparison.Ordinal), body);
        Assert.Contains("![SWE-Bench Verified 評測成績對比](image:102)\n", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_news_article_with_crlf_line_endings_keeps_crlf_in_body()
    {
        var crlf = Fixture.Read(Fixture.NewsFile).Replace("\n", "\r\n", StringComparison.Ordinal);
        var result = MarkdownImportParser.Parse(Fixture.NewsFile, crlf);
        Assert.True(result.Succeeded);
        Assert.Equal(Fixture.Read(Fixture.ExpectedBodyFile).Replace("\n", "\r\n", StringComparison.Ordinal), result.Document!.BodyTemplate);
        Assert.Equal("圖源:ifanr", result.Document.Images[0].Credit);
        Assert.Equal(["林睿哲"], result.Document.Authors.Names());
    }

    [Fact]
    public void Parse_front_matter_article_reads_every_field()
    {
        var document = Parse(Fixture.FrontMatterFile);
        Assert.Equal("阿里巴巴發布 Qwen3-Max：參數突破一兆，程式能力躋身全球第一梯隊", document.Title);
        Assert.Equal("alibaba-qwen3-max", document.Slug);
        Assert.Equal("兆級參數、SWE-Bench Verified 69.6 分，通義千問旗艦模型全面升級", document.Subtitle);
        Assert.StartsWith("阿里巴巴在雲棲大會發布 Qwen3-Max", document.Excerpt, StringComparison.Ordinal);
        Assert.Equal(["林睿哲", "Jane Doe"], document.Authors.Names());
        Assert.Equal(["人工智慧", "大型語言模型", "阿里巴巴"], document.Tags.Names());
        Assert.Equal("zh-Hant", document.Language);
        Assert.Equal("published", document.Status);
        Assert.Equal(new DateTimeOffset(2025, 9, 24, 2, 30, 0, TimeSpan.Zero), document.PublishedAt);
        Assert.Equal(new CoverImageRef("https://images.example.com/2025/09/qwen3-max-cover.jpg", "Qwen3-Max 標誌"), document.CoverImage);
        Assert.Equal("https://news.example.com/2025/09/alibaba-qwen3-max", document.CanonicalUrl);
    }

    [Fact]
    public void Parse_front_matter_article_has_the_same_body_and_images_as_the_plain_one()
    {
        var document = Parse(Fixture.FrontMatterFile);
        Assert.Equal(Fixture.Read(Fixture.ExpectedBodyFile), document.BodyTemplate);
        Assert.Equal(Parse().Images.Select(i => (i.Url, i.AltText, i.Caption, i.Credit)), document.Images.Select(i => (i.Url, i.AltText, i.Caption, i.Credit)));
        Assert.Equal(24, document.Images[0].Line);
    }

    [Fact]
    public void Parse_front_matter_article_warns_about_its_unknown_key()
    {
        var result = MarkdownImportParser.Parse(Fixture.FrontMatterFile, Fixture.Read(Fixture.FrontMatterFile));
        var problem = Assert.Single(result.Problems);
        Assert.Equal(new ImportProblem(Fixture.FrontMatterFile, 17, "Unknown front-matter key 'layout' ignored.", ImportSeverity.Warning), problem);
    }
}
