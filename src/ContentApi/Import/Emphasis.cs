namespace ContentApi.Import;

internal static class Emphasis
{
    private static readonly string[] Markers = ["***", "**", "*", "___", "__", "_"];

    /// <summary><c>**By Jane Doe**</c> → <c>By Jane Doe</c>: the markers around a whole line, if the same on both sides.</summary>
    public static string Strip(string trimmedLine)
    {
        foreach (var marker in Markers)
        {
            if (trimmedLine.Length > marker.Length * 2 &&
                trimmedLine.StartsWith(marker, StringComparison.Ordinal) && trimmedLine.EndsWith(marker, StringComparison.Ordinal))
            {
                return trimmedLine[marker.Length..^marker.Length].Trim();
            }
        }
        return trimmedLine;
    }
}
