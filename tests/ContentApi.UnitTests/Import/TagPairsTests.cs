using ContentApi.Import;

namespace ContentApi.UnitTests.Import;

/// <summary>
/// Opening tags that never close: each looked for its closing tag through every line after it, so a body of such lines
/// was read once per line, a time and an allocation in the square of its length (a 500,000-character body of them,
/// hours). A closing tag looked for once is known for every opening before it.
/// </summary>
public sealed class TagPairsTests
{
    [Theory]
    [InlineData("{% quote %}")]
    [InlineData("{% codeblock %}")]
    [InlineData("{% highlight ruby %}")]
    public void Unclosed_opening_tags_on_every_line_are_read_in_one_pass(string opening)
    {
        var body = string.Concat(Enumerable.Repeat(opening + "\n", 4_000));
        // Once first, so that what the patterns build on their first use is not counted.
        HighlightBlocks.AsFences(HexoQuotes.AsQuotes(opening + "\n" + opening + "\n"));

        var allocated = Allocated(() =>
        {
            Assert.Equal(body, HexoQuotes.AsQuotes(body));
            Assert.Equal(body, HighlightBlocks.AsFences(body));
        });

        Assert.True(allocated < 1_000L * body.Length, $"{allocated:N0} bytes allocated for a body of {body.Length:N0} characters");
    }

    [Fact]
    public void Openings_before_one_closing_tag_pair_the_first_with_it_and_leave_the_rest()
    {
        var body = "{% quote %}\n{% quote %}\na\n{% endquote %}\n{% quote %}\n";

        Assert.Equal(">\n> {% quote %}\n> a\n>\n{% quote %}\n", HexoQuotes.AsQuotes(body));
    }

    private static long Allocated(Action action)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
