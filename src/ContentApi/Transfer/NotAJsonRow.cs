using System.Text.Json;
using ContentApi.Text;

namespace ContentApi.Transfer;

/// <summary>How import refuses a line of an export that is no JSON row.</summary>
internal static class NotAJsonRow
{
    /// <summary>
    /// "articles.jsonl:451, byte 302: not a JSON row (…)". The reader ends its message with its own position, counted in
    /// the row alone ("LineNumber: 0 | BytePositionInLine: 301."), whose line 0 contradicted the file's line.
    /// </summary>
    public static string Message(string path, int lineNumber, JsonException exception)
    {
        var reason = JsonReaderMessage.WithoutPosition(exception);
        var where = exception.BytePositionInLine is { } position ? $", byte {position + 1}" : "";
        return $"{path}:{lineNumber}{where}: not a JSON row ({reason})";
    }
}
