using ContentApi.Text;
using Markdig.Helpers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ContentApi.Rendering;

/// <summary>
/// Numeric character references to control characters, read as HTML reads them: <c>&amp;#128;</c> to <c>&amp;#159;</c>
/// as Windows-1252 (the quotes, dashes and ellipsis of pages converted from it, <c>&amp;#147;</c> “), any other control
/// but a tab or line break as U+FFFD, as CommonMark reads <c>&amp;#0;</c>. Markdig gave the control characters themselves,
/// which the API refuses in every text it takes, to the HTML, the table of contents, the plain text and the excerpt.
/// </summary>
internal static class ControlCharacterReferences
{
    public static void Replace(MarkdownDocument document)
    {
        foreach (var entity in document.Descendants<HtmlEntityInline>())
        {
            if (entity.Transcoded.Length == 1 && TextRules.IsRefusedControlCharacter(entity.Transcoded.CurrentChar))
            {
                entity.Transcoded = new StringSlice(Readable(entity.Transcoded.CurrentChar).ToString());
            }
        }
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (link.Title is { } title && title.Any(TextRules.IsRefusedControlCharacter))
            {
                link.Title = string.Concat(title.Select(c => TextRules.IsRefusedControlCharacter(c) ? Readable(c) : c));
            }
        }
    }

    private static char Readable(char control) => control is >= '\u0080' and <= '\u009F' ? Windows1252[control - 0x80] : '\uFFFD';

    /// <summary>
    /// What HTML reads a reference to 0x80-0x9F as (the HTML Standard's table); the five it leaves as control characters
    /// (0x81, 0x8D, 0x8F, 0x90, 0x9D) are U+FFFD here, as the API refuses control characters.
    /// </summary>
    private const string Windows1252 =
        "€\uFFFD‚ƒ„…†‡ˆ‰Š‹Œ\uFFFDŽ\uFFFD" +
        "\uFFFD‘’“”•–—˜™š›œ\uFFFDžŸ";
}
