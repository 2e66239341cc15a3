using ContentApi.Text;

namespace ContentApi.Import;

/// <summary>
/// The control characters the API refuses in text (<see cref="TextRules.IsRefusedControlCharacter"/>: all but line breaks and
/// tabs), named, since they are invisible: an import problem says which one and where.
/// </summary>
internal static class ControlCharacters
{
    /// <summary>The API's message for the field, naming the first refused control character of <paramref name="text"/> (U+0007).</summary>
    public static string Problem(string field, ReadOnlySpan<char> text) =>
        TextRules.IndexOfControlCharacter(text) is var index and >= 0
            ? $"{field}: {TextRules.ControlCharacterMessage.TrimEnd('.')}: U+{(int)text[index]:X4} here."
            : $"{field}: {TextRules.ControlCharacterMessage}";
}
