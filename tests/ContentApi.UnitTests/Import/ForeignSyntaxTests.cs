using ContentApi.Import;

namespace ContentApi.UnitTests.Import;

/// <summary>
/// Obsidian's and static-site generators' syntax was imported silently and shown to readers as written, an Obsidian
/// comment (%%TODO: 운영 시간 확인%%) among it (found by an editor's probe): each kind gets a warning at its first line.
/// </summary>
public sealed class ForeignSyntaxTests
{
    [Theory]
    [InlineData("남산타워 %%TODO: 운영 시간 확인%%", "Obsidian comments")]
    [InlineData("![[namsan.jpg]]", "Obsidian embeds")]
    [InlineData("See [[Seoul trip]] for more.", "Wiki links")]
    [InlineData("> [!tip] 야경", "Obsidian callouts")]
    [InlineData("{{< figure src=\"/img/mrt.jpg\" >}}", "Hugo shortcodes")]
    [InlineData("{% include related.html %}", "Liquid tags")]
    [InlineData("<img src=\"{{ site.baseurl }}/a.png\">", "Liquid tags")]
    // A WordPress export's HTML and shortcodes were shown to readers as text without a word (blog migration).
    [InlineData("<figure>", "HTML tags")]
    [InlineData("園區 <img src=\"https://old.example.com/wp-content/uploads/fab.jpg\" alt=\"晶圓廠\" width=\"640\" /> 一角", "HTML tags")]
    [InlineData("<p style=\"text-align: center;\">園區一角</p>", "HTML tags")]
    [InlineData("[caption id=\"attachment_123\" align=\"aligncenter\" width=\"640\"]晶圓廠內部[/caption]", "WordPress shortcodes")]
    [InlineData("[gallery ids=\"12,13,14\"]", "WordPress shortcodes")]
    [InlineData("[embed]https://www.youtube.com/watch?v=dQw4w9WgXcQ[/embed]", "WordPress shortcodes")]
    public void Syntax_markdown_shows_as_written_is_told_at_its_line(string line, string kind)
    {
        var result = MarkdownImportParser.Parse(Import.File, Import.Lines("# 제목", "", "본문.", "", line, "", line));
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        var warning = Assert.Single(result.Problems, p => p.Message.StartsWith(kind, StringComparison.Ordinal));
        Assert.Equal((5, ImportSeverity.Warning), (warning.Line, warning.Severity));
        Assert.Contains(line, result.Document!.BodyTemplate, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("```\n{{< figure >}}\n[[x]]\n```")]
    [InlineData("~~~liquid\n{% include x %}\n~~~")]
    [InlineData("成長率 50%，比去年的 40% 高。")]
    [InlineData("[text](https://example.com) and [[1]](https://example.com/ref)")]
    // Template code in a code span or an indented code block is code readers should see (a post about Vue or Hugo).
    [InlineData("Vue writes `{{ message }}` and Hugo `{{< figure >}}` in templates.")]
    [InlineData("A Jekyll include:\n\n    {% include footer.html %}")]
    // The inline tags the API renders, comments it leaves out, autolinks, links and HTML in code are no such HTML.
    [InlineData("CO<sub>2</sub> 與 m<sup>2</sup>，<ruby>漢<rt>かん</rt></ruby>，按 <kbd>Ctrl</kbd>，<mark>重點</mark><br>下一行<wbr>")]
    [InlineData("前言。\n\n<!-- more -->\n\n正文。")]
    [InlineData("詳見 <https://example.com/a> 或寫信到 <editor@example.com>。")]
    [InlineData("[caption](https://example.com/caption) 與 [gallery][g]\n\n[g]: https://example.com/g")]
    [InlineData("用 `<img src=\"a.png\">` 放圖片：\n\n```html\n<figure><img src=\"a.png\"></figure>\n```")]
    [InlineData("若 a<b 且 c>d，則 1 < 2。")]
    public void Code_and_plain_text_get_no_warning(string body) =>
        Assert.Empty(MarkdownImportParser.Parse(Import.File, Import.Lines("# T", "", body)).Problems);
}
