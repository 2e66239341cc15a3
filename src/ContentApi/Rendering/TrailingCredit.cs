using ContentApi.Text;
using Markdig.Syntax.Inlines;

namespace ContentApi.Rendering;

/// <summary>
/// A credit in brackets at the end of a figure's caption line, as news sites write both on one line
/// ("▲阿里雲發布會現場。（圖／記者王小明攝）", "The launch event in Hangzhou. (Photo: Reuters)", "…（記者王小明攝）",
/// "… (AP Photo/Tatan Syuflana)": <see cref="FigureLabels.IsBracketedCredit"/>), or after its last sentence, as
/// Vietnamese and Russian papers write it ("Hành khách trên tàu. Ảnh: TTXVN", "Станция в день открытия. Фото: ТАСС"), or
/// after a space, as Chinese captions run one in ("台北101夜景 圖源：中央社"): set
/// apart from the caption, it is the figure's credit in place of the image's own, so the photo does not show two.
/// </summary>
internal static class TrailingCredit
{
    private const string Openers = "(（[［<〈";
    private const string Closers = ")）]］>〉";

    /// <summary>
    /// The label with a caption line's trailing credit as its credit. A label with a caption and a credit line keeps them
    /// as typed; a credit line keeps its brackets unless what precedes them names no source (a colon inside the brackets
    /// made "阿里雲發布會現場（圖源：ifanr）" a credit), and one that starts with a word for a source is all credit
    /// ("写真＝ロイター", "사진 제공=삼성전자": not the caption "사진" and a credit after it), as is one credit whole
    /// (<see cref="FigureLabels.IsOneCredit"/>: "AFP PHOTO / SAM YEH", not the caption "AFP").
    /// </summary>
    public static FigureLabel SetApart(FigureLabel label) => label switch
    {
        { Caption: { } line, Credit: null } when Split(line) is var (caption, credit) => label with { Caption = caption, Credit = credit },
        { Caption: null, Credit: { } line } when FigureLabels.SourceWordLength(line.Text) == 0 && !FigureLabels.IsOneCredit(line.Text) && Split(line) is var (caption, credit)
            && !FigureLabels.NamesSource(caption.Text) && FigureLabels.WithoutLabelMark(caption.Text).Trim().Length > 0 =>
            label with { Caption = caption, Credit = credit },
        _ => label,
    };

    private static (LabelLine Caption, LabelLine Credit)? Split(LabelLine line) => SplitBrackets(line) ?? SplitAfterSentence(line);

    /// <summary>The text before the line's last bracketed part and that part, when it names a source and text precedes it.</summary>
    private static (LabelLine Caption, LabelLine Credit)? SplitBrackets(LabelLine line)
    {
        var depth = 0;
        for (var i = line.Inlines.Count - 1; i >= 0; i--)
        {
            var inline = line.Inlines[i];
            var text = inline is LiteralInline literal ? literal.Content.ToString() : PlainText.OfInlines([inline]);
            for (var j = text.Length - 1; j >= 0; j--)
            {
                if (Closers.Contains(text[j], StringComparison.Ordinal))
                {
                    depth++;
                }
                else if (Openers.Contains(text[j], StringComparison.Ordinal) && depth > 0)
                {
                    if (--depth == 0)
                    {
                        return SplitAt(line, i, j, text);
                    }
                }
                else if (depth == 0 && !char.IsWhiteSpace(text[j]))
                {
                    return null; // the line does not end with a bracket
                }
            }
        }
        return null;
    }

    /// <summary>
    /// The sentences of the line and the rest after them, when that names its source ("Ảnh: TTXVN"); or the words before
    /// a space and a credit after it that starts with a word for a picture's source ("台北101夜景 圖源：中央社",
    /// "Launch event Photo: Reuters"; not "Smiling for a photo: the team", where the word is in lowercase); or the words
    /// before an equals sign or a slash and a Japanese or Korean paper's credit after it ("…ナデラ氏＝ロイター",
    /// "…걷고 있다 /연합뉴스").
    /// </summary>
    private static (LabelLine Caption, LabelLine Credit)? SplitAfterSentence(LabelLine line)
    {
        for (var index = 0; index < line.Inlines.Count; index++)
        {
            if (line.Inlines[index] is not LiteralInline literal)
            {
                continue;
            }
            var text = literal.Content.ToString();
            for (var at = 1; at < text.Length; at++)
            {
                if (!char.IsWhiteSpace(text[at]) && (EndsSentence(text.AsSpan(0, at)) || StartsCreditAfterSpace(text, at) || text[at] is '=' or '＝' or '/')
                    && SplitAt(line, index, at, text) is { } parts)
                {
                    return parts;
                }
            }
        }
        return null;
    }

