using ContentApi.Text;

namespace ContentApi.Cli;

/// <summary>
/// What a command prints that quotes a file it read (a name from front matter, a file's name, an export's column, a
/// restored snapshot's trigger or key names), escaped as <see cref="ControlEscapes"/> writes it: an ESC sequence from a
/// file from elsewhere cleared the operator's terminal or recoloured it.
/// </summary>
internal static class TerminalText
{
    public static string Escaped(string text) => ControlEscapes.Escaped(text);
}
