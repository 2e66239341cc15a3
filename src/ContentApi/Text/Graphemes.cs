using System.Globalization;
using System.Text;

namespace ContentApi.Text;

/// <summary>
/// User-perceived characters (extended grapheme clusters, UAX #29): an emoji ZWJ sequence, a letter with its
/// combining marks or a surrogate pair is one element, so nothing that cuts or counts by element can split one.
/// </summary>
internal static class Graphemes
{
    // Characters that never form a cluster with a neighbour: printable ASCII, tab and line feed (not CR, which pairs
    // with LF), CJK ideographs, kana, Hangul syllables, CJK punctuation (not the combining tone marks U+302A-302F),
    // general punctuation (dashes, quotes, ellipsis) and full-width ASCII forms. Nearly all of a Chinese article.
    private static bool IsSelfContained(char c) =>
        c is (>= ' ' and <= '~') or '\t' or '\n' or (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or
            (>= '\u3041' and <= '\u3096') or (>= '\u30A1' and <= '\u30FA') or (>= '\uAC00' and <= '\uD7A3') or
            (>= '\u3000' and <= '\u3029') or (>= '\u3030' and <= '\u303F') or (>= '\u2010' and <= '\u2027') or (>= '\uFF01' and <= '\uFF5E');

    /// <summary>The length of the cluster that starts at <paramref name="start"/>; the full UAX #29 rules only where they can matter.</summary>
    public static int LengthAt(string text, int start) =>
        IsSelfContained(text[start]) && (start + 1 == text.Length || IsSelfContained(text[start + 1]))
            ? 1
            : IndicConjuncts.JoinedLength(text, start, StringInfo.GetNextTextElementLength(text.AsSpan(start)));

    public static List<string> Split(string text)
    {
        var elements = new List<string>(text.Length);
        for (var start = 0; start < text.Length;)
        {
            var length = LengthAt(text, start);
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
            var length = LengthAt(text, start);
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
