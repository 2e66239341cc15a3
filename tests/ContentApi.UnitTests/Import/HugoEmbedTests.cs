using ContentApi.Import;

namespace ContentApi.UnitTests.Import;

/// <summary>
/// Hugo's built-in shortcodes that embed a video, a post or a gist (<c>{{&lt; youtube … &gt;}}</c>, <c>vimeo</c>, <c>x</c>,
/// <c>tweet</c>, <c>instagram</c>, <c>gist</c>) stayed in an imported body as written, with a warning: readers saw the
/// shortcode, and nothing said what it showed. Each is now the link to what it embeds, on its line, which a frontend can
/// show as a link or embed again.
/// </summary>
public sealed class HugoEmbedTests
{
    private static ImportResult Parse(params string[] bodyLines) => Import.Body(bodyLines);

    [Theory]
    [InlineData("{{< youtube w7Ft2ymGmfc >}}", "https://www.youtube.com/watch?v=w7Ft2ymGmfc")]
    [InlineData("{{< youtube id=\"w7Ft2ymGmfc\" autoplay=\"true\" >}}", "https://www.youtube.com/watch?v=w7Ft2ymGmfc")]
    [InlineData("{{< vimeo 55073825 >}}", "https://vimeo.com/55073825")]
    [InlineData("{{< x user=\"SanDiegoZoo\" id=\"1453110110599868418\" >}}", "https://x.com/SanDiegoZoo/status/1453110110599868418")]
    [InlineData("{{< tweet user=\"SanDiegoZoo\" id=\"1453110110599868418\" >}}", "https://x.com/SanDiegoZoo/status/1453110110599868418")]
    [InlineData("{{< tweet 1453110110599868418 >}}", "https://x.com/i/status/1453110110599868418")]
    [InlineData("{{< instagram CxOWiQNP2MO >}}", "https://www.instagram.com/p/CxOWiQNP2MO/")]
    [InlineData("{{< gist spf13 7896402 >}}", "https://gist.github.com/spf13/7896402")]
    [InlineData("{{% youtube w7Ft2ymGmfc %}}", "https://www.youtube.com/watch?v=w7Ft2ymGmfc")]
    public void Parse_an_embed_shortcode_is_the_link_to_what_it_embeds(string shortcode, string url)
    {
        var result = Parse("Lead.", "", shortcode, "", "Next.");

        Assert.Empty(result.Problems);
        Assert.Equal($"Lead.\n\n<{url}>\n\nNext.\n", result.Document!.BodyTemplate);
    }

    [Theory]
    // Not one whole embed on its own line, or arguments that name no such page: as written, with the warning.
    [InlineData("Watch {{< youtube w7Ft2ymGmfc >}} now.")]
    [InlineData("{{< youtube \"w7Ft2ymGmfc\\\"><script>\" >}}")]
    [InlineData("{{< vimeo abc >}}")]
    [InlineData("{{< x user=\"a/b\" id=\"1\" >}}")]
    [InlineData("{{< gist spf13 >}}")]
    [InlineData("{{< highlight go >}}")]
    public void Parse_other_shortcodes_stay_as_written_with_the_warning(string line)
    {
        var result = Parse("Lead.", "", line);

        Assert.Contains(result.Problems, problem => problem.Message.StartsWith("Hugo shortcodes", StringComparison.Ordinal));
        Assert.Equal($"Lead.\n\n{line}\n", result.Document!.BodyTemplate);
    }

    [Fact]
    public void Parse_an_embed_in_code_stays_code()
    {
        var document = Parse("```", "{{< youtube w7Ft2ymGmfc >}}", "```").Document!;
        Assert.Equal("```\n{{< youtube w7Ft2ymGmfc >}}\n```\n", document.BodyTemplate);
    }
}
