using System.Globalization;
using System.Text;

namespace ContentApi.Text;

/// <summary>
/// Reading time for mixed CJK and Latin text: Chinese and Japanese characters and words are read at different rates,
/// so each is counted on its own and their minutes are added. Korean is spaced into words as English is, and is
/// counted in words: counting its syllables as characters made a Korean article read half again as slowly as one in
/// English of the same number of words.
/// </summary>
public static class ReadingTime
{
    /// <summary>Han and kana characters an adult reads silently per minute.</summary>
    public const int CjkCharactersPerMinute = 400;

    /// <summary>Words of Latin, Hangul and other space-separated scripts read per minute.</summary>
    public const int WordsPerMinute = 230;

    /// <summary>
    /// Letters (with their marks) taken as one word of Thai, Lao, Khmer or Myanmar, whose words are not spaced and so
    /// cannot be counted: a run between spaces is a phrase or a sentence.
    /// </summary>
    public const int UnspacedLettersPerWord = 4;

    /// <summary>Whole minutes of text, rounded up: at least 1 for any word or character read, 0 for none.</summary>
    public static int Minutes(string plainText)
    {
        var (cjkCharacters, words) = Count(plainText);
        // cjk/400 + words/230 rounded up, in integers so exact multiples never round up by a float error.
        const long Denominator = (long)CjkCharactersPerMinute * WordsPerMinute;
        var numerator = (long)cjkCharacters * WordsPerMinute + (long)words * CjkCharactersPerMinute;
        return (int)((numerator + Denominator - 1) / Denominator);
    }

    /// <summary>
    /// The minutes of a body's plain text, and at least 1 when the body shows anything: a photo essay (only images, none
    /// of whose text is the body's) or a line of punctuation read in 0. Images add no time to a body with words.
    /// </summary>
    public static int Minutes(string plainText, int images) =>
        Math.Max(Minutes(plainText), images > 0 || ArticleText.HasCharacters(plainText) ? 1 : 0);

    /// <summary>
    /// A word is a run of letters or digits with any inner punctuation ("Qwen3-Max", "don't", "한국어를"), ended by
    /// whitespace, a Han or kana character or CJK punctuation; in Thai, Lao, Khmer and Myanmar, every
    /// <see cref="UnspacedLettersPerWord"/> letters; and an emoji or another pictograph (Unicode category So) outside a
    /// word is one (a body of 250 emoji read in 0 minutes, counted as nothing).
    /// </summary>
    public static (int CjkCharacters, int Words) Count(string plainText)
    {
        var cjkCharacters = 0;
        var words = 0;
        var unspacedLetters = 0;
        var inWord = false;
        foreach (var (start, _) in Graphemes.Ranges(plainText))
        {
            var rune = Rune.GetRuneAt(plainText, start);
            if (Cjk.IsLetter(rune) && !Cjk.IsHangul(rune))
            {
                cjkCharacters++;
                inWord = false;
            }
            else if (UnspacedScripts.IsLetter(rune))
            {
                unspacedLetters++;
                inWord = false;
            }
            else if (Rune.IsWhiteSpace(rune) || Cjk.IsPunctuation(rune))
            {
                inWord = false;
            }
            else if (Rune.GetUnicodeCategory(rune) == UnicodeCategory.OtherSymbol && !inWord)
            {
                words++; // an emoji or another pictograph standing alone: read as a word, not as nothing
            }
            else if (Rune.IsLetterOrDigit(rune) && !inWord)
            {
                words++;
                inWord = true;
            }
        }
        return (cjkCharacters, words + (unspacedLetters + UnspacedLettersPerWord - 1) / UnspacedLettersPerWord);
    }
}
