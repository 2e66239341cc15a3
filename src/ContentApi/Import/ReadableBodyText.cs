using System.Text;
using System.Text.RegularExpressions;
using ContentApi.Rendering;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ContentApi.Import;

/// <summary>
/// The text of a body that readers read, which its language is guessed from (<see cref="LanguageGuess.FromScript"/>):
/// without link and image URLs, code, images' alt text, HTML tags and other tools' template tags, whose Latin letters
/// outnumbered the words of a Chinese link roundup, WordPress export or tutorial and had it taken for English.
/// </summary>
internal static partial class ReadableBodyText
{
    public static string Of(string markdown)
    {
        MarkdownDocument document;
        try
        {
            document = ArticleMarkdown.Parse(markdown);
        }
        catch (MarkdownTooComplexException)
        {
            return markdown;
        }
        var text = new StringBuilder();
        foreach (var literal in document.Descendants<LiteralInline>())
        {
            if (!IsInImage(literal))
            {
                text.Append(literal.Content.AsSpan()).Append(' ');
            }
        }
        return Markup().Replace(text.ToString(), " ");
    }

    private static bool IsInImage(Inline inline)
    {
        for (var parent = inline.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is LinkInline { IsImage: true })
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// What the body's text holds that no reader reads as words: raw HTML tags with their attributes (the API shows them
    /// as text), Hugo's shortcodes, Liquid's tags, and URLs written bare. Without backtracking: matched lazily, each
    /// unclosed "{{" or "{%" of a long body was read to its end (half a million characters of them took seconds).
    /// </summary>
    [GeneratedRegex(@"</?[A-Za-z][^<>]*>|\{\{[<%].*?[>%]\}\}|\{%.*?%\}|\{\{.*?\}\}|\b(https?|ftp)://\S+", RegexOptions.Singleline | RegexOptions.NonBacktracking)]
    private static partial Regex Markup();
}
