namespace ContentApi.Import;

/// <summary>
/// The YAML between a first line <c>---</c> and the next line <c>---</c> (or <c>...</c>), and where the body starts.
/// One blank line after the closing delimiter separates the two and belongs to neither.
/// </summary>
/// <param name="Yaml">The text between the delimiter lines.</param>
/// <param name="BodyStart">Offset of the body in the file's text.</param>
/// <param name="BodyFirstLine">The 1-based file line where the body starts.</param>
internal sealed record FrontMatterBlock(string Yaml, int BodyStart, int BodyFirstLine)
{
    /// <summary>The file line of the first YAML line (the line after the opening delimiter).</summary>
    public const int FirstYamlLine = 2;

    /// <summary>The block, null when the text has no front matter, or an error when it is never closed or is TOML.</summary>
    public static FrontMatterBlock? Find(string text, out string? error)
    {
        error = null;
        var lines = new TextLines(text);
        if (lines.Count > 0 && IsDelimiter(lines.Content(0), "+++"))
        {
            error = "The front matter is TOML (between '+++' lines), and only YAML front matter (between '---' lines) is read: convert it to YAML.";
            return null;
        }
        if (lines.Count == 0 || !IsDelimiter(lines.Content(0), "---"))
        {
            return null;
        }
        for (var i = 1; i < lines.Count; i++)
        {
            if (IsDelimiter(lines.Content(i), "---") || IsDelimiter(lines.Content(i), "..."))
            {
                var yaml = text[lines.End(0)..lines.Start(i)];
                var bodyLine = i + 1;
                if (bodyLine < lines.Count && lines.IsBlank(bodyLine))
                {
                    bodyLine++;
                }
                var bodyStart = bodyLine < lines.Count ? lines.Start(bodyLine) : text.Length;
                return new FrontMatterBlock(yaml, bodyStart, bodyLine + 1);
            }
        }
        error = "Front matter opened with '---' on line 1 is never closed by a '---' line.";
        return null;
    }

    private static bool IsDelimiter(ReadOnlySpan<char> line, string delimiter) => line.TrimEnd().SequenceEqual(delimiter);
}
