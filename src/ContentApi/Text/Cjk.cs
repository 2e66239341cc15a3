using System.Text;

namespace ContentApi.Text;

/// <summary>Chinese, Japanese and Korean script tests; .NET has no Unicode script property, so these are block ranges.</summary>
internal static class Cjk
{
    /// <summary>Han ideographs, kana and hangul: the characters a CJK reader reads one at a time.</summary>
    public static bool IsLetter(Rune rune) => rune.Value switch
    {
        >= 0x1100 and <= 0x11FF => true, // Hangul Jamo
        >= 0x2E80 and <= 0x2FDF => true, // CJK and Kangxi radicals
        0x3005 or 0x3006 or 0x3007 => true, // 々 〆 〇
        >= 0x3021 and <= 0x3029 => true, // Hangzhou numerals
        >= 0x3041 and <= 0x3096 => true, // Hiragana
        >= 0x309D and <= 0x309F => true,
        >= 0x30A1 and <= 0x30FA => true, // Katakana
        >= 0x30FC and <= 0x30FF => true,
        >= 0x3131 and <= 0x318E => true, // Hangul compatibility jamo
        >= 0x31F0 and <= 0x31FF => true, // Katakana phonetic extensions
        >= 0x3400 and <= 0x4DBF => true, // Han extension A
        >= 0x4E00 and <= 0x9FFF => true, // Han unified ideographs
        >= 0xA960 and <= 0xA97F => true, // Hangul jamo extended A
        >= 0xAC00 and <= 0xD7FF => true, // Hangul syllables, jamo extended B
        >= 0xF900 and <= 0xFAFF => true, // Han compatibility ideographs
        >= 0xFF66 and <= 0xFF9F => true, // half-width katakana
        >= 0xFFA0 and <= 0xFFDC => true, // half-width hangul
        >= 0x20000 and <= 0x3FFFF => true, // Han extensions B-H, supplementary planes 2 and 3
        _ => false,
    };

    /// <summary>Ideographic and full-width punctuation such as 。，「」！ (not full-width letters or digits).</summary>
    public static bool IsPunctuation(Rune rune) =>
        rune.Value is (>= 0x3000 and <= 0x303F) or (>= 0xFE30 and <= 0xFE4F) or (>= 0xFF01 and <= 0xFF65)
        && !IsLetter(rune) && !Rune.IsLetterOrDigit(rune);

    /// <summary>
    /// Whitespace that a reader sees run together into one space: not the ideographic space U+3000, which Chinese and
    /// Japanese set as a character as wide as a letter ("記者　王小明") and browsers show as written (CSS collapses only
    /// spaces, tabs and line breaks). Beside whitespace it is punctuation (<see cref="IsPunctuation"/>), holding its own space.
    /// </summary>
    public static bool IsCollapsibleWhitespace(char c) => char.IsWhiteSpace(c) && c != '\u3000';

    /// <summary>Full-width Latin letters and digits (ＦＲＢ, １２), as wide as the CJK characters Japanese and Chinese set them among.</summary>
    public static bool IsFullWidthLetterOrDigit(Rune rune) => rune.Value is (>= 0xFF10 and <= 0xFF19) or (>= 0xFF21 and <= 0xFF3A) or (>= 0xFF41 and <= 0xFF5A);

    /// <summary>Hiragana and katakana (half-width too), the letters only Japanese writes; not the middle dot ・, which Chinese uses as well.</summary>
    public static bool IsKana(Rune rune) =>
        rune.Value is (>= 0x3041 and <= 0x309F) or (>= 0x30A1 and <= 0x30FA) or (>= 0x30FC and <= 0x30FF) or (>= 0x31F0 and <= 0x31FF) or (>= 0xFF66 and <= 0xFF9D);

    /// <summary>Katakana (half-width too), the script of foreign names and words in Japanese.</summary>
    public static bool IsKatakana(Rune rune) => IsKana(rune) && rune.Value is not (>= 0x3041 and <= 0x309F);

    /// <summary>Hangul, whose words are spaced as in English (the other CJK scripts run on without spaces).</summary>
    public static bool IsHangul(Rune rune) =>
        rune.Value is (>= 0x1100 and <= 0x11FF) or (>= 0x3131 and <= 0x318E) or (>= 0xA960 and <= 0xA97F) or (>= 0xAC00 and <= 0xD7FF) or (>= 0xFFA0 and <= 0xFFDC);

