using System.Text;
using Markdig.Extensions.Tables;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace ContentApi.Rendering;

/// <summary>
/// Paragraphs, headings, list items and table cells that hold right-to-left letters (Arabic, Hebrew, Syriac, Thaana…)
/// get <c>dir="auto"</c>: a browser then lays each out by its first strong letter, so an Arabic paragraph in a Chinese
/// article reads right to left with its full stop at its end, and a Chinese one quoting a Hebrew word stays left to
/// right. Blocks with none are left without it, as GitHub's bare paragraphs would only grow the HTML. A figure's caption
/// gets it as it is written (<see cref="ImageHtml.WriteFigure"/>).
/// </summary>
internal static class RightToLeftBlocks
{
    public static void Mark(MarkdownDocument document)
    {
        foreach (var leaf in document.Descendants<LeafBlock>())
        {
            if (leaf is ParagraphBlock or HeadingBlock && leaf.Inline is { } inline && HoldsRightToLeft(PlainText.Of(inline)))
            {
                ElementOf(leaf).GetAttributes().AddPropertyIfNotExist("dir", "auto");
            }
        }
    }

    /// <summary>The block whose tag holds the text: a tight list's item and a table's cell write their paragraph without a p.</summary>
    private static Block ElementOf(LeafBlock leaf) => leaf.Parent switch
    {
        ListItemBlock { Parent: ListBlock { IsLoose: false } } item => item,
        TableCell cell => cell,
        _ => leaf,
    };

    public static bool HoldsRightToLeft(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsRightToLeft(rune))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The blocks of letters Unicode gives a right-to-left direction (bidi classes R and AL).</summary>
    private static bool IsRightToLeft(Rune rune) => rune.Value switch
    {
        >= 0x0590 and <= 0x08FF => true,
        >= 0xFB1D and <= 0xFDFF => true,
        >= 0xFE70 and <= 0xFEFE => true,
        >= 0x10800 and <= 0x10FFF => true,
        >= 0x1E800 and <= 0x1EFFF => true,
        _ => false,
    };
}
