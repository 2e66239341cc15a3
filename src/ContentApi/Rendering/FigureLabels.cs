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
internal static class FigureLabels
{
    /// <summary>Longest label, in characters as <c>characterCount</c> counts them.</summary>
    private const int MaxLength = 100;

    private static readonly char[] Closers = [.. Excerpts.Closers];

    private const string ProseEnds = Excerpts.SentenceEnds + ":：";

    /// <summary>Short, and not ending as a sentence does, or as a line that introduces what follows (a colon).</summary>
    public static bool IsLabel(string line) =>
        ArticleText.CountCharacters(line) <= MaxLength && !ProseEnds.Contains(line.TrimEnd(Closers).LastOrDefault());

    /// <summary>A label naming a source ("圖源:ifanr", "Source: CNCF", "攝影：王小明") rather than describing the picture.</summary>
    public static bool IsCredit(string label) => label.AsSpan().IndexOfAny(":：") >= 0;

    /// <summary>The text from <paramref name="first"/> on, as one line per source line, spaces collapsed.</summary>
    public static string TextFrom(Inline? first) => PlainText.CollapseSpaces(PlainText.From(first)).Trim();

    /// <summary>
    /// The label of the figures of a paragraph (<see cref="FigureParagraphRenderer.FigureLines"/>): the inlines of the
    /// line after them, or of the next paragraph when it is one line and not itself figures; and the first inline of what
    /// the paragraph holds after the label. Null when the line is no label.
    /// </summary>
    public static FigureLabel? Of(ParagraphBlock figures, Inline? after)
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
            return IsLabel(text) ? new FigureLabel(line, text, null, inline?.NextSibling) : null;
        }
        if (figures.Parent is not { } container || container.IndexOf(figures) is var index && index + 1 >= container.Count ||
            container[index + 1] is not ParagraphBlock { Inline: { } next } paragraph || FigureParagraphRenderer.FigureLines(paragraph) is not null)
        {
            return null;
        }
        var whole = TextFrom(next.FirstChild);
        return !whole.Contains('\n', StringComparison.Ordinal) && IsLabel(whole) ? new FigureLabel([.. next], whole, paragraph, null) : null;
    }
}
