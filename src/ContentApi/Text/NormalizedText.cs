using System.Text;

namespace ContentApi.Text;

/// <summary>
/// <see cref="string.Normalize(NormalizationForm)"/> for text the API derives from what callers wrote (slugs, index
/// tokens). .NET refuses to normalize U+FFFE, a noncharacter that is nonetheless valid JSON and UTF-8, and throws;
/// here it becomes the separator it is anyway (it is no letter, digit or mark).
/// </summary>
public static class NormalizedText
{
    private const char ByteOrderMarkReversed = '\uFFFE';

    /// <summary>
    /// More UTF-16 code units than a character (a grapheme cluster) of any script or emoji holds. ICU puts a run of marks
    /// in canonical order in time that grows with its square (one letter with 160,000 marks took 20 s), so a longer
    /// character is left as typed where text is normalized one character at a time or around such characters.
    /// </summary>
    public const int MostCharacterLength = 64;

    public static string Of(string text, NormalizationForm form) =>
        (text.Contains(ByteOrderMarkReversed) ? text.Replace(ByteOrderMarkReversed, ' ') : text).Normalize(form);
}
