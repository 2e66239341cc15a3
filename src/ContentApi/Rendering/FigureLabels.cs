using ContentApi.Text;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ContentApi.Rendering;

/// <summary>
/// A figure's label: a short line with no sentence end right after its image, such as the credit "圖源:ifanr" or a
/// caption, and a credit line right after a caption (news sites write both: "阿里雲發布會現場", then "圖源:ifanr"; a
/// caption on the line right above its credit may also be a sentence, up to <see cref="MaxCaptionAboveCredit"/>). A
/// line is the next one in the image's own paragraph, or the next paragraph when that is one line (or a caption and
/// its credit); the first line of a wrapped paragraph is not a label, nor is a sentence, nor a line introducing what
/// follows. The HTML shows it in the figure's caption; the excerpt leaves it out.
/// </summary>
internal static partial class FigureLabels
{
    /// <summary>Longest label, in characters as <c>characterCount</c> counts them.</summary>
    private const int MaxLength = 100;

    /// <summary>
    /// Longest caption on the line right above its credit, in the same paragraph: the credit line tells it from prose,
    /// so it may be a sentence, as news captions are ("台積電位於新竹的晶圓廠。", then "圖源：路透社"), and as long as
    /// an agency's (AP's often pass 100 characters).
    /// </summary>
    internal const int MaxCaptionAboveCredit = 400;

    private static readonly char[] Closers = [.. Excerpts.Closers];

    /// <summary>The ends of a line that goes on below it: one introducing what follows, or the first of a wrapped sentence.</summary>
    private const string GoesOnEnds = ":：，,、；;";

    private const string ProseEnds = Excerpts.SentenceEnds + GoesOnEnds;

    /// <summary>
    /// Some text, short, and not ending as a sentence does, or as a line that introduces what follows (a colon), or as the
    /// first line of a sentence wrapped onto the next (a comma or a semicolon: "阿里雲今天在杭州發布了新模型，").
    /// </summary>
    public static bool IsLabel(string line) =>
        line.Length > 0 && ArticleText.CountCharacters(line) <= MaxLength && !ProseEnds.Contains(LastBeforeClosers(line))
        || IsMarkedCaption(line);

    /// <summary>
    /// A line opened with the ▲ or △ Taiwanese papers mark a picture's caption with, which tells it from prose as a
    /// credit under it does, so it may be a sentence as long as such a caption ("▲阿里雲位於杭州的總部大樓。"), but not
    /// one that goes on below it (<see cref="GoesOnEnds"/>: "▲ 重點如下：", "▲阿里雲今天在杭州發布了新模型，").
    /// </summary>
    private static bool IsMarkedCaption(string line) =>
        IsMarked(line) && WithoutLabelMark(line).Trim().Length > 0
        && ArticleText.CountCharacters(line) <= MaxCaptionAboveCredit && !GoesOnEnds.Contains(LastBeforeClosers(line));

    /// <summary>
    /// Whether a line opened with ▲ or △ has a line under it, or a paragraph, opened so too that names no source: there
    /// the mark opens the points of a list, as Korean papers and some Chinese writers use it ("▲ 第一點：…。", "▲ 第二點：…。",
    /// which a colon after their first words alone does not make credits).
    /// </summary>
    private static bool IsMarkedListPoint(LabelLine line, LabelLine? below) => IsMarkedListPoint(line.Text, below?.Text);

    /// <summary><see cref="IsMarkedListPoint(LabelLine, LabelLine?)"/> of a line's text and that of the line under it, if any (import's).</summary>
    internal static bool IsMarkedListPoint(string line, string? below) =>
        below is { } next && IsMarked(line) && IsMarked(next) && !NamesSource(next);

    private static bool IsMarked(string text) => WithoutLabelMark(text).Length < text.Length;

    /// <summary>The last character of a line before its closing quotes and brackets: how the line ends.</summary>
    private static char LastBeforeClosers(string line) => line.TrimEnd(Closers).LastOrDefault();

    /// <summary>The first line of the paragraph after a block, when it has text and is not itself figures.</summary>
    private static LabelLine? FirstLineAfter(Block block, NextSiblings siblings) =>
        OwnParagraphAfter(block, siblings) is { } paragraph ? LineAt(paragraph.Inline!.FirstChild).Line : null;

