using System.Text.RegularExpressions;
using ContentApi.Text;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ContentApi.Rendering;

/// <param name="Inlines">What the label says, as Markdown inlines (a credit may link its source).</param>
/// <param name="Paragraph">The paragraph the label is, when it is one of its own.</param>
/// <param name="After">What the figures' own paragraph holds after the label (null: nothing).</param>
internal sealed record FigureLabel(List<Inline> Inlines, string Text, ParagraphBlock? Paragraph, Inline? After);

/// <summary>
/// A figure's label: a short line with no sentence end right after its image, such as the credit "圖源:ifanr" or a
/// caption. It is the first line after the image in the image's own paragraph, or the next paragraph when that is one
/// line; the first line of a wrapped paragraph is not a label, nor is a sentence, nor a line introducing what follows.
/// The HTML shows it in the figure's caption; the excerpt leaves it out.
/// </summary>
internal static partial class FigureLabels
{
    /// <summary>Longest label, in characters as <c>characterCount</c> counts them.</summary>
    private const int MaxLength = 100;

    private static readonly char[] Closers = [.. Excerpts.Closers];

    private const string ProseEnds = Excerpts.SentenceEnds + ":：";

    /// <summary>Some text, short, and not ending as a sentence does, or as a line that introduces what follows (a colon).</summary>
    public static bool IsLabel(string line) =>
        line.Length > 0 && ArticleText.CountCharacters(line) <= MaxLength && !ProseEnds.Contains(line.TrimEnd(Closers).LastOrDefault());

    /// <summary>
    /// A label naming a source ("圖源:ifanr", "Source: CNCF", "Photo by: Jane", "攝影：王小明") rather than describing the
    /// picture: a colon after a few leading words, and not one between digits ("10:30 的發布會現場" is a caption).
    /// </summary>
    public static bool IsCredit(string label) => CreditRegex().IsMatch(label);

    [GeneratedRegex(@"^\s*\S+(\s\S+){0,2}?\s*(?<!\d)[:：]", RegexOptions.CultureInvariant)]
    private static partial Regex CreditRegex();

    /// <summary>The text from <paramref name="first"/> on, as one line per source line, spaces collapsed.</summary>
    public static string TextFrom(Inline? first) => PlainText.CollapseSpaces(PlainText.From(first)).Trim();

    /// <summary>
    /// The label of the figures of a paragraph (<see cref="FigureParagraphRenderer.FigureLines"/>): the inlines of the
    /// line after them, or of the next paragraph when it is one line and not itself figures; and the first inline of what
    /// the paragraph holds after the label. Null when the line is no label.
    /// </summary>
    public static FigureLabel? Of(ParagraphBlock figures, Inline? after, NextSiblings siblings)
    {
        if (after is not null)
        {
            var line = new List<Inline>();
            var inline = after;
            for (; inline is not null and not LineBreakInline; inline = inline.NextSibling)
            {
                line.Add(inline);
            }
            var text = TextFrom(after).Split('\n')[0].Trim();
            return IsLabel(text) && !HoldsMoreThanWords(line) ? new FigureLabel(line, text, null, inline?.NextSibling) : null;
        }
        if (siblings.Of(figures) is not ParagraphBlock { Inline: { } next } paragraph || FigureParagraphRenderer.FigureLines(paragraph) is not null)
        {
            return null;
        }
        var whole = TextFrom(next.FirstChild);
        return !whole.Contains('\n', StringComparison.Ordinal) && IsLabel(whole) && !HoldsMoreThanWords([.. next])
            ? new FigureLabel([.. next], whole, paragraph, null)
            : null;
    }

    /// <summary>
    /// Whether a line is more than words about the picture, so that it stays out of the caption: it shows an image, or it
    /// is a link and nothing else (a "閱讀原文" call to action; a credit may link its source, as in "圖源:[ifanr](url)").
    /// </summary>
    private static bool HoldsMoreThanWords(List<Inline> line)
    {
        var content = line.Where(i => i is not LiteralInline literal || !literal.Content.IsEmptyOrWhitespace()).ToList();
        return line.Any(i => i is LinkInline { IsImage: true } || (i is ContainerInline container && container.Descendants<LinkInline>().Any(l => l.IsImage)))
            || content is [LinkInline { IsImage: false }];
    }
}
