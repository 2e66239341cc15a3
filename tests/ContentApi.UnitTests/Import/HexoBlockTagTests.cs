using ContentApi.Import;

namespace ContentApi.UnitTests.Import;

/// <summary>
/// Hexo's quote and code tags, <c>{% blockquote %}</c> … <c>{% endblockquote %}</c> and <c>{% codeblock %}</c> …
/// <c>{% endcodeblock %}</c>, which Hexo's blogs (Chinese-language tech blogs most of all) write quotes and code with:
/// import left them as written with the Liquid warning (noticed, stop 73), so readers saw the tags, the quote as a
/// paragraph of the author's own and the code read as Markdown. Each pair is now the Markdown it stands for.
/// </summary>
public sealed class HexoBlockTagTests
{
    [Theory]
    [InlineData("{% codeblock lang:js %}", "{% endcodeblock %}", "```js")]
    [InlineData("{% code lang:python %}", "{% endcode %}", "```python")]
    [InlineData("{% codeblock %}", "{% endcodeblock %}", "```")]
    [InlineData("{% codeblock Array.map %}", "{% endcodeblock %}", "```text title=\"Array.map\"")]
    [InlineData("{% codeblock _.compact http://underscorejs.org/#compact Underscore.js %}", "{% endcodeblock %}", "```text title=\"_.compact\"")]
    [InlineData("{% codeblock lang:objc 排序範例 line_number:false mark:2,4-5 %}", "{% endcodeblock %}", "```objc title=\"排序範例\"")]
    [InlineData("{%- codeblock lang:go -%}", "{%- endcodeblock -%}", "```go")]
    [InlineData("{% codeblock lang:`js` %}", "{% endcodeblock %}", "```js")]
    public void Parse_a_code_tag_pair_is_a_fenced_code_block(string opening, string closing, string fence)
    {
        var result = Import.Body("前言。", "", opening, "def *star*(a_b)", "![not an image](https://images.example.com/a.png)", closing, "", "下一段。");

        Assert.Empty(result.Problems);
        Assert.Empty(result.Document!.Images);
        Assert.Equal($"前言。\n\n{fence}\ndef *star*(a_b)\n![not an image](https://images.example.com/a.png)\n```\n\n下一段。\n", result.Document.BodyTemplate);
    }

    [Theory]
    [InlineData("{% blockquote %}", ">\n> 能力越大，責任越大。\n>\n> 這句話出自漫畫。\n>")]
    [InlineData("{% quote %}", ">\n> 能力越大，責任越大。\n>\n> 這句話出自漫畫。\n>")]
    [InlineData("{% blockquote 李安 %}", "> 能力越大，責任越大。\n>\n> 這句話出自漫畫。\n>\n> — 李安")]
    [InlineData("{% blockquote David Levithan, Wide Awake %}", "> 能力越大，責任越大。\n>\n> 這句話出自漫畫。\n>\n> — David Levithan, *Wide Awake*")]
    [InlineData("{% blockquote @DevDocs https://twitter.com/devdocs/status/356095192085962752 %}",
        "> 能力越大，責任越大。\n>\n> 這句話出自漫畫。\n>\n> — @DevDocs, [https://twitter.com/devdocs/status/356095192085962752](<https://twitter.com/devdocs/status/356095192085962752>)")]
    [InlineData("{% blockquote Seth Godin http://sethgodin.typepad.com/welcome.html Welcome to Island Marketing %}",
        "> 能力越大，責任越大。\n>\n> 這句話出自漫畫。\n>\n> — Seth Godin, [Welcome to Island Marketing](<http://sethgodin.typepad.com/welcome.html>)")]
    [InlineData("{% blockquote snake_case *fan*, The [Book] %}", "> 能力越大，責任越大。\n>\n> 這句話出自漫畫。\n>\n> — snake\\_case \\*fan\\*, *The \\[Book\\]*")]
    public void Parse_a_quote_tag_pair_is_a_markdown_quote_with_its_attribution_last(string opening, string quote)
    {
        var result = Import.Body("前言。", "", opening, "能力越大，責任越大。", "", "這句話出自漫畫。", "{% endblockquote %}".Replace("block", opening.Contains("blockquote", StringComparison.Ordinal) ? "block" : "", StringComparison.Ordinal), "", "下一段。");

        Assert.Empty(result.Problems);
        Assert.Equal($"前言。\n\n{quote}\n\n下一段。\n", result.Document!.BodyTemplate);
    }