    /// <summary>
    /// The label of the figures of a paragraph (<see cref="FigureParagraphRenderer.FigureLines"/>), whose line after
    /// them starts at <paramref name="after"/> (null: the paragraph ends with them). Null when there is none.
    /// </summary>
    public static FigureLabel? Of(ParagraphBlock figures, Inline? after, NextSiblings siblings)
    {
        if (after is not null)
        {
            var (first, next) = LineAt(after);
            if (next is not null && LineAt(next) is var (below, afterBelow) && IsCaptionAboveCredit(first, below))
            {
                return new FigureLabel(first, below, [], afterBelow);
            }
            if (!IsLabelLine(first))
            {
                return next is null ? SentenceAboveCreditParagraph(figures, siblings, first, []) : null;
            }
            if (next is not null)
            {
                var (second, rest) = LineAt(next);
                return IsCaptionAndCredit(first, second) ? new FigureLabel(first, second, [], rest)
                    : GoesOnFrom(first, second) || IsMarkedListPoint(first, second) ? null
                    : Alone(first, [], next);
            }
            return CreditParagraphAfter(figures, siblings, first) is var (credit, paragraph)
                ? new FigureLabel(first, credit, [paragraph], null)
                : IsMarkedListPoint(first, FirstLineAfter(figures, siblings)) ? null
                : Alone(first, [], null);
        }
        if (OwnParagraphAfter(figures, siblings) is not { } own)
        {
            return null;
        }
        var (line, more) = LineAt(own.Inline!.FirstChild);
        if (more is not null && LineAt(more) is (var creditBelow, null) && IsCaptionAboveCredit(line, creditBelow))
        {
            return new FigureLabel(line, creditBelow, [own], null);
        }
        if (!IsLabelLine(line))
        {
            return more is null ? SentenceAboveCreditParagraph(own, siblings, line, [own]) : null;
        }
        if (more is not null)
        {
            // A paragraph of two lines is a label only as a caption and its credit; any other is a wrapped paragraph.
            var (second, rest) = LineAt(more);
            return rest is null && IsCaptionAndCredit(line, second) ? new FigureLabel(line, second, [own], null) : null;
        }
        if (CreditParagraphAfter(own, siblings, line) is var (credit2, creditParagraph))
        {
            return new FigureLabel(line, credit2, [own, creditParagraph], null);
        }
        return IsSubhead(line) || IsMarkedListPoint(line, FirstLineAfter(own, siblings)) ? null : Alone(line, [own], null);
    }

    /// <summary>
    /// Whether a line goes on with the sentence of the line above, as an English sentence wrapped between words does
    /// ("…released its new model", then "in Hangzhou, drawing…"): the line above ends in a word or number, and this one
    /// starts with a word in lowercase (not a brand written so, "iPhone", which may start a sentence).
    /// </summary>
    private static bool GoesOnFrom(LabelLine above, LabelLine line) =>
        above.Text is [.., var last] && (char.IsLower(last) || char.IsUpper(last) || char.IsDigit(last))
        && line.Text.Split(' ', 2)[0] is [var first, ..] word && char.IsLower(first) && !word.Any(char.IsUpper);

    /// <summary>
    /// A line all in bold that names no source: in a paragraph of its own with no credit under it, the subhead of the
    /// next section ("**二、市場反應**"), not a caption.
    /// </summary>
    private static bool IsSubhead(LabelLine line) =>
        !IsCredit(line.Text) && Content(line.Inlines) is [EmphasisInline emphasis]
        && (IsStrong(emphasis) || emphasis is { FirstChild: EmphasisInline { NextSibling: null } inner } && IsStrong(inner));

    /// <summary>** or __ (~~ is a strikethrough, == a mark).</summary>
    private static bool IsStrong(EmphasisInline emphasis) => emphasis is { DelimiterCount: >= 2, DelimiterChar: '*' or '_' };

    /// <summary>The inlines of a line but the blank text between them.</summary>
    private static List<Inline> Content(List<Inline> line) => [.. line.Where(i => i is not LiteralInline literal || !literal.Content.IsEmptyOrWhitespace())];

    /// <summary>A label line with no credit after it: the credit, if it is one, else the caption.</summary>
    private static FigureLabel Alone(LabelLine line, IReadOnlyList<ParagraphBlock> paragraphs, Inline? after) =>
        IsCreditLabel(line.Text) ? new FigureLabel(null, line, paragraphs, after) : new FigureLabel(line, null, paragraphs, after);

    /// <summary>
    /// A label that is a credit (<see cref="IsCredit"/>), but not a sentence opened with ▲ or △, a label only as a marked
    /// caption (<see cref="IsMarkedCaption"/>), that names no source: a colon after its first words makes no credit of it
    /// ("▲ 記者會上，魏哲家表示：「我們會在美國擴大投資。」"), and as one it stood in for the image's own.
    /// </summary>
    private static bool IsCreditLabel(string text) =>
        IsCredit(text) && !(IsMarked(text) && Excerpts.SentenceEnds.Contains(LastBeforeClosers(text)) && !NamesSource(text));

    /// <summary>
    /// Whether a label line and the line after it are a caption and its credit: the second a credit, and the first none,
    /// or one only by its colon while the second names its source ("左起：吳泳銘、蔡崇信", then "圖源:ifanr"), or a note
    /// that names none ("資料照", then "圖源：中央社").
    /// </summary>
    private static bool IsCaptionAndCredit(LabelLine first, LabelLine second) =>
        IsCreditLine(second) && (!IsCredit(first.Text) || IsNoteWithoutSource(first.Text) || (NamesSource(second.Text) && !NamesSource(first.Text)));

