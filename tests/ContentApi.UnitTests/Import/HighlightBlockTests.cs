using ContentApi.Import;

namespace ContentApi.UnitTests.Import;

/// <summary>
/// Older Jekyll and Hugo posts mark code with a highlight tag, <c>{% highlight ruby %}…{% endhighlight %}</c> and
/// <c>{{&lt; highlight go &gt;}}…{{&lt; /highlight &gt;}}</c>: import left the tags as written, with a warning, so the
/// code between them was read as Markdown (its <c>*</c> and <c>_</c> became emphasis, its lines ran together, an image in
/// it was imported) and readers saw the tags. Each pair is now the fenced code block it stands for.
/// </summary>
public sealed class HighlightBlockTests
{
    private static ImportResult Parse(params string[] bodyLines) => Import.Body(bodyLines);

    [Theory]
    [InlineData("{% highlight ruby %}", "{% endhighlight %}", "```ruby")]
    [InlineData("{% highlight ruby linenos %}", "{% endhighlight %}", "```ruby")]
    [InlineData("{%- highlight ruby -%}", "{%- endhighlight -%}", "```ruby")]
    [InlineData("{{< highlight go >}}", "{{< /highlight >}}", "```go")]
    [InlineData("{{< highlight go \"linenos=table,hl_lines=2\" >}}", "{{< / highlight >}}", "```go")]
    [InlineData("{{< highlight \"c++\" >}}", "{{< /highlight >}}", "```c++")]
    public void Parse_a_highlight_pair_is_a_fenced_code_block(string opening, string closing, string fence)
    {
        var result = Parse("Lead.", "", opening, "def *star*(a_b)", "![not an image](https://images.example.com/a.png)", closing, "", "Next.");

        Assert.Empty(result.Problems);
        Assert.Empty(result.Document!.Images);
        Assert.Equal($"Lead.\n\n{fence}\ndef *star*(a_b)\n![not an image](https://images.example.com/a.png)\n```\n\nNext.\n", result.Document.BodyTemplate);
    }

    [Fact]
    public void Parse_code_holding_a_fence_gets_a_longer_one()
    {
        var document = Parse("{% highlight markdown %}", "```js", "x", "```", "{% endhighlight %}").Document!;
        Assert.Equal("````markdown\n```js\nx\n```\n````\n", document.BodyTemplate);
    }

    [Theory]
    // Unclosed, inside a fence (a post about Jekyll), or not alone on its line: as written, with the warning outside code.
    [InlineData(true, "{% highlight ruby %}", "def x")]
    [InlineData(false, "```", "{% highlight ruby %}", "def x", "{% endhighlight %}", "```")]
    [InlineData(true, "Use {% highlight ruby %} here.", "{% endhighlight %}")]
    [InlineData(false, "Jekyll marks code so:", "", "    {% highlight ruby %}", "    def x", "    {% endhighlight %}")]
    public void Parse_other_highlight_tags_stay_as_written(bool warned, params string[] body)
    {
        var result = Parse(body);
        Assert.Equal(warned, result.Problems.Any(problem => problem.Message.StartsWith("Liquid tags", StringComparison.Ordinal)));
        Assert.Equal(string.Join("\n", body) + "\n", result.Document!.BodyTemplate);
    }

    [Fact]
    public void Parse_keeps_the_lines_indentation_and_crlf()
    {
        var result = MarkdownImportParser.Parse(Import.File, "---\r\ntitle: T\r\nauthors: []\r\n---\r\n- item\r\n\r\n  {% highlight sh %}\r\n  ls\r\n  {% endhighlight %}\r\n");
        Assert.Equal("- item\r\n\r\n  ```sh\r\n  ls\r\n  ```\r\n", result.Document!.BodyTemplate);
    }
}
