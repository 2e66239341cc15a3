using System.Text.Json;

namespace ContentApi.Text;

/// <summary>What System.Text.Json's reader says is wrong, without the position it ends with.</summary>
public static class JsonReaderMessage
{
    /// <summary>
    /// The message without " LineNumber: 2 | BytePositionInLine: 17.", counted in what the reader was given (a front
    /// matter block, an export's row), which the import states as a position in the file instead.
    /// </summary>
    public static string WithoutPosition(JsonException exception)
    {
        var marker = exception.Message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (marker >= 0 ? exception.Message[..marker] : exception.Message).TrimEnd('.', ' ');
    }
}