    /// <summary>A caption of any sentence shape on the line right above its credit (<see cref="MaxCaptionAboveCredit"/>).</summary>
    private static bool IsCaptionAboveCredit(LabelLine caption, LabelLine credit) =>
        caption.Text.Length > 0 && ArticleText.CountCharacters(caption.Text) <= MaxCaptionAboveCredit
        && !":：".Contains(LastBeforeClosers(caption.Text)) && IsWordsOnOneLine(caption) && IsCaptionAndCredit(caption, credit);

    /// <summary>
    /// A caption of any sentence shape alone on its line (<see cref="IsCaptionAboveCredit"/>) and the paragraph right
    /// after it when that is one line that names its source, as CMS exports write a caption and its credit, one
    /// &lt;p&gt; each ("熊本縣知事蒲島郁夫與魏哲家握手。", then "圖／達志影像"). A credit only by its colon does not
    /// make a sentence a caption, nor does a data note (<see cref="NamesPictureSource"/>).
    /// </summary>
    private static FigureLabel? SentenceAboveCreditParagraph(Block block, NextSiblings siblings, LabelLine caption, IReadOnlyList<ParagraphBlock> paragraphs) =>
        CreditParagraphAfter(block, siblings, caption) is var (credit, paragraph) && NamesPictureSource(credit.Text) && IsCaptionAboveCredit(caption, credit)
            ? new FigureLabel(caption, credit, [.. paragraphs, paragraph], null)
            : null;

    /// <summary>The paragraph after a block, when it has text and is not itself figures.</summary>
    private static ParagraphBlock? OwnParagraphAfter(Block block, NextSiblings siblings) =>
        siblings.Of(block) is ParagraphBlock { Inline.FirstChild: not null } paragraph && FigureParagraphRenderer.FigureLines(paragraph) is null
            ? paragraph
            : null;

    /// <summary>The one-line paragraph after a caption's block, when it is the credit of <paramref name="caption"/>.</summary>
    private static (LabelLine Credit, ParagraphBlock Paragraph)? CreditParagraphAfter(Block block, NextSiblings siblings, LabelLine caption)
    {
        if (OwnParagraphAfter(block, siblings) is not { } paragraph)
        {
            return null;
        }
        var (line, more) = LineAt(paragraph.Inline!.FirstChild);
        return more is null && IsCaptionAndCredit(caption, line) ? (line, paragraph) : null;
    }

    /// <summary>
    /// The line starting at <paramref name="first"/>, and the first inline of the next line (null: none). A &lt;br&gt; ends
    /// it too, as HTML converted to Markdown writes lines: the label under an image ("![](image:1)&lt;br&gt;台北101夜景&lt;br&gt;圖源：中央社"),
    /// a byline ("作者｜王小明&lt;br&gt;行政院…") or a label of further reading ("延伸閱讀&lt;br&gt;[…](…)"); the next starts past
    /// the source line break after it.
    /// </summary>
    internal static (LabelLine Line, Inline? Next) LineAt(Inline? first)
    {
        var inlines = new List<Inline>();
        var inline = first;
        for (; inline is not null and not LineBreakInline && !AllowedInlineHtml.IsLineBreak(inline); inline = inline.NextSibling)
        {
            if (!FootnoteBackLinks.Is(inline))
            {
                inlines.Add(inline);
            }
        }
        var text = PlainText.CollapseSpaces(PlainText.OfInlines(inlines)).Trim();
        return (new LabelLine(inlines, text), inline is LineBreakInline ? inline.NextSibling : PastBreaks(inline));
    }

    /// <summary>The first inline after a run of &lt;br&gt; tags, source line breaks and blank text (null: none).</summary>
    private static Inline? PastBreaks(Inline? inline)
    {
        while (inline is LineBreakInline || (inline is not null && AllowedInlineHtml.IsLineBreak(inline)) || (inline is LiteralInline literal && literal.Content.IsEmptyOrWhitespace()))
        {
            inline = inline.NextSibling;
        }
        return inline;
    }

    private static bool IsLabelLine(LabelLine line) => IsLabel(line.Text) && IsWordsOnOneLine(line);

    /// <summary>One line of words about the picture (<see cref="HoldsMoreThanWords"/>).</summary>
    private static bool IsWordsOnOneLine(LabelLine line) => !line.Text.Contains('\n', StringComparison.Ordinal) && !HoldsMoreThanWords(line.Inlines);

    private static bool IsCreditLine(LabelLine line) => IsLabelLine(line) && IsCreditLabel(line.Text);

    /// <summary>
    /// Whether a line is more than words about the picture, so that it stays out of the caption: it shows an image, or it
    /// is a link and nothing else (a "閱讀原文" call to action, a video to embed; a credit may link its source, as in "圖源:[ifanr](url)").
    /// </summary>
    private static bool HoldsMoreThanWords(List<Inline> line)
    {
        var content = Content(line);
        return line.Any(i => i is LinkInline { IsImage: true } || (i is ContainerInline container && container.Descendants<LinkInline>().Any(l => l.IsImage)))
            || content is [LinkInline { IsImage: false } or AutolinkInline];
    }
}
