using System.Text;
using System.Text.RegularExpressions;
using ContentApi.Text;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ContentApi.Rendering;

/// <summary>
/// The text an article's excerpt is cut from: its paragraphs (in lists and quotes too), without headings, code, tables
/// or the label of a figure; a body with no such paragraph gives all its text but the labels. A figure's label is the
/// first line right after its image (in the same paragraph, or the next one) when it reads as a credit ("圖源:ifanr",
/// "Source: CNCF") or is short with no sentence end (a caption); a lead sentence after a cover image stays.
/// </summary>
internal static partial class ExcerptSource
{
    /// <summary>Longest caption, in characters as <c>characterCount</c> counts them.</summary>
    private const int CaptionMaxLength = 100;

    private const string SentenceEnds = "。！？.!?…";
    private static readonly char[] Closers = [.. "」』”’\"')）》】"];

    public static string Of(MarkdownDocument document)
    {
        var prose = new StringBuilder();
        Append(prose, document, proseOnly: true);
        if (prose.ToString().Trim().Length > 0)
        {
            return prose.ToString();
        }
        var everything = new StringBuilder();
        Append(everything, document, proseOnly: false);
        return everything.ToString();
    }

    /// <summary>Appends the block's text; a container's children in turn, each knowing whether the one before was a figure.</summary>
    /// <returns>Whether the block ends with a figure, so that a line next may label it.</returns>
    private static bool Append(StringBuilder builder, Block block, bool proseOnly, bool afterFigure = false)
    {
        switch (block)
        {
            case ParagraphBlock paragraph when FigureParagraphRenderer.FigureLines(paragraph) is (_, var after):
                if (after is null)
                {
                    return true;
                }
                AppendUnlessLabel(builder, TextFrom(after), afterFigure: true);
                return false;
            case ParagraphBlock paragraph:
                AppendUnlessLabel(builder, TextFrom(paragraph.Inline?.FirstChild), afterFigure);
                return false;
            case ContainerBlock container and not Table:
                // A figure labels only what follows it in its own list item or quote.
                var childAfterFigure = false;
                foreach (var child in container)
                {
                    childAfterFigure = Append(builder, child, proseOnly, childAfterFigure);
                }
                return false;
            default:
                // Headings, code, tables, thematic breaks: not prose, but better than nothing.
                if (!proseOnly)
                {
                    PlainText.AppendBlock(builder, block);
                }
                return false;
        }
    }

    private static string TextFrom(Inline? first)
    {
        var text = new StringBuilder();
        for (var inline = first; inline is not null; inline = inline.NextSibling)
        {
            PlainText.AppendInline(text, inline);
        }
        return PlainText.CollapseSpaces(text.ToString()).Trim();
    }

    /// <summary>The text, without its first line when a figure just before makes that line a label.</summary>
    private static void AppendUnlessLabel(StringBuilder builder, string text, bool afterFigure)
    {
        if (afterFigure)
        {
            var firstLineEnd = text.IndexOf('\n', StringComparison.Ordinal);
            var firstLine = firstLineEnd < 0 ? text : text[..firstLineEnd];
            if (IsLabel(firstLine.Trim()))
            {
                text = firstLineEnd < 0 ? "" : text[(firstLineEnd + 1)..];
            }
        }
        PlainText.AppendLine(builder, text);
    }

    private static bool IsLabel(string line) =>
        CreditRegex().IsMatch(line) ||
        ArticleText.CountCharacters(line) <= CaptionMaxLength && !SentenceEnds.Contains(line.TrimEnd(Closers).LastOrDefault());

    [GeneratedRegex(@"^(圖源|图源|圖片來源|图片来源|圖片|图片|來源|来源|攝影|摄影|圖|图|source|credit|photo|image|via)\s*[:：|｜/]|^©", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CreditRegex();
}
