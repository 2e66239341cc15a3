using System.Globalization;
using System.Text;
using ContentApi.Text;

namespace ContentApi.Search;

/// <summary>
/// Where an unquoted query term is cut into words, each found anywhere as after a space. Chinese, Japanese and Korean are
/// written without spaces, so a reader parts a word of theirs with whatever key is at hand: punctuation between two such
/// characters (阿里雲-發布) or between one and a number or a Latin word (2024年/2025年, 營運長/COO), and the middle dot of a
/// Japanese list of kanji or hiragana words (東京・大阪). The index holds no token for the punctuation, so as one phrase the term
/// matched only the words in a row. Punctuation between Latin words and digits still joins a phrase (Qwen3-Max, TCP/IP,
/// C#/.NET), and so do the dot inside a foreign name (ドナルド・トランプ, 伊隆·馬斯克) and a number's sign (37%股權).
/// </summary>
internal static class QueryTermParts
{
    public static IEnumerable<string> Of(string term)
    {
        var units = TextUnits.Of(term);
        var start = 0;
        for (var i = 1; i < units.Count; i++)
        {
            if (PartsCjk(units[i - 1], units[i]) || PartsCjkFromWord(term, units[i - 1], units[i]) || IsListDot(term, units[i - 1], units[i]))
            {
                yield return term[start..units[i - 1].End];
                start = units[i].Start;
            }
        }
        yield return term[start..];
    }

    /// <summary>
    /// Whether two Chinese, Japanese or Korean characters of a term are parted by punctuation (as a quotation mark or
    /// bracket inside the run, or a space, does not part them).
    /// </summary>
    public static bool PartsCjk(TextUnit previous, TextUnit next) => previous.IsCjk && next.IsCjk && !next.JoinsPrevious;

    private static bool PartsCjkFromWord(string term, TextUnit previous, TextUnit next) =>
        previous.IsCjk != next.IsCjk && Between(term, previous, next) is var between &&
        between.ContainsAnyExcept(KeptInAPhrase) && !IsNumberSign(between);

    /// <summary>
    /// What stands between two units: nothing when both come from one character, which NFKC makes several (Thai ำ is ํ
    /// and า, ㍻ is 平成, ㋀ is 1月), each spanning all of it.
    /// </summary>
    private static ReadOnlySpan<char> Between(string term, TextUnit previous, TextUnit next) =>
        next.Start > previous.End ? term.AsSpan(previous.End, next.Start - previous.End) : [];

    /// <summary>What does not part a word from a Chinese one: the dots inside a foreign name, a zero-width space.</summary>
    private static readonly System.Buffers.SearchValues<char> KeptInAPhrase = System.Buffers.SearchValues.Create("\u00B7\u30FB\uFF65\u2027\u200B");

    /// <summary>A percent, per mille or degree sign or a currency symbol, which belongs to the number beside it (37%股權, ¥500元).</summary>
    private static bool IsNumberSign(ReadOnlySpan<char> between)
    {
        foreach (var c in between)
        {
            if (c is '%' or '％' or '‰' or '‱' or '°' || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.CurrencySymbol)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// The katakana middle dot between two words of kanji or hiragana lists them (東京・大阪, 日・米, なし・りんご), while
    /// beside katakana it joins a foreign name's parts (ドナルド・トランプ, ジョン・万次郎), which the analyzer reads as one
    /// word, and Chinese names take · or ‧.
    /// </summary>
    private static bool IsListDot(string term, TextUnit previous, TextUnit next) =>
        previous.IsCjk && next.IsCjk && Between(term, previous, next).ContainsAny('\u30FB', '\uFF65')
        && IsKanjiOrHiragana(Rune.GetRuneAt(term, previous.Start)) && IsKanjiOrHiragana(Rune.GetRuneAt(term, next.Start));

    private static bool IsKanjiOrHiragana(Rune rune) => Cjk.IsLetter(rune) && !Cjk.IsHangul(rune) && !Cjk.IsKatakana(rune);
}
