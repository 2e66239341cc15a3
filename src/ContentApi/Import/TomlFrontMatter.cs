using System.Text.Encodings.Web;
using System.Text.Json;
using Tomlyn;
using Tomlyn.Model;
using Tomlyn.Parsing;

namespace ContentApi.Import;

/// <summary>
/// Hugo's TOML front matter (between <c>+++</c> lines), as YAML that <see cref="FrontMatterReader"/> reads: each top-level
/// key on the line it has in the TOML, its value written as JSON (which YAML reads as it is), so that every problem the
/// reader finds is reported at the key's own line.
/// </summary>
internal static class TomlFrontMatter
{
    /// <summary>Deeper than any front matter needs, as YAML's (<see cref="FrontMatterReader"/>).</summary>
    private const int MaxDepth = 64;

    /// <summary>The YAML, or the TOML's first problem and its line within the TOML (1-based).</summary>
    public static (string? Yaml, int Line, string? Error) ToYaml(string written)
    {
        var toml = LineBreaks.LoneCrAsLf(written);
        var (keyLines, line, error) = TopLevelKeyLines(toml);
        if (error is not null)
        {
            return (null, line, error);
        }
        TomlTable table;
        try
        {
            table = TomlSerializer.Deserialize<TomlTable>(toml, ParserLimits) ?? [];
        }
        catch (TomlException exception)
        {
            return (null, Math.Max(exception.Line ?? 1, 1), MessageOf(exception));
        }
        var lines = new string[Math.Max(toml.Split('\n').Length, keyLines.Values.DefaultIfEmpty(0).Max())];
        foreach (var (key, value) in table)
        {
            lines[keyLines[key] - 1] = $"{Json(key)}: {Json(value)}";
        }
        return (string.Join('\n', lines.Select(yamlLine => yamlLine ?? "")), 0, null);
    }

    /// <summary>The line of each top-level key (a table's header line for a table), read from the parser's events, whose depth is bounded.</summary>
    private static (Dictionary<string, int> KeyLines, int Line, string? Error) TopLevelKeyLines(string toml)
    {
        var keyLines = new Dictionary<string, int>(StringComparer.Ordinal);
        try
        {
            var parser = TomlParser.Create(toml, new TomlParserOptions { Mode = TomlParserMode.Strict }, ParserLimits);
            (string Key, int Line)? repeated = null;
            while (parser.MoveNext())
            {
                var current = parser.Current;
                var line = Math.Max(current.Line, 1);
                // The document is a table itself, at depth 1, as YAML's root mapping counts.
                if (parser.Depth > MaxDepth)
                {
                    return (keyLines, line, $"it nests arrays and tables deeper than {MaxDepth} levels");
                }
                if (repeated is var (key, repeatedLine) && current.Kind != TomlParseEventKind.StartTable)
                {
                    // A dotted key ("cover.image", then "cover.alt") names its table again; another value is a second one.
                    return (keyLines, repeatedLine, $"'{key}' is given twice (first on line {keyLines[key]})");
                }
                repeated = null;
                if (current.Kind == TomlParseEventKind.PropertyName && parser.Depth == 1 && parser.GetPropertyName() is var name && !keyLines.TryAdd(name, line))
                {
                    repeated = (name, line);
                }
            }
        }
        catch (TomlException exception)
        {
            return (keyLines, Math.Max(exception.Line ?? 1, 1), MessageOf(exception));
        }
        return (keyLines, 0, null);
    }

    /// <summary>The parser's message without the position it starts with ("(1,17) : error : "), which the import gives as a file line.</summary>
    private static string MessageOf(TomlException exception)
    {
        var message = exception.Diagnostics?.FirstOrDefault()?.Message ?? exception.Message;
        var marker = message.IndexOf(" : error : ", StringComparison.Ordinal);
        return marker >= 0 ? message[(marker + " : error : ".Length)..] : message;
    }

    /// <summary>The parser's own bound on depth, past ours, so that ours is the one reported.</summary>
    private static readonly TomlSerializerOptions ParserLimits = new() { MaxDepth = MaxDepth + 2 };

    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, MaxDepth = MaxDepth + 2 };

    /// <summary>A TOML value as JSON: tables as objects, arrays as arrays, dates and times as the text TOML writes them.</summary>
    private static string Json(object? value) => JsonSerializer.Serialize(Plain(value), JsonOptions);

    private static object? Plain(object? value) => value switch
    {
        TomlTable table => table.ToDictionary(entry => entry.Key, entry => Plain(entry.Value), StringComparer.Ordinal),
        TomlTableArray tables => tables.Select(Plain).ToList(),
        TomlArray array => array.Select(Plain).ToList(),
        TomlDateTime dateTime => dateTime.ToString(),
        double number when !double.IsFinite(number) => number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => value,
    };
}
