using System.Text.RegularExpressions;
using ContentApi.Rendering;
using Markdig.Syntax.Inlines;

namespace ContentApi.Import;

/// <summary>
/// Recognises the short lines that follow an image in news copy: a credit (<c>圖源:ifanr</c>, <c>Photo: Reuters</c>)
/// and a caption (<c>*發布會現場*</c>). Deliberately narrow: a false positive deletes a line of the article.
/// </summary>
internal static partial class ImageAnnotations
{
    public const int MaxCreditLength = 80;
    public const int MaxCaptionLength = 120;

    /// <summary>
    /// A label and a colon (ASCII or full-width), then the source; optionally in emphasis or parentheses. Or a label
    /// (short, not ending as a sentence does: <see cref="FigureLabels.IsLabel"/>) that the article's HTML shows as a
    /// credit because it can be nothing else (<see cref="FigureLabels.NamesSource"/>: <c>写真：共同通信</c>,
    /// <c>사진=연합뉴스</c>, <c>圖／中央社</c>, <c>Photo by Jane Doe</c>), which import left in the body, so the image had
    /// no credit (review); a sentence that starts the same way ("© 2025 ACME. All rights reserved.") stays in the body.
    /// The whole trimmed line is the credit (<see cref="CreditText"/>).
    /// </summary>
    public static bool IsCredit(string trimmedLine)
    {
        if (trimmedLine.Length > MaxCreditLength)
        {
            return false;
        }
        var text = Emphasis.Strip(trimmedLine);
        return Credit().IsMatch(text) || (FigureLabels.NamesSource(text) && FigureLabels.IsLabel(text));
    }

    /// <summary>
    /// The credit a credit line gives (<see cref="IsCredit"/>): as written, but for emphasis or brackets around all of it
    /// ("*圖源：ifanr*", "（圖片來源：台積電）"), which set the line apart in the body and are no part of the credit: the
    /// image's credit shows wherever the photo is used, and the HTML writes it inside a credit element of its own.
    /// </summary>
    public static string CreditText(string trimmedLine)
    {
        var text = Emphasis.Strip(trimmedLine);
        var opener = text.Length > 2 ? Openers.IndexOf(text[0], StringComparison.Ordinal) : -1;
        if (opener < 0 || text[^1] != Closers[opener])
        {
            return text;
        }
        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            depth += text[i] == Openers[opener] ? 1 : text[i] == Closers[opener] ? -1 : 0;
            if (depth == 0 && i < text.Length - 1)
            {
                return text; // the first bracket closes before the end: "(Photo: Jane Doe) (AP)"
            }
        }
        return text[1..^1].Trim() is { Length: > 0 } inner ? inner : text;
    }

    private const string Openers = "(（[［【";
    private const string Closers = ")）]］】";

    /// <summary>The text of a line that is wholly <c>*italic*</c> or <c>_italic_</c>, or null.</summary>
    public static string? EmphasisedCaption(string trimmedLine)
    {
        if (trimmedLine.Length > MaxCaptionLength || IsCredit(trimmedLine))
        {
            return null;
        }
        var match = EmphasisedLine().Match(trimmedLine);
        return match.Success ? match.Groups["text"].Value : null;
    }

    /// <summary>
    /// The caption a line of plain or <c>*italic*</c> text gives an image when a credit line follows it, as long as the
    /// HTML takes one there (<see cref="FigureLabels.MaxCaptionAboveCredit"/>: news captions are sentences, and agencies'
    /// long); null for any other line.
    /// </summary>
    public static string? CaptionAboveCredit(string trimmedLine)
    {
        if (Text.ArticleText.CountCharacters(trimmedLine) > FigureLabels.MaxCaptionAboveCredit || IsCredit(trimmedLine))
        {
            return null;
        }
        var emphasised = EmphasisedLine().Match(trimmedLine);
        return emphasised.Success ? emphasised.Groups["text"].Value : PlainLine().IsMatch(trimmedLine) ? trimmedLine : null;
    }

    /// <summary>
    /// The caption and credit of a caption line with its credit run in, as the article's HTML sets them apart
    /// (<see cref="TrailingCredit"/>: "台北101夜景 圖源：中央社", "阿里雲發布會現場。圖源：ifanr", "…（圖源：ifanr）", also opened
    /// with the ▲ or △ Taiwanese papers mark a picture's label with, "▲台積電總部。（記者王小明攝）", but for the first point of a
    /// list so marked, <paramref name="trimmedLineBelow"/> opening with the mark too: <see cref="FigureLabels.IsMarkedListPoint(string, string?)"/>),
    /// the credit as a credit line gives it (<see cref="CreditText"/>) and the caption without the mark, which only sets the
    /// line apart in the body; null for any other line, and for one holding Markdown syntax, whose caption would be read as written.
    /// </summary>
    public static (string Caption, string Credit)? CaptionWithRunInCredit(string trimmedLine, string? trimmedLineBelow)
    {
        var unmarked = FigureLabels.WithoutLabelMark(trimmedLine).TrimStart();
        if (!FigureLabels.IsLabel(trimmedLine) || IsCredit(trimmedLine) || !PlainLine().IsMatch(unmarked)
            || unmarked.AsSpan().IndexOfAny(MarkdownSyntax) >= 0 || FigureLabels.IsMarkedListPoint(trimmedLine, trimmedLineBelow))
        {
            return null;
        }
        var line = new LabelLine([new LiteralInline(trimmedLine)], trimmedLine);
        var label = FigureLabels.IsCredit(trimmedLine) ? new FigureLabel(null, line, [], null) : new FigureLabel(line, null, [], null);
        return TrailingCredit.SetApart(label) is { Caption: { } caption, Credit: { } credit }
            ? (FigureLabels.WithoutLabelMark(caption.Text).TrimStart(), CreditText(credit.Text))
            : null;
    }

    private static readonly System.Buffers.SearchValues<char> MarkdownSyntax = System.Buffers.SearchValues.Create("*_`<>\\&");

    [GeneratedRegex(
        @"^[(（]?\s*(?:圖源|图源|圖片來源|图片来源|圖片出處|图片出处|圖片|图片|來源|来源|攝影|摄影|" +
        @"(?i:source|photo|image|credit|picture|photograph|photo credit|image credit|image source|photo source))" +
        @"\s*[:：]\s*\S.*$")]
    private static partial Regex Credit();

    // One emphasis marker on each side, none inside, no space just inside the markers.
    [GeneratedRegex(@"^(?:\*(?<text>[^*\s](?:[^*]*[^*\s])?)\*|_(?<text>[^_\s](?:[^_]*[^_\s])?)_)$")]
    private static partial Regex EmphasisedLine();

    // Starts with a letter or digit (not Markdown syntax) and holds no image or link.
    [GeneratedRegex(@"^[\p{L}\p{N}][^\[\]]*$")]
    private static partial Regex PlainLine();
}
