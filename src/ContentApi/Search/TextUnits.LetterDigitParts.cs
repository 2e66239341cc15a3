namespace ContentApi.Search;

/// <summary>
/// Words of letters and digits (model and product names such as qwen3), split into their runs as search indexes them.
/// </summary>
internal static partial class TextUnits
{
    /// <summary>The most parts a word is split into: a longer mix of letters and digits is a code or a hash, kept whole.</summary>
    private const int MaxWordParts = 4;

    private static readonly System.Buffers.SearchValues<char> AsciiLettersAndDigits =
        System.Buffers.SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    /// <summary>
    /// A folded word's runs of letters and of digits ("qwen3" → qwen, 3; "h100" → h, 100; "gpt4o" → gpt, 4, o; digits of
    /// every script are ASCII by then); null for a word of one kind, or of more than <see cref="MaxWordParts"/> runs.
    /// </summary>
    internal static List<string>? LetterDigitParts(string word)
    {
        if (!word.AsSpan().ContainsAnyInRange('0', '9') || !word.AsSpan().ContainsAnyExceptInRange('0', '9'))
        {
            return null;
        }
        var parts = new List<string>(MaxWordParts);
        var start = 0;
        for (var i = 1; i <= word.Length; i++)
        {
            if (i < word.Length && char.IsAsciiDigit(word[i]) == char.IsAsciiDigit(word[i - 1]))
            {
                continue;
            }
            if (parts.Count == MaxWordParts)
            {
                return null;
            }
            parts.Add(word[start..i]);
            start = i;
        }
        return parts;
    }

    private const int NonJoiner = 0x200C;

    /// <summary>
    /// A folded word's parts that a zero-width non-joiner between two Arabic-script letters sets apart, as Persian writes a
    /// plural, a verb's prefix or the ezafe ("شرکت‌های", "می‌گویند", "پیشینه‌ی"), each with where its letters end in the
    /// text; null for a word with none, or of more than <see cref="MaxWordParts"/>. Lucene's Persian analyzer reads the
    /// joiner as a space; the parts are also indexed joined, so the word typed without it ("میگویند") is found too. A
    /// joiner in an Indic word only chooses a letter's shape ("क्‌ष"), and parts nothing.
    /// </summary>
    private static List<(string Text, int SourceEnd)>? NonJoinedParts(string word, List<(int At, int SourceEnd)>? nonJoiners)
    {
        if (nonJoiners is not { Count: > 0 })
        {
            return null;
        }
        var parts = new List<(string Text, int SourceEnd)>(MaxWordParts);
        var start = 0;
        foreach (var (at, sourceEnd) in nonJoiners)
        {
            if (at > start && at < word.Length && IsArabicScriptLetter(word[at - 1]) && IsArabicScriptLetter(word[at]))
            {
                parts.Add((word[start..at], sourceEnd));
                start = at;
            }
        }
        if (parts.Count == 0 || parts.Count >= MaxWordParts)
        {
            return null;
        }
        parts.Add((word[start..], -1));
        return parts;
    }

    private static bool IsArabicScriptLetter(char c) => c is (>= '\u0620' and <= '\u06FF') or (>= '\u0750' and <= '\u077F') or (>= '\u08A0' and <= '\u08FF') && char.IsLetter(c);
}
