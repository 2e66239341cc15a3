using System.Text;
using System.Text.RegularExpressions;

namespace ContentApi.Import;

/// <summary>
/// Pelican's (and Python-Markdown's meta extension's, MultiMarkdown's) metadata: <c>Key: value</c> lines at the top of
/// the file, up to the first blank line or other line, with a <c>Title</c> among them (keys in any case; a line indented
/// four spaces goes on the value above). Read as YAML front matter of the same keys in lower case, line for line: <c>Tags: a, b</c>,
/// <c>Authors</c>, <c>Category</c>, <c>Summary</c>, <c>Slug</c>, <c>Lang</c>, <c>Date</c>; <c>Status: hidden</c>, a
/// page Pelican writes but lists nowhere, is a draft. A key given again is ignored (<see cref="FrontMatterBlock.RepeatedKeys"/>),
/// as Pelican keeps the first of its own keys. Without a <c>Title</c> line, the lines are the body's.
/// </summary>
internal static partial class MetadataLines
{
    public static FrontMatterBlock? Find(string text, TextLines lines)
    {
        var yaml = new StringBuilder();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var repeated = new List<RepeatedKey>();
        var hasTitle = false;
        var i = 0;
        for (; i < lines.Count && !lines.IsBlank(i); i++)
        {
            var line = lines.Content(i).ToString();
            if (i > 0 && line.StartsWith("    ", StringComparison.Ordinal))
            {
                yaml.Append("#\n"); // goes on the value above, which YAML has whole; the line keeps its number
                continue;
            }
            if (KeyLine().Match(line) is not { Success: true } match)
            {
                break; // as Python-Markdown reads them: the first other line starts the body
            }
            var key = match.Groups["key"].Value.ToLowerInvariant();
            hasTitle |= key == "title";
            if (!keys.Add(key))
            {
                repeated.Add(new RepeatedKey(i + 1, match.Groups["key"].Value));
                yaml.Append("#\n");
                continue;
            }
            var value = string.Join(" ", [match.Groups["value"].Value.Trim(), .. Continuation(lines, i + 1)]);
            yaml.Append(key).Append(": \"");
            AppendEscaped(yaml, value);
            yaml.Append("\"\n");
        }
        if (!hasTitle)
        {
            return null;
        }
        var bodyLine = i < lines.Count && lines.IsBlank(i) ? i + 1 : i;
        return new FrontMatterBlock(yaml.ToString(), bodyLine < lines.Count ? lines.Start(bodyLine) : text.Length, bodyLine + 1, FirstLine: 1) { RepeatedKeys = repeated };
    }

    /// <summary>
    /// The value as a YAML double-quoted text: its control characters and line separators escaped, so that they reach
    /// the API's rules as written (a NEL or U+2028 broke the YAML; a NUL ended it).
    /// </summary>
    private static void AppendEscaped(StringBuilder yaml, string value)
    {
        foreach (var c in value)
        {
            if (c is '\\' or '"')
            {
                yaml.Append('\\').Append(c);
            }
            else if (char.IsControl(c) || c is '\u2028' or '\u2029')
            {
                yaml.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                yaml.Append(c);
            }
        }
    }

    private static IEnumerable<string> Continuation(TextLines lines, int from)
    {
        for (var i = from; i < lines.Count && !lines.IsBlank(i) && lines.Content(i).StartsWith("    "); i++)
        {
            yield return lines.Content(i).Trim().ToString();
        }
    }

    [GeneratedRegex(@"^(?<key>[A-Za-z][A-Za-z0-9_-]*):(?:\s+(?<value>.*))?$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyLine();
}
