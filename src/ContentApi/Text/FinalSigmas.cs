using System.Globalization;

namespace ContentApi.Text;

/// <summary>
/// Greek writes a sigma ending a word as ς ("ΟΔΟΣ" is "οδος"), which lowering letter by letter does not know: Unicode's
/// Final_Sigma, as JavaScript's toLowerCase applies it (and so GitHub's heading ids). A σ after a letter and not before
/// one, accents between them allowed (ά written as α and U+0301).
/// </summary>
public static class FinalSigmas
{
    /// <summary>Lowercased text with each σ that ends a word written ς.</summary>
    public static string In(string lowercased)
    {
        if (!lowercased.Contains('σ', StringComparison.Ordinal))
        {
            return lowercased;
        }
        var characters = lowercased.ToCharArray();
        for (var i = 0; i < characters.Length; i++)
        {
            if (characters[i] == 'σ' && IsLetterAt(lowercased, i, step: -1) && !IsLetterAt(lowercased, i, step: 1))
            {
                characters[i] = 'ς';
            }
        }
        return new string(characters);
    }

    /// <summary>Whether the next character from <paramref name="sigma"/> in the direction of <paramref name="step"/>, past marks, is a letter.</summary>
    private static bool IsLetterAt(string text, int sigma, int step)
    {
        var i = sigma + step;
        while (i >= 0 && i < text.Length && char.GetUnicodeCategory(text[i]) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format)
        {
            i += step;
        }
        return i >= 0 && i < text.Length && char.IsLetter(text[i]);
    }
}
