using ContentApi.Rendering;
using Markdig;
using Markdig.Syntax;

namespace ContentApi.UnitTests.Rendering;

public sealed class NextSiblingsTests
{
    [Fact]
    public void Gives_each_blocks_next_one_and_indexes_each_container_once()
    {
        var document = Markdown.Parse(string.Concat(Enumerable.Repeat("![](image:1)\n\n", 2_000)) + "> 引用\n>\n> 第二段");
        var siblings = new NextSiblings();
        var blocks = document.Descendants<ParagraphBlock>().ToList();

        var next = blocks.Select(siblings.Of).ToList();

        Assert.Same(document[1], next[0]);
        Assert.Same(document[^1], next[1_999]);
        Assert.Same(((QuoteBlock)document[^1])[1], next[2_000]); // within the quote
        Assert.Null(next[^1]);
        Assert.Equal(document.Count + ((QuoteBlock)document[^1]).Count, siblings.BlocksIndexed);
    }
}
