using System.Globalization;

namespace ContentApi.Text;

/// <summary>
/// The geresh and gershayim (׳ ״), and the ASCII ' and " typed for them, between two Hebrew letters: they mark an
/// acronym (צה״ל) or a sound Hebrew letters lack (ג׳ירפה) inside one word, which is also written without them (צהל).
/// Search and slugs leave them out of the word rather than splitting it there.
/// </summary>
public static class HebrewWordMarks
{
    public static bool At(string text, int index) =>
        text[index] is '\u05F3' or '\u05F4' or '\'' or '"' && index + 1 < text.Length && IsHebrewLetter(text[index + 1]) && FollowsHebrewLetter(text, index);

    /// <summary>Whether a Hebrew letter stands before <paramref name="index"/>, its points (niqqud, cantillation) between them.</summary>
    private static bool FollowsHebrewLetter(string text, int index)
    {
        var i = index - 1;
        while (i >= 0 && char.GetUnicodeCategory(text[i]) == UnicodeCategory.NonSpacingMark)
        {
            i--;
        }
        return i >= 0 && IsHebrewLetter(text[i]);
    }

    /// <summary>The letters א-ת (final forms included) and the Yiddish ligatures װ ױ ײ.</summary>
    private static bool IsHebrewLetter(char c) => c is (>= '\u05D0' and <= '\u05EA') or (>= '\u05EF' and <= '\u05F2');
}
