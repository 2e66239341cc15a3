using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Renderers.Html.Inlines;
using Markdig.Syntax;

namespace ContentApi.Rendering;

/// <summary>
/// Article bodies (Markdown) as sanitized HTML with a table of contents, or as plain text. Pure: the same
/// Markdown and images always give the same output.
/// </summary>
public static class MarkdownRenderer
{
    public static RenderedArticle Render(string markdown, IReadOnlyDictionary<long, InlineImage> images)
    {
        var document = ArticleMarkdown.Parse(markdown);
        var toc = AssignHeadingIds(document);

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        ArticleMarkdown.Pipeline.Setup(renderer);
        renderer.ObjectRenderers.Replace<ParagraphRenderer>(new FigureParagraphRenderer(images));
        renderer.ObjectRenderers.Replace<LinkInlineRenderer>(new SafeLinkRenderer(images));
        renderer.ObjectRenderers.Replace<AutolinkInlineRenderer>(new SafeAutolinkRenderer());
        renderer.Render(document);
        writer.Flush();

        return new RenderedArticle(ArticleHtmlSanitizer.Sanitize(writer.ToString().TrimEnd('\n')), toc);
    }

    /// <summary>The readable text of a body; see <see cref="Text.ArticleTextStats.PlainText"/>.</summary>
    public static string ToPlainText(string markdown) => PlainText.Of(ArticleMarkdown.Parse(markdown));

    /// <summary>Gives every heading an id and lists those with text, in document order.</summary>
    private static List<TocEntry> AssignHeadingIds(MarkdownDocument document)
    {
        var ids = new HeadingIds();
        var toc = new List<TocEntry>();
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            var text = string.Join(' ', PlainText.Of(heading.Inline).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            var id = ids.Next(text);
            heading.GetAttributes().Id = id;
            if (text.Length > 0)
            {
                toc.Add(new TocEntry(heading.Level, text, id));
            }
        }
        return toc;
    }
}