    [Fact]
    public void Parse_a_quote_keeps_its_list_items_indentation_and_code_inside()
    {
        var result = Import.Body("- 重點：", "", "  {% blockquote 官方文件 %}", "  請先執行：", "", "  ```sh", "  hexo clean", "  ```", "  {% endblockquote %}");

        Assert.Empty(result.Problems);
        Assert.Equal("- 重點：\n\n  > 請先執行：\n  >\n  > ```sh\n  > hexo clean\n  > ```\n  >\n  > — 官方文件\n", result.Document!.BodyTemplate);
    }

    [Theory]
    // Unclosed, inside a fence (a post about Hexo), indented as code or inside a line: as written, with the warning outside code.
    [InlineData(true, "{% blockquote %}", "引文")]
    [InlineData(true, "{% codeblock lang:js %}", "x()")]
    [InlineData(false, "```", "{% blockquote %}", "引文", "{% endblockquote %}", "```")]
    [InlineData(true, "見 {% blockquote %} 的寫法。", "{% endblockquote %}")]
    [InlineData(false, "Hexo 這樣寫引文：", "", "    {% blockquote %}", "    引文", "    {% endblockquote %}")]
    public void Parse_other_quote_and_code_tags_stay_as_written(bool warned, params string[] body)
    {
        var result = Import.Body(body);
        Assert.Equal(warned, result.Problems.Any(problem => problem.Message.StartsWith("Liquid tags", StringComparison.Ordinal)));
        Assert.Equal(string.Join("\n", body) + "\n", result.Document!.BodyTemplate);
    }

    /// <summary>Review: a tag closed by its alias's closing tag (codeblock by endcode) was paired with it, which Hexo does not do.</summary>
    [Theory]
    [InlineData("{% codeblock lang:js %}", "{% endcode %}")]
    [InlineData("{% code lang:js %}", "{% endcodeblock %}")]
    [InlineData("{% blockquote %}", "{% endquote %}")]
    [InlineData("{% quote %}", "{% endblockquote %}")]
    public void Parse_a_tag_closed_by_its_aliases_closing_tag_stays_as_written(string opening, string closing)
    {
        var result = Import.Body(opening, "x()", closing);
        Assert.Equal($"{opening}\nx()\n{closing}\n", result.Document!.BodyTemplate);
    }

    [Fact]
    public void Parse_an_image_in_a_quote_is_found_at_its_line()
    {
        var result = Import.Body("{% blockquote %}", "![晶圓](https://images.example.com/a.png)", "{% endblockquote %}");

        Assert.Empty(result.Problems);
        Assert.Equal(">\n> ![晶圓](image:{0})\n>\n", result.Document!.BodyTemplate);
        Assert.Equal("https://images.example.com/a.png", Assert.Single(result.Document.Images).Url);
    }

    /// <summary>
    /// A long run of spaces in a line that opens like a shortcode or a highlight tag and never closes: Hugo's shortcode
    /// pattern split it between its arguments and the spaces around the closing mark every way there is, a time in the
    /// cube of its length (2,000 spaces took 31 s; this line, hours), and the highlight tags' patterns in its square.
    /// </summary>
    [Theory]
    [InlineData("{{< figure src=\"a\"")]
    [InlineData("{{< highlight go")]
    [InlineData("{% highlight ruby")]
    [InlineData("{% codeblock lang:js")]
    [InlineData("{% blockquote 李安")]
    public void Parse_a_long_line_that_opens_like_a_tag_and_never_closes_stays_as_written(string opening)
    {
        var line = opening + new string(' ', 30_000) + "x";
        Assert.Equal(line + "\n", Import.Body(line).Document!.BodyTemplate);
    }
}
