using System.Globalization;
using System.Text;

namespace ContentApi.Text;

/// <summary>
/// User-perceived characters (extended grapheme clusters, UAX #29): an emoji ZWJ sequence, a letter with its
/// combining marks or a surrogate pair is one element, so nothing that cuts or counts by element can split one.
/// </summary>
internal static class Graphemes
{
    public static List<string> Split(string text)
    {
        var elements = new List<string>(text.Length);
        for (var start = 0; start < text.Length;)
        {
            var length = StringInfo.GetNextTextElementLength(text.AsSpan(start));
            elements.Add(text.Substring(start, length));
            start += length;
        }
        return elements;
    }

    /// <summary>The clusters as (start, length) pairs, without allocating a string for each.</summary>
    public static IEnumerable<(int Start, int Length)> Ranges(string text)
    {
        for (var start = 0; start < text.Length;)
        {
            var length = StringInfo.GetNextTextElementLength(text.AsSpan(start));
            yield return (start, length);
            start += length;
        }
    }

    public static bool IsWhitespace(string element) => element.All(char.IsWhiteSpace);

    public static bool IsWhitespace(ReadOnlySpan<char> element)
    {
        foreach (var c in element)
        {
            if (!char.IsWhiteSpace(c))
            {
                return false;
            }
        }
        return true;
    }

    public static Rune FirstRune(string element) => Rune.GetRuneAt(element, 0);
}
