using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ContentApi.Import;

/// <summary>
/// Writes a string as a YAML scalar that reads back as exactly that string: plain when that is unambiguous in
/// YAML 1.1 and 1.2 alike, otherwise double-quoted with escapes. CJK and emoji are written as themselves.
/// </summary>
internal static partial class YamlScalar
{
    public static string Write(string value) => IsSafePlain(value) ? value : DoubleQuoted(value);

    private static bool IsSafePlain(string value) =>
        value.Length > 0 &&
        !char.IsWhiteSpace(value[0]) && !char.IsWhiteSpace(value[^1]) &&
        "-?:,[]{}#&*!|>'\"%@`~+.0123456789".IndexOf(value[0], StringComparison.Ordinal) < 0 &&
        !value.Contains(": ", StringComparison.Ordinal) && !value.Contains(" #", StringComparison.Ordinal) && !value.EndsWith(':') &&
        !Enumerable.Range(0, value.Length).Any(i => NeedsEscape(value, i)) &&
        !ReservedWord().IsMatch(value);

    private static string DoubleQuoted(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\0' => "\\0",
                '\t' => "\\t",
                '\n' => "\\n",
                '\r' => "\\r",
                '\u0085' => "\\N",
                '\u2028' => "\\L",
                '\u2029' => "\\P",
                _ when NeedsEscape(value, i) => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }
        return builder.Append('"').ToString();
    }

    // Controls, line and paragraph separators, the byte-order mark, the non-characters U+FFFE and U+FFFF (no YAML
    // character: PyYAML and Go's yaml refuse the file), and lone surrogates, which YAML cannot hold raw.
    private static bool NeedsEscape(string value, int index)
    {
        var c = value[index];
        return char.IsControl(c) || c is '\u2028' or '\u2029' or '\uFEFF' or '\uFFFE' or '\uFFFF' ||
            (char.IsHighSurrogate(c) && (index + 1 >= value.Length || !char.IsLowSurrogate(value[index + 1]))) ||
            (char.IsLowSurrogate(c) && (index == 0 || !char.IsHighSurrogate(value[index - 1])));
    }

    // YAML 1.1's booleans and null, and its value and merge keys, which PyYAML refuses as values.
    [GeneratedRegex("^(?:(?i:y|n|yes|no|on|off|true|false|null)|=|<<)$")]
    private static partial Regex ReservedWord();
}