    /// <summary>Chinese or Japanese text, or CJK punctuation: what a line break between two of them does not separate.</summary>
    public static bool IsUnspaced(Rune rune) => (IsLetter(rune) && !IsHangul(rune)) || IsPunctuation(rune);

    /// <summary>
    /// Whether a line break between these two characters is nothing to a reader (see <see cref="JoinLines"/>): between
    /// Chinese or Japanese characters, or full-width letters and digits among them (CSS Text 3 removes a break between
    /// full-width characters: "会合は⏎１２月"), and beside full-width punctuation, which holds its own space ("製程，⏎GPU");
    /// also between Chinese or Japanese and a curly quote, an ellipsis, a dash or a name's dot, which Chinese sets full-width
    /// ("增多”⏎他同时", "指出⏎“供应", "一下……⏎然后", "東京・⏎大阪"; not "said “yes”⏎and", nor beside Hangul, which is spaced).
    /// </summary>
    public static bool JoinsWithoutSpace(Rune? beforeThat, Rune? before, Rune? after) =>
        before is { } b && after is { } a && (CarriesItsOwnSpace(beforeThat, b, a) || (IsFullWidth(b) && IsFullWidth(a)));

    /// <summary>
    /// Whether punctuation between these two characters holds the space a reader sees, so that no space goes between them
    /// even where text of two blocks joins (a paragraph ending "…努力。”" and the next): full-width punctuation, and a
    /// curly quote, an ellipsis, a dash or a name's dot beside Chinese or Japanese, which Chinese and Japanese set full-width;
    /// but not one closing a word of spaced text (<paramref name="beforeThat"/>, the character before it, when known):
    /// "He said “yes”" and "He paused…" keep their space before Chinese, as English sets them.
    /// </summary>
    public static bool CarriesItsOwnSpace(Rune? beforeThat, Rune before, Rune after) =>
        IsPunctuation(before) || IsPunctuation(after)
        || (IsSetFullWidthBesideChinese(before) && IsUnspaced(after) && !IsSpacedWordCharacter(beforeThat))
        || (IsUnspaced(before) && IsSetFullWidthBesideChinese(after));

    /// <summary>A letter or digit of a script that spaces its words (Latin, Cyrillic, Hangul…), not a full-width one.</summary>
    private static bool IsSpacedWordCharacter(Rune? rune) =>
        rune is { } r && Rune.IsLetterOrDigit(r) && !IsUnspaced(r) && !IsFullWidthLetterOrDigit(r);

    /// <summary>The last character of <paramref name="text"/> and the one before it (null where there is none).</summary>
    public static (Rune? BeforeThat, Rune? Last) LastTwo(ReadOnlySpan<char> text)
    {
        if (Rune.DecodeLastFromUtf16(text, out var last, out var length) != System.Buffers.OperationStatus.Done)
        {
            return (null, null);
        }
        return Rune.DecodeLastFromUtf16(text[..^length], out var beforeThat, out _) == System.Buffers.OperationStatus.Done
            ? (beforeThat, last) : (null, last);
    }

    /// <summary>
    /// Curly quotes, the ellipsis, the em dashes and the dots between the parts of a name (Japanese ・, Chinese ·,
    /// Taiwanese ‧): punctuation Chinese and Japanese share with other scripts or that lies outside the CJK blocks.
    /// </summary>
    private static bool IsSetFullWidthBesideChinese(Rune rune) =>
        rune.Value is 0x2018 or 0x2019 or 0x201C or 0x201D or 0x2026 or 0x2014 or 0x2015 or 0x30FB or 0x00B7 or 0x2027;

    private static bool IsFullWidth(Rune rune) => IsUnspaced(rune) || IsFullWidthLetterOrDigit(rune);

    /// <summary>
    /// Joins the lines of one paragraph as a reader sees them: a break between Chinese or Japanese characters (or CJK
    /// punctuation) is nothing, as browsers show it (CSS Text 3, segment breaks); any other becomes a space.
    /// </summary>
    public static string JoinLines(string text)
    {
        if (!text.Contains('\n', StringComparison.Ordinal))
        {
            return text;
        }
        var builder = new StringBuilder(text.Length);
        var previous = "";
        foreach (var line in text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var (beforeThat, before) = LastTwo(previous);
            Rune.DecodeFromUtf16(line, out var after, out _);
            if (previous.Length > 0 && !JoinsWithoutSpace(beforeThat, before, after))
            {
                builder.Append(' ');
            }
            builder.Append(line);
            previous = line;
        }
        return builder.ToString();
    }
}
