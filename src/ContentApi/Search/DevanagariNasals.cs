using System.Text.RegularExpressions;

namespace ContentApi.Search;

/// <summary>
/// A nasal consonant with a virama before another consonant, written in Hindi and Marathi as often as the anusvara that
/// says the same (हिन्दी and हिंदी, सम्बन्ध and संबंध, चन्द्रयान and चंद्रयान): searched as the anusvara, as Lucene's
/// HindiNormalizer reads them, so each spelling finds the other.
/// </summary>
internal static partial class DevanagariNasals
{
    public static string AsAnusvara(string word) =>
        word.AsSpan().IndexOf('\u094D') < 0 ? word : NasalBeforeConsonant().Replace(word, "\u0902");

    /// <summary>ङ ञ ण न म and a virama, before a consonant (क to ह, and क़ to य़).</summary>
    [GeneratedRegex("[\u0919\u091E\u0923\u0928\u092E]\u094D(?=[\u0915-\u0939\u0958-\u095F])")]
    private static partial Regex NasalBeforeConsonant();
}
