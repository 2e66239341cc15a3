namespace ContentApi.Import;

/// <summary>
/// The YAML between a first line <c>---</c> and the next line <c>---</c> (or <c>...</c>), or Hugo's TOML between
/// <c>+++</c> lines, or its JSON object at the top (<see cref="JsonFrontMatter"/>), and where the body starts. One blank line after the closing delimiter separates the two and belongs
/// to neither.
/// </summary>
/// <param name="Text">The text between the delimiter lines.</param>
/// <param name="BodyStart">Offset of the body in the file's text.</param>
/// <param name="BodyFirstLine">The 1-based file line where the body starts.</param>
/// <param name="IsToml">Whether the text is TOML (<see cref="TomlFrontMatter"/>).</param>
/// <param name="IsJson">Whether the text is a JSON object (<see cref="JsonFrontMatter"/>).</param>
/// <param name="FirstLine">The file line of the text's first line: the line after the opening delimiter, or the file's first for <see cref="MetadataLines"/>.</param>
internal sealed record FrontMatterBlock(string Text, int BodyStart, int BodyFirstLine, bool IsToml = false, bool IsJson = false, int FirstLine = FrontMatterBlock.FirstYamlLine)
{
    /// <summary>The file line of the first line of front matter (the line after the opening delimiter).</summary>
    public const int FirstYamlLine = 2;

    /// <summary>Metadata lines whose key an earlier line gave (<see cref="MetadataLines"/>); YAML refuses such keys itself.</summary>
    public IReadOnlyList<RepeatedKey> RepeatedKeys { get; init; } = [];

    /// <summary>The block, null when the text has no front matter, or an error when it is never closed.</summary>
    public static FrontMatterBlock? Find(string text, out string? error)
    {
        error = null;
        var lines = new TextLines(text);
        if (JsonFrontMatter.Opens(text))
        {
            return JsonFrontMatter.Find(text, lines, out error);
        }
        var isToml = lines.Count > 0 && IsDelimiter(lines.Content(0), "+++");
        if (lines.Count == 0 || !(isToml || IsDelimiter(lines.Content(0), "---")))
        {
            return MetadataLines.Find(text, lines);
        }
        for (var i = 1; i < lines.Count; i++)
        {
            if (isToml ? IsDelimiter(lines.Content(i), "+++") : IsDelimiter(lines.Content(i), "---") || IsDelimiter(lines.Content(i), "..."))
            {
                var yaml = text[lines.End(0)..lines.Start(i)];
                var bodyLine = i + 1;
                if (bodyLine < lines.Count && lines.IsBlank(bodyLine))
                {
                    bodyLine++;
                }
                var bodyStart = bodyLine < lines.Count ? lines.Start(bodyLine) : text.Length;
                return new FrontMatterBlock(yaml, bodyStart, bodyLine + 1, isToml);
            }
        }
        error = isToml
            ? "Front matter opened with '+++' on line 1 is never closed by a '+++' line."
            : "Front matter opened with '---' on line 1 is never closed by a '---' line.";
        return null;
    }

    private static bool IsDelimiter(ReadOnlySpan<char> line, string delimiter) => line.TrimEnd().SequenceEqual(delimiter);
}

/// <summary>A metadata line, at <paramref name="Line"/> of the file, whose key (as written) an earlier line gave.</summary>
internal readonly record struct RepeatedKey(int Line, string Key);
