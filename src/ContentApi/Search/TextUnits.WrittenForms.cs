using System.Buffers;
using System.Text;

namespace ContentApi.Search;

/// <summary>
/// What writers' tools put into a word or leave out of it without changing it: invisible breaks, the dot between a
/// name's parts and thousands commas (the symbols that make C# and .NET names of their own: Text.SymbolNamedTerms).
/// </summary>
internal static partial class TextUnits
{
    private const char ZeroWidthSpace = '\u200B';

    /// <summary>
    /// The dots between the parts of a transliterated name (伊隆·馬斯克, ドナルド・トランプ, 伊隆‧馬斯克) or a Catalan l·l:
    /// written or left out as the writer likes, so, like a soft hyphen, they neither end a word nor a CJK run.
    /// </summary>
    private static bool IsNameDot(char c) => c is '\u00B7' or '\u30FB' or '\uFF65' or '\u2027';

    /// <summary>
    /// The tone marks of Bopomofo (ˊ ˇ ˋ ˙, and ˪ ˫ of Taiwanese and Hakka), written after a syllable (the light tone ˙ also
    /// before it) or left out as the writer likes, as accents are: beside a Bopomofo letter they end neither its run nor a
    /// word, so ㄓㄨㄧㄣ finds ㄓㄨˋㄧㄣ. Elsewhere ˇ and ˊ are letters of words of their own, as before.
    /// </summary>
    private static bool IsBopomofoToneMarkAt(string text, int index) =>
        text[index] is '\u02CA' or '\u02C7' or '\u02CB' or '\u02D9' or '\u02EA' or '\u02EB'
        && (index > 0 && IsBopomofo(text[index - 1]) || index + 1 < text.Length && IsBopomofo(text[index + 1]));

    private static bool IsBopomofo(char c) => c is (>= '\u3105' and <= '\u312F') or (>= '\u31A0' and <= '\u31BF');

    /// <summary>
    /// Quotation marks and brackets, which readers paste with a headline or type without ("台積電「先進製程」發表",
    /// "收錄於《半導體年鑑》"): inside a Chinese or Japanese run they end it no more than Latin's punctuation ends a phrase,
    /// as search engines ignore them. Clause and sentence punctuation (，。、；：！？) still ends a run.
    /// </summary>
    internal static bool IsQuoteOrBracketInRun(char c) => QuotesAndBracketsInRun.Contains(c);

    private static readonly SearchValues<char> QuotesAndBracketsInRun =
        SearchValues.Create("「」『』“”‘’《》〈〉（）【】〔〕〖〗［］｢｣＂＇\"'()[]");

    /// <summary>
    /// Whether the quotation marks or brackets at <paramref name="index"/> (one or more in a row) stand between two
    /// Chinese or Japanese characters, so that they are part of the run (<see cref="IsQuoteOrBracketInRun"/>): a query
    /// reads them so, not as quotes of a phrase ("台積電「先進製程」發表" is one run, as the index holds it).
    /// </summary>
    public static bool StandsInsideCjkRun(string text, int index)
    {
        var before = index;
        while (before > 0 && IsQuoteOrBracketInRun(text[before - 1]))
        {
            before--;
        }
        var after = index;
        while (after < text.Length && IsQuoteOrBracketInRun(text[after]))
        {
            after++;
        }
        return IsBetweenCjk(text, before, after);
    }

    /// <summary>Whether the text from <paramref name="start"/> to <paramref name="end"/> has a Chinese or Japanese character on either side.</summary>
    internal static bool IsBetweenCjk(string text, int start, int end) =>
        start > 0 && end < text.Length
        && Rune.DecodeLastFromUtf16(text.AsSpan(0, start), out var previous, out _) == OperationStatus.Done && CjkScript.IsCjk(previous)
        && Rune.DecodeFromUtf16(text.AsSpan(end), out var next, out _) == OperationStatus.Done && CjkScript.IsCjk(next);

    /// <summary>
    /// The comma of a number written in groups of three digits (1,000, 12,345,678): part of the number, which is then
    /// found whether it is written 1,000 or 1000, rather than the numbers 1 and 000. The full-width comma that Chinese and
    /// Japanese input methods type between digits, half- or full-width (８，５００, 4，600), is one too: read before NFKC
    /// folds it, it was punctuation that split the number.
    /// </summary>
    public static bool IsDigitGroupComma(string text, int index) =>
        IsGroupComma(text[index]) && index + 3 < text.Length && IsDigit(text[index + 1]) && IsDigit(text[index + 2]) && IsDigit(text[index + 3]) &&
        (index + 4 == text.Length || !IsDigit(text[index + 4])) && StartsAGroup(text, index);

    /// <summary>Whether 1-3 digits stand before the comma at <paramref name="index"/>, after the number's start or its previous group comma.</summary>
    private static bool StartsAGroup(string text, int index)
    {
        var digits = 0;
        while (index - digits - 1 >= 0 && IsDigit(text[index - digits - 1]))
        {
            digits++;
        }
        var before = index - digits - 1;
        return digits is >= 1 and <= 3 && (before < 0 || !IsGroupComma(text[before]) && !IsLatinLetter(text[before]) || digits == 3 && IsDigitGroupComma(text, before));
    }

    private static bool IsGroupComma(char c) => c is ',' or '，';

    /// <summary>An ASCII digit or its full-width form (３).</summary>
    private static bool IsDigit(char c) => char.IsAsciiDigit(c) || c is >= '０' and <= '９';

    /// <summary>An ASCII letter or its full-width form (Ｖ).</summary>
    private static bool IsLatinLetter(char c) => char.IsAsciiLetter(c) || c is (>= 'Ａ' and <= 'Ｚ') or (>= 'ａ' and <= 'ｚ');
}
