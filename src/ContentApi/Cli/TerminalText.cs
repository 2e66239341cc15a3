using System.Globalization;
using System.Text;

namespace ContentApi.Cli;

/// <summary>
/// What a command prints that quotes a file it read (a name from front matter, a file's name, an export's column, a
/// restored snapshot's trigger or key names): its control characters as escapes (<c>\u001B</c>). Printed as they are,
/// an ESC sequence from a file from elsewhere cleared the operator's terminal or recoloured it, and a line break
/// printed a line of the file's making. U+2028 and U+2029 too: not control characters, but line breaks to editors,
/// log viewers and JavaScript.
/// </summary>
internal static class TerminalText
{
    public static string Escaped(string text)
    {
        if (!text.Any(IsShownEscaped))
        {
            return text;
        }
        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (IsShownEscaped(c))
            {
                escaped.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                escaped.Append(c);
            }
        }
        return escaped.ToString();
    }

    private static bool IsShownEscaped(char c) => char.IsControl(c) || c is '\u2028' or '\u2029';
}
