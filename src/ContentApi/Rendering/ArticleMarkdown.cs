using Markdig;
using Markdig.Extensions.EmphasisExtras;
using Markdig.Syntax;

namespace ContentApi.Rendering;

/// <summary>The one Markdown dialect article bodies are written in, shared by HTML rendering and text measurement.</summary>
internal static class ArticleMarkdown
{
    // Raw HTML is disabled, so "<script>" in a body is text and comes out escaped. Extensions that let authors
    // set attributes or embed frames (generic attributes, media links) are left out; so are ~sub~ and ^sup^,
    // which would turn Chinese ranges such as "3~5 年" into subscripts.
    public static MarkdownPipeline Pipeline { get; } = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras(EmphasisExtraOptions.Strikethrough)
        .UseAutoLinks()
        .UseCjkFriendlyEmphasis()
        .DisableHtml()
        .Build();

    public static MarkdownDocument Parse(string markdown) => Markdown.Parse(markdown, Pipeline);
}