    /// <summary>Whether text ends a sentence: with its end and a space, or with a full-width end, which takes none.</summary>
    private static bool EndsSentence(ReadOnlySpan<char> text)
    {
        var trimmed = text.TrimEnd();
        return trimmed.Length > 0 && Excerpts.SentenceEnds.Contains(trimmed[^1]) && (trimmed.Length < text.Length || trimmed[^1] is '。' or '｡' or '！' or '？');
    }

    /// <summary>
    /// Whether a word for a picture's source and its separator, not in lowercase, start at a word after a space (or a bar); a
    /// capitalised one only with a name after it not in lowercase either, since in a cased script it may end a title the
    /// caption names ("the exhibition Open Source: a history"), where a credit names its source ("Hangzhou Photo: Reuters").
    /// </summary>
    private static bool StartsCreditAfterSpace(string text, int at)
    {
        if (!(char.IsWhiteSpace(text[at - 1]) || text[at - 1] is '｜' or '|') || char.IsLower(text[at]) || FigureLabels.SourceWordLength(text[at..]) is not (> 0 and var length))
        {
            return false;
        }
        var name = text.AsSpan(at + length).TrimStart();
        return !char.IsUpper(text[at]) || (name.Length > 0 && !char.IsLower(name[0]));
    }

    /// <summary>The line split before character <paramref name="at"/> of its inline <paramref name="index"/>.</summary>
    private static (LabelLine Caption, LabelLine Credit)? SplitAt(LabelLine line, int index, int at, string text)
    {
        List<Inline> caption = [.. line.Inlines.Take(index)];
        List<Inline> credit = [.. line.Inlines.Skip(index + 1)];
        if (line.Inlines[index] is LiteralInline)
        {
            // New literals for the two parts: the document's own stays whole for its plain text and excerpt.
            if (WithoutTrailingSeparator(text[..at]) is { Length: > 0 } before)
            {
                caption.Add(new LiteralInline(before));
            }
            credit.Insert(0, new LiteralInline(text[at..]));
        }
        else if (text[..at].Trim().Length == 0)
        {
            credit.Insert(0, line.Inlines[index]); // the credit's bracket opens an emphasis or link, which the credit keeps whole
        }
        else
        {
            return null;
        }
        // A '[' or '|' Markdig reads as a literal of its own leaves the space or the bar before it in the caption's literals.
        while (caption is [.., LiteralInline last] && last.Content.ToString() is var written && WithoutTrailingSeparator(written) is var kept && kept.Length < written.Length)
        {
            if (kept.Length > 0)
            {
                caption[^1] = new LiteralInline(kept);
                break;
            }
            caption.RemoveAt(caption.Count - 1);
        }
        var parts = (Caption: Line(caption), Credit: Line(credit));
        // The ▲ a caption is opened with is no caption before a credit: "▲ 圖／…" is a credit, or a sentence, whole.
        return FigureLabels.WithoutLabelMark(parts.Caption.Text).Trim().Length > 0 && (FigureLabels.NamesSource(parts.Credit.Text) || FigureLabels.IsBracketedCredit(parts.Credit.Text)) ? parts : null;
    }

    /// <summary>
    /// The caption's text before a credit, without the separator set between them ("The launch in Hangzhou | Photo: …",
    /// "… — Photo: …", "杭州發布會現場｜圖源：…"); a bar or dash alone is all separator.
    /// </summary>
    private static string WithoutTrailingSeparator(string before)
    {
        var trimmed = before.TrimEnd();
        return trimmed.Length > 0 && (trimmed[^1] == '｜' || ("|-–—·".Contains(trimmed[^1], StringComparison.Ordinal) && (trimmed.Length == 1 || char.IsWhiteSpace(trimmed[^2]))))
            ? trimmed[..^1].TrimEnd()
            : trimmed;
    }

    private static LabelLine Line(List<Inline> inlines) => new(inlines, PlainText.CollapseSpaces(PlainText.OfInlines(inlines)).Trim());
}
