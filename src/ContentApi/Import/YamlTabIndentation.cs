using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ContentApi.Import;

/// <summary>
/// YAML indents with spaces only, and a tab pasted into the indentation is a common slip. YamlDotNet reports it at the
/// start of the mapping or list around it, lines before the tab; this finds the tab's line: the first, from the one
/// reported, whose indentation holds a tab that, made a space, takes the error away or moves it.
/// </summary>
internal static class YamlTabIndentation
{
    /// <summary>The line (1-based, of <paramref name="yaml"/>) of the tab to blame for the error reported at <paramref name="reported"/>, if any.</summary>
    public static int? LineOfTab(string yaml, Mark reported)
    {
        var lines = yaml.Split(["\r\n", "\r", "\n"], StringSplitOptions.None); // as YAML counts lines
        for (var i = Math.Max(0, (int)reported.Line - 1); i < lines.Length; i++)
        {
            var line = lines[i];
            var indentation = line.Length - line.AsSpan().TrimStart(" \t").Length;
            if (line.AsSpan(0, indentation).Contains('\t'))
            {
                lines[i] = new string(' ', indentation) + line[indentation..];
                var after = ErrorAt(string.Join('\n', lines));
                lines[i] = line;
                if (after is not { } moved || moved.Line != reported.Line || moved.Column != reported.Column)
                {
                    return i + 1;
                }
            }
        }
        return null;
    }

    /// <summary>Where loading reports an error, or null when it loads (an error without a position counts as moved).</summary>
    private static Mark? ErrorAt(string yaml)
    {
        try
        {
            new YamlStream().Load(new StringReader(yaml));
            return null;
        }
        catch (YamlException e)
        {
            return e.Start;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            return Mark.Empty;
        }
    }
}
