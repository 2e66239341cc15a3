using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ContentApi.Rendering;

/// <summary>
/// A pipe escaped inside inline code in a table cell (`a \| b`) is a pipe, as GFM reads it (spec example 200) and GitHub
/// shows it: the escape keeps it from ending the cell, and Markdig leaves its backslash in the code.
/// </summary>
internal static class EscapedPipesInTableCells
{
    public static void Unescape(MarkdownDocument document)
    {
        foreach (var code in document.Descendants<TableCell>().SelectMany(cell => cell.Descendants<CodeInline>()))
        {
            if (code.Content.Contains("\\|", StringComparison.Ordinal))
            {
                code.Content = code.Content.Replace("\\|", "|", StringComparison.Ordinal);
            }
        }
    }
}
