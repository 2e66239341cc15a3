using System.Text;

namespace ContentApi.Text;

/// <summary>
/// Where Japanese, which runs on without spaces, may be cut short (an excerpt, a snippet) as its scripts show words:
/// never inside a katakana word ("マイクロソフト") or before the small kana, long-vowel mark or iteration mark that
/// ends a sound ("ちょ", "すごー", "人々"), and preferably where a phrase ends, after a particle or an ending written in
/// hiragana ("政府は|国土交通省"). Chinese has no such signs: any place between two of its characters is as good.
/// </summary>
internal static class JapaneseCuts
{
    /// <summary>
    /// Whether text is Japanese, to be cut as its scripts show: kana at one in five of its Chinese and Japanese letters
    /// (<see cref="IsJapaneseShare"/>). Chinese with a stray "の", as Taiwanese and Hong Kong papers write shop names and
    /// headlines ("台北の夜市"), is not: any kana made it Japanese, and it was cut right after the "の".
    /// </summary>
    public static bool IsJapanese(IEnumerable<Rune> text)
    {
        var (kana, han) = (0, 0);
        foreach (var rune in text)
        {
            if (Cjk.IsKana(rune))
            {
                kana++;
            }
            else if (Cjk.IsLetter(rune) && !Cjk.IsHangul(rune))
            {
                han++;
            }
        }
        return IsJapaneseShare(kana, kana + han);
    }

    /// <summary>
    /// Whether <paramref name="kana"/> among <paramref name="letters"/> CJK letters make text Japanese: one in five
    /// (Japanese prose is a third or more), as both the cuts and import's language guess read it.
    /// </summary>
    public static bool IsJapaneseShare(int kana, int letters) => kana > 0 && kana * 5 >= letters;

    /// <summary>Whether a cut between these two characters would split a katakana word or a sound.</summary>
    public static bool SplitsWord(Rune before, Rune after) =>
        (IsKatakana(before) && IsKatakana(after)) || (Cjk.IsLetter(before) && EndsTheSoundBefore(after));

    /// <summary>
    /// Whether a phrase ends between these two characters, as far as the scripts tell: after hiragana before anything
    /// else ("政府は|国土", "は|2025年"), after a katakana word before kanji, Latin letters or digits ("サービス|開始";
    /// one before hiragana goes on: "マイクロソフトは"), beside white space, after punctuation that opens nothing
    /// ("東京・|大阪", "＝|山田太郎】") or before punctuation that opens ("は|「"); not before a stop, a closing bracket or
    /// a dot, which belong to what they follow (a snippet started at "＝山田太郎】").
    /// </summary>
    public static bool EndsPhrase(Rune before, Rune after) =>
        !SplitsWord(before, after)
        && (Rune.IsWhiteSpace(before) || Rune.IsWhiteSpace(after)
            || (Rune.IsLetterOrDigit(after)
                ? !Rune.IsLetterOrDigit(before) && !Opens(before) || (IsHiragana(before) && !IsHiragana(after)) || (IsKatakana(before) && !Cjk.IsKana(after))
                : Opens(after)));

    /// <summary>An opening bracket or quote ("「", "（", "“").</summary>
    private static bool Opens(Rune rune) =>
        Rune.GetUnicodeCategory(rune) is System.Globalization.UnicodeCategory.OpenPunctuation or System.Globalization.UnicodeCategory.InitialQuotePunctuation;

    private static bool IsHiragana(Rune rune) => rune.Value is (>= 0x3041 and <= 0x3096) or (>= 0x309D and <= 0x309F);

    /// <summary>Katakana, its long-vowel mark and iteration marks, full and half-width; not the middle dot ・ between words.</summary>
    private static bool IsKatakana(Rune rune) => rune.Value is (>= 0x30A1 and <= 0x30FA) or (>= 0x30FC and <= 0x30FF) or (>= 0x31F0 and <= 0x31FF) or (>= 0xFF66 and <= 0xFF9F);

    /// <summary>Small kana (ゃ, ッ), the long-vowel mark ー and iteration marks (ゝ, 々): read with the character before them.</summary>
    private static bool EndsTheSoundBefore(Rune rune) => rune.Value is
        0x3041 or 0x3043 or 0x3045 or 0x3047 or 0x3049 or 0x3063 or 0x3083 or 0x3085 or 0x3087 or 0x308E or 0x3095 or 0x3096
        or 0x30A1 or 0x30A3 or 0x30A5 or 0x30A7 or 0x30A9 or 0x30C3 or 0x30E3 or 0x30E5 or 0x30E7 or 0x30EE or 0x30F5 or 0x30F6
        or (>= 0x31F0 and <= 0x31FF) or (>= 0xFF67 and <= 0xFF70)
        or 0x30FC or 0x309D or 0x309E or 0x30FD or 0x30FE or 0x3005 or 0x303B;
}
