using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ContentApi.Text;

namespace ContentApi.Import;

/// <summary>
/// Hugo's JSON front matter: the first JSON object of a file that opens with <c>{</c>, the body after it. Read as YAML
/// that <see cref="FrontMatterReader"/> reads: a flow mapping with each top-level key on the line it has in the JSON,
/// its value written as JSON on one line (which YAML reads as it is), so that every problem the reader finds is reported
/// at the key's own line.
/// </summary>
internal static class JsonFrontMatter
{
    /// <summary>Deeper than any front matter needs, as YAML's and TOML's (<see cref="TomlFrontMatter"/>).</summary>
    private const int MaxDepth = 64;

    /// <summary>Whether the text opens with a JSON object: <c>{</c>, then a key or its end; not Hugo's shortcode <c>{{&lt; … &gt;}}</c>.</summary>
    public static bool Opens(string text) => text.StartsWith('{') && text.AsSpan(1).TrimStart() is ['"' or '}', ..];

    /// <summary>The block (its text starts at the file's first line), or an error when the object is never closed.</summary>
    public static FrontMatterBlock? Find(string text, TextLines lines, out string? error)
    {
        error = null;
        if (ObjectEnd(text) is not { } end)
        {
            error = "JSON front matter opened with '{' on line 1 is never closed by its '}'.";
            return null;
        }
        var closingLine = lines.LineOf(end);
        if (!text.AsSpan(end + 1, lines.End(closingLine) - end - 1).IsWhiteSpace())
        {
            // The body starts on the object's last line, as Hugo reads it.
            return new FrontMatterBlock(text[..(end + 1)], end + 1, closingLine + 1, IsJson: true, FirstLine: 1);
        }
        var bodyLine = closingLine + 1;
        if (bodyLine < lines.Count && lines.IsBlank(bodyLine))
        {
            bodyLine++;
        }
        return new FrontMatterBlock(text[..(end + 1)], bodyLine < lines.Count ? lines.Start(bodyLine) : text.Length, bodyLine + 1, IsJson: true, FirstLine: 1);
    }

    /// <summary>Where the first object's closing brace is, braces within strings aside; null when it is never closed.</summary>
    private static int? ObjectEnd(string text)
    {
        var depth = 0;
        var inString = false;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '\\' when inString:
                    i++;
                    break;
                case '"':
                    inString = !inString;
                    break;
                case '{' or '[' when !inString:
                    depth++;
                    break;
                case '}' or ']' when !inString:
                    if (--depth == 0)
                    {
                        return i;
                    }
                    break;
            }
        }
        return null;
    }

    /// <summary>The YAML, or the JSON's first problem and its line within the JSON (1-based).</summary>
    public static (string? Yaml, int Line, string? Error) ToYaml(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(LineBreaks.LoneCrAsLf(json));
        var yamlLines = new string[LineAt(bytes, bytes.Length)];
        Array.Fill(yamlLines, "");
        yamlLines[0] = "{";
        var keyLines = new Dictionary<string, int>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = MaxDepth });
        try
        {
            reader.Read();
            var lastLine = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var key = reader.GetString() ?? "";
                var line = LineAt(bytes, (int)reader.TokenStartIndex);
                if (!keyLines.TryAdd(key, line))
                {
                    return (null, line, $"'{key}' is given twice (first on line {keyLines[key]})");
                }
                reader.Read();
                using var value = JsonDocument.ParseValue(ref reader);
                if (lastLine > 0)
                {
                    yamlLines[lastLine - 1] += ",";
                }
                yamlLines[line - 1] += $" {Json(key)}: {JsonSerializer.Serialize(value.RootElement, JsonOptions)}";
                lastLine = line;
            }
        }
        catch (JsonException exception)
        {
            return (null, (int)(exception.LineNumber ?? 0) + 1, JsonReaderMessage.WithoutPosition(exception));
        }
        yamlLines[^1] += " }";
        return (string.Join('\n', yamlLines), 0, null);
    }

    /// <summary>The 1-based line of the byte at <paramref name="offset"/>.</summary>
    private static int LineAt(byte[] bytes, int offset) => bytes.AsSpan(0, offset).Count((byte)'\n') + 1;

    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, MaxDepth = MaxDepth + 2 };

    private static string Json(string text) => JsonSerializer.Serialize(text, JsonOptions);
}
