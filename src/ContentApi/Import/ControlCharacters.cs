using ContentApi.Text;

namespace ContentApi.Import;

/// <summary>
/// The control characters the API refuses in text (<see cref="TextRules.HasNoControlCharacters"/>: all but line breaks and
/// tabs), named, since they are invisible: an import problem says which one and where.
/// </summary>
internal static class ControlCharacters
{
    /// <summary>Where the first refused control character is, or -1.</summary>
    public static int IndexOfRefused(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsControl(text[i]) && text[i] is not ('\n' or '\r' or '\t'))
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>The API's message for the field, naming the first refused control character of <paramref name="text"/> (U+0007).</summary>
    public static string Problem(string field, ReadOnlySpan<char> text) =>
        IndexOfRefused(text) is var index and >= 0
            ? $"{field}: {TextRules.ControlCharacterMessage.TrimEnd('.')}: U+{(int)text[index]:X4} here."
            : $"{field}: {TextRules.ControlCharacterMessage}";
}
