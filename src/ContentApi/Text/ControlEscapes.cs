using System.Globalization;
using System.Text;

namespace ContentApi.Text;

/// <summary>
/// Text that reaches an operator's terminal or a log line from outside (a name in a file from elsewhere, a route value
/// from the path): its control characters, line separators and bidirectional controls as escapes (<c>\u001B</c>,
/// <c>\u2028</c>, <c>\u202E</c>). Printed as they are, an ESC sequence clears or recolours the terminal, a line break
/// (U+2028 and U+2029 too, to editors, log viewers and JavaScript) forges a line, and a right-to-left override shows
/// the rest of the line reversed; other format characters (a zero-width space, a byte-order mark) are invisible and
/// make one name look like another. The joiners stay: a zero-width joiner is part of an emoji (👩‍💻) and of Persian
/// and Indic words; so do variation selectors, marks rather than format characters (❤️).
/// </summary>
internal static class ControlEscapes
{
    public static string Escaped(string text)
    {
        if (!text.Any(IsEscaped))
        {
            return text;
        }
        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (IsEscaped(c))
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

    /// <summary>Controls, line and paragraph separators, and format characters but the two joiners.</summary>
    private static bool IsEscaped(char c) =>
        char.IsControl(c) || c is '\u2028' or '\u2029'
        || (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format && c is not ('\u200C' or '\u200D'));
}
