using System.Text;
using System.Text.RegularExpressions;

namespace ContentApi.Import;

/// <summary>
/// Jekyll's <c>{% raw %}</c> … <c>{% endraw %}</c>, which posts wrap around text that looks like Liquid (template code
/// such as <c>{{ user.name }}</c>) so that Jekyll prints it as written: the tags go, what they wrap stays, and a tag alone
/// on its line leaves that line empty, as Jekyll's output does (so the file's lines keep their numbers). A raw tag
/// without its end, or an end without its raw, stays as written.
/// </summary>
internal static partial class LiquidRaw
{
    public static string Unwrapped(string body)
    {
        if (!body.Contains("raw", StringComparison.Ordinal))
        {
            return body;
        }
        // Tags found in one pass and paired in order (each raw with the first end after it), so that a body of many raw
        // tags and no end costs one pass, not one search to its end per tag.
        var tags = Tag().Matches(body);
        var result = new StringBuilder(body.Length);
        var position = 0;
        for (var i = 0; i < tags.Count; i++)
        {
            if (tags[i].Groups["end"].Success)
            {
                continue;
            }
            var end = i + 1;
            while (end < tags.Count && !tags[end].Groups["end"].Success)
            {
                end++;
            }
            if (end == tags.Count)
            {
                break;
            }
            var (opening, closing) = (tags[i], tags[end]);
            result.Append(body, position, opening.Index - position).Append(body, opening.Index + opening.Length, closing.Index - opening.Index - opening.Length);
            position = closing.Index + closing.Length;
            i = end;
        }
        return position == 0 ? body : result.Append(body, position, body.Length - position).ToString();
    }

    [GeneratedRegex(@"\{%-?[ \t]*(?<end>end)?raw[ \t]*-?%\}", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();
}
