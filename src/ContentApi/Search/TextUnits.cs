namespace ContentApi.Search;

/// <summary>
/// Splits text into folded <see cref="TextUnit"/>s: words of letters and digits (lowercase, without diacritics,
/// compatibility forms such as full-width letters made plain), single CJK characters (Traditional folded to
/// Simplified) and single letters of Thai, Lao, Khmer and Myanmar with their marks. Everything else separates units.
/// </summary>
internal static partial class TextUnits
{
    /// <summary>
    /// Whether <paramref name="text"/> says <paramref name="part"/>: holds its units in a row, folded (case, width,
    /// diacritics, Traditional and Simplified) and with punctuation aside. Text without units is compared as written.
    /// </summary>
    public static bool Says(string text, string part)
    {
        // Whole words: a short line "GPT" does not say "GPT4 benchmark chart". An emoji is decoration here (📷 Reuters).
        var wanted = Words(part);
        if (wanted.Count == 0)
        {
            return text.Contains(part, StringComparison.Ordinal);
        }
        var units = Words(text);
        for (var start = 0; start + wanted.Count <= units.Count; start++)
        {
            if (units.Skip(start).Take(wanted.Count).SequenceEqual(wanted, StringComparer.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    private static List<string> Words(string text) =>
        [.. Of(text, splitLetterDigitWords: false).Where(unit => !unit.IsPictograph).Select(unit => unit.Text)];

    /// <param name="splitLetterDigitWords">A word of letters and digits is its runs ("qwen3" → qwen, 3), as search indexes it.</param>
    /// <param name="markdownSource">
    /// Text is Markdown as written: one line break after a Chinese or Japanese character is read as nothing, as its
    /// rendered text reads a wrapped line (發⏎佈 is 發佈), and so are the emphasis, strikethrough and code delimiters
    /// between CJK characters (**通義**千問 is 通義千問), so that a word found in the rendered text is found in the
    /// source. Not for text indexed: there a line break separates blocks, such as a heading from its paragraph.
    /// </param>
    public static List<TextUnit> Of(string text, bool splitLetterDigitWords = true, bool markdownSource = false)
    {
        var reader = new UnitReader(text, splitLetterDigitWords, markdownSource);
        // Normalizing one grapheme cluster at a time keeps every unit tied to the exact span it came from.
        for (var start = 0; start < text.Length;)
        {
            start = reader.ReadAt(start);
        }
        return reader.Finish();
    }
}
