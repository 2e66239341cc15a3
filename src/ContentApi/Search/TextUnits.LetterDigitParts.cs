namespace ContentApi.Search;

/// <summary>
/// Words of letters and digits (model and product names such as qwen3), split into their runs as search indexes them.
/// </summary>
internal static partial class TextUnits
{
    /// <summary>The most parts a word is split into: a longer mix of letters and digits is a code or a hash, kept whole.</summary>
    private const int MaxWordParts = 4;

    private static readonly System.Buffers.SearchValues<char> AsciiLettersAndDigits =
        System.Buffers.SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    /// <summary>
    /// A folded word's runs of letters and of digits ("qwen3" → qwen, 3; "h100" → h, 100; "gpt4o" → gpt, 4, o; digits of
    /// every script are ASCII by then); null for a word of one kind, or of more than <see cref="MaxWordParts"/> runs.
    /// </summary>
    internal static List<string>? LetterDigitParts(string word)
    {
        if (!word.AsSpan().ContainsAnyInRange('0', '9') || !word.AsSpan().ContainsAnyExceptInRange('0', '9'))
        {
            return null;
        }
        var parts = new List<string>(MaxWordParts);
        var start = 0;
        for (var i = 1; i <= word.Length; i++)
        {
            if (i < word.Length && char.IsAsciiDigit(word[i]) == char.IsAsciiDigit(word[i - 1]))
            {
                continue;
            }
            if (parts.Count == MaxWordParts)
            {
                return null;
            }
            parts.Add(word[start..i]);
            start = i;
        }
        return parts;
    }
}
