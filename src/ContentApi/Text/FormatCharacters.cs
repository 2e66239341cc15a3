using System.Text;

namespace ContentApi.Text;

/// <summary>Format characters (Unicode Cf), which show nothing.</summary>
public static class FormatCharacters
{
    /// <summary>
    /// <paramref name="text"/> without the format characters a slug leaves out of words (<see cref="Slugs.IsLeftOutOfWords"/>):
    /// "台北\u200B市" is "台北市", "A\u00ADI" "AI"; a zero-width non-joiner, or a zero-width space between Thai words, stays.
    /// </summary>
    public static string LeftOutOfWords(string text)
    {
        StringBuilder? kept = null;
        var index = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (Slugs.IsLeftOutOfWords(text, index, rune))
            {
                kept ??= new StringBuilder(text.Length).Append(text, 0, index);
            }
            else
            {
                kept?.Append(rune.ToString());
            }
            index += rune.Utf16SequenceLength;
        }
        return kept?.ToString() ?? text;
    }
}
