using System.Text;
using System.Text.RegularExpressions;

namespace ContentApi.Import;

/// <param name="Opening">The line of the opening tag.</param>
/// <param name="Closing">The line of its closing tag.</param>
/// <param name="Value">What the opening tag gives (a code block's language, a quote's attribution).</param>
internal sealed record TagPair<T>(int Opening, int Closing, T Value);

/// <summary>
/// A generator's block tags, an opening and a closing one each alone on its line (<c>{% highlight ruby %}</c> …
/// <c>{% endhighlight %}</c>), found where Markdown would read them as text: not inside a fence or indented as code (a
/// post about the generator), and only when closed.
/// </summary>
internal static partial class TagPairs
{
    /// <param name="opening">What an opening tag gives and its closing tag's pattern, for a trimmed line; null for any other line.</param>
    public static List<TagPair<T>> Find<T>(TextLines lines, Func<string, (T Value, Regex Closing)?> opening)
    {
        var pairs = new List<TagPair<T>>();
        var closings = new Dictionary<Regex, int?>();
        string? fence = null;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines.Trimmed(i);
            if (fence is not null)
            {
                fence = line.StartsWith(fence, StringComparison.Ordinal) ? null : fence;
                continue;
            }
            if (Fence().Match(line) is { Success: true } fenceOpening)
            {
                fence = fenceOpening.Value;
                continue;
            }
            if (Indentation(lines.Content(i)) < 4 && opening(line) is var (value, closes) && ClosingAfter(lines, i, closes, closings) is { } closing)
            {
                pairs.Add(new TagPair<T>(i, closing, value));
                i = closing;
            }
        }
        return pairs;
    }

    /// <summary>Copies the body up to the line's tag, writes <paramref name="replacement"/> for it, and returns where the rest starts.</summary>
    public static int ReplaceTag(StringBuilder result, string body, TextLines lines, int line, string replacement, int position)
    {
        var (tagStart, tagLength) = lines.TrimmedSpan(line);
        result.Append(body, position, tagStart - position).Append(replacement);
        return tagStart + tagLength;
    }

    /// <summary>Columns of leading white space, a tab as four: a tag indented four or more may be indented code, as written.</summary>
    private static int Indentation(ReadOnlySpan<char> line)
    {
        var columns = 0;
        foreach (var character in line)
        {
            if (character is not (' ' or '\t'))
            {
                break;
            }
            columns += character == '\t' ? 4 : 1;
        }
        return columns;
    }

    /// <summary>
    /// The first line after <paramref name="opening"/> that <paramref name="closing"/> matches. Openings come in order, so
    /// the one found for an earlier opening (<paramref name="found"/>, null when there was none) still holds until it is
    /// passed: a body of openings that never close is read once, not once a line.
    /// </summary>
    private static int? ClosingAfter(TextLines lines, int opening, Regex closing, Dictionary<Regex, int?> found)
    {
        if (found.TryGetValue(closing, out var earlier) && (earlier is null || earlier > opening))
        {
            return earlier;
        }
        for (var i = opening + 1; i < lines.Count; i++)
        {
            if (closing.IsMatch(lines.Trimmed(i)))
            {
                return found[closing] = i;
            }
        }
        return found[closing] = null;
    }

    [GeneratedRegex(@"^(`{3,}|~{3,})")]
    private static partial Regex Fence();
}
