using Markdig.Helpers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ContentApi.Rendering;

/// <summary>
/// The ruby notation of Japanese novel and essay sites (Kakuyomu, Shōsetsuka ni Narō, pixiv): a full-width bar, the base
/// and its reading in double angle brackets, <c>｜長屋《ながや》</c>, read as <c>&lt;ruby&gt;</c> with <c>&lt;rt&gt;</c> is
/// (<see cref="AllowedInlineHtml"/>), the brackets kept as written in <c>&lt;rp&gt;</c>, for readers whose browser shows no ruby. Only
/// a reading in kana is one: Chinese writes the bar after a label and titles in the same brackets, <c>影評｜電影《沙丘》</c>.
/// </summary>
internal static class RubyNotation
{
    public const char Bar = '｜';

    private const char Open = '《';

    private const char Close = '》';

    /// <summary>The longest base and reading taken, in UTF-16 code units, as the novel sites bound theirs.</summary>
    private const int Longest = 20;

    /// <summary>Replaces each notation in the text of <paramref name="document"/> by a ruby's tags; whether there was one.</summary>
    public static bool Mark(MarkdownDocument document)
    {
        var marked = false;
        foreach (var literal in document.Descendants<LiteralInline>().ToList())
        {
            marked |= Mark(literal);
        }
        return marked;
    }

    private static bool Mark(LiteralInline literal)
    {
        var content = literal.Content;
        var pieces = new List<Inline>();
        var textStart = content.Start;
        for (var bar = content.Text.IndexOf(Bar, content.Start, content.Length); bar >= 0;
             bar = bar + 1 > content.End ? -1 : content.Text.IndexOf(Bar, bar + 1, content.End - bar))
        {
            if (Notation(content.Text, bar, content.End) is not var (open, close))
            {
                continue;
            }
            if (bar > textStart)
            {
                pieces.Add(Text(literal, textStart, bar - 1));
            }
            pieces.Add(Tag(literal, "<ruby>", bar, bar));
            pieces.Add(Text(literal, bar + 1, open - 1));
            pieces.AddRange([Tag(literal, "<rp>", open, open), Text(literal, open, open), Tag(literal, "</rp>", open, open), Tag(literal, "<rt>", open, open)]);
            pieces.Add(Text(literal, open + 1, close - 1));
            pieces.AddRange([Tag(literal, "</rt>", close, close), Tag(literal, "<rp>", close, close), Text(literal, close, close), Tag(literal, "</rp>", close, close), Tag(literal, "</ruby>", close, close)]);
            textStart = close + 1;
            bar = close;
        }
        if (pieces.Count == 0)
        {
            return false;
        }
        if (textStart <= content.End)
        {
            pieces.Add(Text(literal, textStart, content.End));
        }
        foreach (var piece in pieces)
        {
            literal.InsertBefore(piece);
        }
        literal.Remove();
        return true;
    }

    /// <summary>Where the brackets of a notation starting at the bar at <paramref name="bar"/> are, or null when none starts there.</summary>
    internal static (int Open, int Close)? Notation(string text, int bar, int end)
    {
        var open = bar + 1;
        while (open <= end && open - bar - 1 <= Longest && text[open] is not (Bar or Open or Close) && !char.IsWhiteSpace(text[open]))
        {
            open++;
        }
        if (open > end || text[open] != Open || open == bar + 1 || open - bar - 1 > Longest)
        {
            return null;
        }
        var close = open + 1;
        while (close <= end && close - open - 1 <= Longest && IsKana(text[close]))
        {
            close++;
        }
        return close <= end && text[close] == Close && close > open + 1 && close - open - 1 <= Longest ? (open, close) : null;
    }

    /// <summary>Hiragana, katakana (with its long vowel mark and middle dot) or half-width katakana.</summary>
    private static bool IsKana(char c) => c is (>= '\u3041' and <= '\u309F') or (>= '\u30A0' and <= '\u30FF') or (>= '\uFF65' and <= '\uFF9F');

    private static LiteralInline Text(LiteralInline literal, int start, int end) =>
        Placed(new LiteralInline(new StringSlice(literal.Content.Text, start, end)), literal, start, end);

    /// <summary>A tag written nowhere: should it stay text (a ruby opened inside too many tags), it reads as nothing.</summary>
    private static AllowedInlineHtml.Tag Tag(LiteralInline literal, string tag, int start, int end) =>
        Placed(new AllowedInlineHtml.Tag(tag, ""), literal, start, end);

    /// <summary>The inline with the place in the body of the characters it stands for, as the literal it came from places them.</summary>
    private static T Placed<T>(T inline, LiteralInline literal, int start, int end) where T : Inline
    {
        var offset = literal.Span.Start - literal.Content.Start;
        inline.Span = new SourceSpan(start + offset, end + offset);
        inline.Line = literal.Line;
        inline.Column = literal.Column + start - literal.Content.Start;
        inline.IsClosed = true;
        return inline;
    }
}
