using Markdig;
using Markdig.Extensions.EmphasisExtras;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ContentApi.Rendering;

/// <summary>The one Markdown dialect article bodies are written in, shared by HTML rendering and text measurement.</summary>
internal static class ArticleMarkdown
{
    // Raw HTML is disabled, so "<script>" in a body is text and comes out escaped (HTML comments are left out: Parse;
    // a few bare inline tags, such as <sub> and <ruby>, are let through: AllowedInlineHtml). Extensions that let authors
    // set attributes or embed frames (generic attributes, media links) are left out; so are ~sub~ and ^sup^,
    // which would turn Chinese ranges such as "3~5 年" into subscripts. Footnotes ("正文[^1]" with "[^1]: 註") are
    // long-form writing's notes; without the extension "[^1]: 註" was a link definition and "[^1]" a link to "註".
    public static MarkdownPipeline Pipeline { get; } = Dialect().Build();

    /// <summary>The same dialect with each node's exact place in the text, for the importer, which rewrites the body by it.</summary>
    public static MarkdownPipeline PipelineWithSourceLocation { get; } = Dialect().UsePreciseSourceLocation().Build();

    private static MarkdownPipelineBuilder Dialect() => new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseFootnotes()
        .Use<AdjacentFootnoteReferences>()
        .UseEmphasisExtras(EmphasisExtraOptions.Strikethrough)
        .Use<FullWidthAwareAutoLinks>()
        .Use<AllowedInlineHtml>()
        .UseCjkFriendlyEmphasis()
        .DisableHtml();

    /// <summary>
    /// Deepest nesting a body may have, the document itself counted: below Markdig's own limits (its parser refuses
    /// ~130 levels of blocks or inlines, its HTML renderer ~128 nested inlines), so that whatever is stored renders.
    /// </summary>
    public const int MaxDepth = 100;

    /// <summary>
    /// The body as readers get it: without its HTML comments (<see cref="HtmlComments"/>), and with a paragraph ending
    /// before an image alone on its line under its text (<see cref="FigureLinesAfterText"/>).
    /// </summary>
    /// <exception cref="MarkdownTooComplexException">
    /// Markdig refused the nesting, or parsing would take too long (<see cref="MarkdownScanCost"/>).
    /// </exception>
    public static MarkdownDocument Parse(string markdown)
    {
        if (!MarkdownScanCost.IsWithinBudget(markdown))
        {
            throw new MarkdownTooComplexException(MarkdownScanCost.Explanation);
        }
        if (NestsTooDeeplyOnOneLine(markdown))
        {
            throw new MarkdownTooComplexException();
        }
        var document = ParseWithinDepth(HtmlComments.Without(markdown), Pipeline);
        FigureLinesAfterText.SplitParagraphs(document);
        return document;
    }

    /// <summary>
    /// Deepest nesting one line may open before Markdig parses the body: Markdig refuses more than <see cref="MaxDepth"/>
    /// itself, in 3 ms at 150 levels and 10 ms at 1,500, but only after 0.4 s at 15,000 ("- > - > …", "+ + + …", found by
    /// a fuzz of repeated shapes). Far above <see cref="MaxDepth"/>, so that a line this reading overstates (a thematic
    /// break written "- - - …", a line of code) is never refused for it.
    /// </summary>
    private const int DeepestLineBeforeParsing = 1_000;

    /// <summary>Whether a line opens more containers than <see cref="DeepestLineBeforeParsing"/>.</summary>
    private static bool NestsTooDeeplyOnOneLine(string markdown)
    {
        foreach (var line in markdown.AsSpan().EnumerateLines())
        {
            if (MarkdownLines.ContainerDepth(line) > DeepestLineBeforeParsing)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Parses with <paramref name="pipeline"/>, for a caller that has already bounded the parsing work.</summary>
    /// <exception cref="MarkdownTooComplexException">Markdig refused the nesting.</exception>
    public static MarkdownDocument ParseWithinDepth(string markdown, MarkdownPipeline pipeline)
    {
        try
        {
            var document = Markdown.Parse(WithoutByteOrderMark(markdown), pipeline);
            var rubies = markdown.Contains(RubyNotation.Bar, StringComparison.Ordinal) && RubyNotation.Mark(document);
            if (rubies || markdown.Contains('<', StringComparison.Ordinal))
            {
                AllowedInlineHtml.KeepUnpairedAsText(document);
            }
            if (markdown.Contains("\\|", StringComparison.Ordinal))
            {
                EscapedPipesInTableCells.Unescape(document);
            }
            if (markdown.Contains("[^", StringComparison.Ordinal))
            {
                FootnotesCitedInAltText.Drop(document);
            }
            if (markdown.Contains("&#", StringComparison.Ordinal))
            {
                ControlCharacterReferences.Replace(document);
            }
            return document;
        }
        catch (ArgumentException exception) when (IsDepthLimit(exception))
        {
            throw new MarkdownTooComplexException(MarkdownTooComplexException.Explanation, exception);
        }
    }

    /// <summary>
    /// A body pasted from a Windows editor can start with U+FEFF, which CommonMark's reference implementation skips and
    /// Markdig takes as text (a first "# 標題" was a paragraph, a first fence not seen). A space in its place keeps
    /// every source position of the stored body, and Markdown allows a block to be indented by it.
    /// </summary>
    private static string WithoutByteOrderMark(string markdown) => markdown.StartsWith('\uFEFF') ? " " + markdown[1..] : markdown;

    /// <summary>Markdig's refusal of nesting it cannot follow ("too deeply nested - depth limit exceeded"), when parsing or rendering.</summary>
    public static bool IsDepthLimit(ArgumentException exception) => exception.Message.Contains("depth limit", StringComparison.Ordinal);

    /// <summary>Whether a parsed body nests deeper than <see cref="MaxDepth"/>: too deep to store, as it might not render.</summary>
    public static bool NestsTooDeeply(MarkdownDocument document) => Depth(document) > MaxDepth;

    // Recursion is safe: Parse has already refused anything much deeper than MaxDepth.
    private static int Depth(MarkdownObject node) => 1 + node switch
    {
        ContainerBlock container => container.Count == 0 ? 0 : container.Max(Depth),
        LeafBlock { Inline: { } inline } => Depth(inline),
        ContainerInline inline => inline.FirstChild is null ? 0 : inline.Max(Depth),
        _ => 0,
    };
}
