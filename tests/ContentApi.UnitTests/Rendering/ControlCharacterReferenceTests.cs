using ContentApi.Rendering;
using ContentApi.Text;

namespace ContentApi.UnitTests.Rendering;

/// <summary>
/// Review: a numeric character reference to a control character (<c>&amp;#27;</c>, <c>&amp;#7;</c>) put that character
/// into the HTML, the table of contents, the plain text and the derived excerpt, though the API refuses it in any text it
/// takes: an excerpt read and edited was a 400 for a character its writer never saw, and an RSS feed's XML writer
/// refuses it. And the references to 128-159 that pages converted from Windows-1252 hold (<c>&amp;#147;</c> for “),
/// which browsers show as HTML reads them, came out as invisible C1 controls: the quotes, dashes and ellipses were lost.
/// </summary>
public sealed class ControlCharacterReferenceTests
{
    private static string Render(string markdown) => MarkdownRenderer.Render(articleId: 1, markdown, new Dictionary<long, InlineImage>()).Html;

    [Theory]
    [InlineData("他說&#147;開源&#148;很重要&#133;", "他說“開源”很重要…")]
    [InlineData("Skoda &#150; &#138;koda&#153; &#128;5", "Skoda – Škoda™ €5")]
    [InlineData("it&#146;s &#x92;x&#x92;", "it’s ’x’")]
    public void A_reference_to_128_159_reads_as_HTML_reads_it(string markdown, string text)
    {
        Assert.Equal(text, MarkdownRenderer.ToPlainText(markdown));
        Assert.Equal($"<p>{text}</p>", Render(markdown));
    }

    [Theory]
    [InlineData("控制&#27;[31m字元&#7;鈴", "控制\uFFFD[31m字元\uFFFD鈴")]
    [InlineData("未定義&#129;&#x8D;&#127;&#x0C;", "未定義\uFFFD\uFFFD\uFFFD\uFFFD")]
    public void A_reference_to_another_control_character_is_the_replacement_character(string markdown, string text)
    {
        Assert.Equal(text, MarkdownRenderer.ToPlainText(markdown));
        Assert.Equal($"<p>{text}</p>", Render(markdown));
    }

    [Fact]
    public void A_reference_to_a_tab_is_kept() => Assert.Equal("<p>a\tb</p>", Render("a&#9;b"));

    [Theory]
    [InlineData("# 標題&#27;ESC\n\n正文")]
    [InlineData("[連結](https://a.example \"標題&#7;\")")]
    [InlineData("[連結][r]\n\n[r]: https://a.example \"標題&#7;\"")]
    [InlineData("![圖&#27;說](https://cdn.example.com/a.jpg)")]
    [InlineData("| a&#27; | b |\n|---|---|\n| c | d |")]
    public void No_control_character_reaches_the_HTML_or_the_text(string markdown)
    {
        var rendered = MarkdownRenderer.Render(articleId: 1, markdown, new Dictionary<long, InlineImage>());
        Assert.True(TextRules.HasNoControlCharacters(rendered.Html), rendered.Html);
        Assert.All(rendered.Toc, entry => Assert.True(TextRules.HasNoControlCharacters(entry.Text), entry.Text));
        Assert.True(TextRules.HasNoControlCharacters(MarkdownRenderer.ToPlainText(markdown)));
    }

    [Fact]
    public void A_derived_excerpt_holds_no_control_character()
    {
        var excerpt = DerivedExcerpt.Of("控制字元&#27;[31m紅色&#7;鈴。");
        Assert.Equal("控制字元\uFFFD[31m紅色\uFFFD鈴。", excerpt);
        Assert.True(TextRules.HasNoControlCharacters(excerpt));
    }
}
