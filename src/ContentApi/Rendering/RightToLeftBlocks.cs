using System.Text;
using Markdig.Extensions.Tables;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace ContentApi.Rendering;

/// <summary>
/// Paragraphs, headings, lists and their items, tables and their cells, and blockquotes that hold right-to-left letters (Arabic, Hebrew,
/// Syriac, Thaana…) get their direction written out, <c>dir="rtl"</c> or <c>dir="ltr"</c> (<see cref="DirectionOf"/>):
/// <c>dir="auto"</c> let a browser take the first strong letter, so a Chinese paragraph opening with an Arabic quote
/// (<c>「السلام عليكم」，阿拉伯聯盟…</c>) was laid out right to left. Blocks with none are left without it, as GitHub's bare
/// paragraphs would only grow the HTML. A figure's caption gets <c>dir="auto"</c> as it is written (<see cref="ImageHtml.WriteFigure"/>).
/// In an article written right to left (<see cref="Text.RightToLeftLanguages"/>) each of them holding right-to-left letters
/// is "rtl", the caption too: a brand opening an Arabic sentence or table ("iPhone 17 Pro متوفر…", "iPhone | السعر") is a
/// word of it, where its first letter laid it out left to right.
/// </summary>
internal static class RightToLeftBlocks
{
    public static void Mark(MarkdownDocument document, bool rightToLeftArticle = false)
    {
        foreach (var leaf in document.Descendants<LeafBlock>())
        {
            if (leaf is ParagraphBlock or HeadingBlock && leaf.Inline is { } inline && DirectionOf(PlainText.Of(inline), rightToLeftArticle) is { } direction)
            {
                ElementOf(leaf).GetAttributes().AddPropertyIfNotExist("dir", direction);
            }
        }
        // A table's too: its columns run in its direction, whatever its cells' (an Arabic table's first column is on the right);
        // and a list's, whose indent is on its own start side while each item puts its bullet on the item's.
        foreach (var container in document.Descendants<ContainerBlock>().Where(block => block is QuoteBlock or Table or ListBlock))
        {
            var text = string.Join('\n', container.Descendants<LeafBlock>().Where(leaf => leaf.Inline is not null).Select(leaf => PlainText.Of(leaf.Inline!)));
            if (DirectionOf(text, rightToLeftArticle) is { } direction)
            {
                container.GetAttributes().AddPropertyIfNotExist("dir", direction);
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

    /// <summary>
    /// "rtl" or "ltr" for text holding right-to-left letters, null for text with none: the direction of its first strong
    /// letter (a letter of any script; digits, marks and punctuation are neutral) outside quotation marks and brackets
    /// (<see cref="QuotedSpans"/>), a name or phrase quoted in another script, or else, when every letter is inside
    /// them, of its first letter; always "rtl" in an article written right to left (<paramref name="rightToLeftArticle"/>).
    /// </summary>
    public static string? DirectionOf(string text, bool rightToLeftArticle = false)
    {
        if (!HoldsRightToLeft(text))
        {
            return null;
        }
        if (rightToLeftArticle)
        {
            return "rtl";
        }
        var first = FirstStrongLetter(text, QuotedSpans(text)) ?? FirstStrongLetter(text, null);
        return first is { } letter && IsRightToLeft(letter) ? "rtl" : "ltr";
    }

    /// <summary>
    /// Whether the text holds a right-to-left letter: Arabic-Indic digits and Arabic punctuation, in the same blocks, are
    /// none, so a table cell of a price in Persian digits (۶۸٬۵۰۰) takes its table's direction rather than "ltr".
    /// </summary>
    public static bool HoldsRightToLeft(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsLetter(rune) && IsRightToLeft(rune))
            {
                return true;
            }
        }
        return false;
    }

    private static Rune? FirstStrongLetter(string text, bool[]? quoted)
    {
        for (var i = 0; i < text.Length;)
        {
            // A lone surrogate reads as U+FFFD, no letter.
            Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var length);
            if ((quoted is null || !quoted[i]) && Rune.IsLetter(rune))
            {
                return rune;
            }
            i += length;
        }
        return null;
    }

    /// <summary>Opening quotation marks and brackets, and what closes each; the straight double quote closes itself.</summary>
    private static readonly Dictionary<char, char> Closers = new()
    {
        ['「'] = '」', ['『'] = '』', ['《'] = '》', ['〈'] = '〉', ['【'] = '】', ['“'] = '”', ['‘'] = '’',
        ['«'] = '»', ['‹'] = '›', ['('] = ')', ['（'] = '）', ['"'] = '"',
    };

    /// <summary>
    /// Which characters lie inside a pair of quotation marks or brackets, nested or not. A mark never closed quotes
    /// nothing, and a closing one never opened is text (the ’ of "don’t"). Linear, however many marks are left open.
    /// </summary>
    private static bool[] QuotedSpans(string text)
    {
        var depthChange = new int[text.Length + 1];
        var open = new List<(char Closer, int At)>();
        var pending = new Dictionary<char, int>();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (pending.GetValueOrDefault(c) > 0)
            {
                // Found within the marks it closes over, which are dropped: each mark is looked at once more at most.
                var closes = open.FindLastIndex(mark => mark.Closer == c);
                depthChange[open[closes].At]++;
                depthChange[i + 1]--;
                foreach (var dropped in open.Skip(closes))
                {
                    pending[dropped.Closer]--;
                }
                open.RemoveRange(closes, open.Count - closes);
            }
            else if (Closers.TryGetValue(c, out var closer))
            {
                open.Add((closer, i));
                pending[closer] = pending.GetValueOrDefault(closer) + 1;
            }
        }
        var quoted = new bool[text.Length];
        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            depth += depthChange[i];
            quoted[i] = depth > 0;
        }
        return quoted;
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
