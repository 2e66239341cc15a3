using System.Text;
using System.Text.RegularExpressions;
using ContentApi.Rendering;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ContentApi.Import;

internal enum LineKind
{
    Blank,

    /// <summary>Part of a top-level paragraph: the only lines that can be a caption, credit, byline or fallback title.</summary>
    Paragraph,

    /// <summary>Part of a top-level heading.</summary>
    Heading,

    /// <summary>Code, HTML, lists, quotes, tables, link definitions: never consumed.</summary>
    Other,
}

/// <param name="UrlStart">Offset of the destination, angle brackets included, or of a Hugo figure's whole shortcode: what gets replaced.</param>
/// <param name="IsStandalone">The image is all there is on its line, so the lines after it may describe it.</param>
/// <param name="IsReferenceStyle"><c>![alt][ref]</c>: its URL lives in a link definition elsewhere.</param>
/// <param name="Figure">A Hugo figure shortcode's caption and credit, and the Markdown written in its place around the destination.</param>
internal sealed record BodyImage(
    int Line, int EndLine, int UrlStart, int UrlLength, string Url, string AltText, bool IsStandalone, bool IsReferenceStyle,
    BodyFigureShortcode? Figure = null);

/// <summary>What a Hugo figure shortcode gives besides its source (<see cref="HugoFigure"/>).</summary>
/// <param name="LinesAfterDescribe">The lines under it may give its caption and credit, as under a Markdown image: a tag that gives neither (Hexo's).</param>
internal sealed record BodyFigureShortcode(string? Caption, string? Credit, string Before, string After, bool LinesAfterDescribe = false);

/// <summary>A Hugo embed shortcode on its line: where it is (<paramref name="Start"/>, <paramref name="Length"/>) and the URL written instead.</summary>
internal sealed record BodyEmbed(int Line, int Start, int Length, string Url);

internal sealed record BodyHeading(int Line, int EndLine, int Level, string Text);

/// <summary>
/// What Markdig sees in a body, by line, so the parser's line rules never look inside code or quotes; read in the
/// articles' own dialect, so that the images it finds are the ones the API will find.
/// </summary>
internal sealed partial class BodyScan
{
    private readonly LineKind[] _kinds;
    private readonly bool[] _hasImage;
    private readonly string _assetFolder;
    private readonly bool _othersTags;

    /// <param name="othersTags">Whether Hugo's and Jekyll's figure and embed tags are read (<see cref="AddHugoFigures"/>, <see cref="AddHugoEmbeds"/>).</param>
    /// <param name="assetFolder">The folder Hexo keeps the post's pictures in (<see cref="HexoImage"/>): the file's name without its extension.</param>
    public BodyScan(string body, bool othersTags = true, string assetFolder = "")
    {
        _assetFolder = assetFolder;
        _othersTags = othersTags;
        Lines = new TextLines(body);
        _kinds = new LineKind[Lines.Count];
        _hasImage = new bool[Lines.Count];
        for (var i = 0; i < Lines.Count; i++)
        {
            _kinds[i] = Lines.IsBlank(i) ? LineKind.Blank : LineKind.Other;
        }
        // MarkdownImportParser has bounded the parsing work (MarkdownScanCost) before reading the body.
        var document = ArticleMarkdown.ParseWithinDepth(body, ArticleMarkdown.PipelineWithSourceLocation);
        // What is in an HTML comment is none of the article to the API (HtmlComments): no title, byline, caption or image.
        var comments = HtmlComments.Ranges(body);
        bool InComment(int offset) => comments.Exists(comment => comment.Start <= offset && offset < comment.End);
        foreach (var block in document)
        {
            if (block is ParagraphBlock or HeadingBlock && !(InComment(block.Span.Start) && InComment(block.Span.End)))
            {
                var (first, last) = LinesOf(block.Span);
                if (block is HeadingBlock)
                {
                    Array.Fill(_kinds, LineKind.Heading, first, last - first + 1);
                }
                else
                {
                    MarkParagraph(first, last);
                }
                if (block is HeadingBlock heading)
                {
                    Headings.Add(new BodyHeading(first, last, heading.Level, HeadingText(heading, first, last)));
                }
            }
        }
        foreach (var code in document.Descendants<CodeBlock>())
        {
            var (first, last) = LinesOf(code.Span);
            for (var line = first; line <= last; line++)
            {
                CodeLines.Add(line);
            }
        }
        // In the order of their destinations, which the body is cut around: an image's description may hold another
        // image (CommonMark), whose destination comes before its own.
        foreach (var link in document.Descendants<LinkInline>().Where(l => l.IsImage).OrderBy(l => HasDestination(l) ? l.UrlSpan.Start : l.Span.Start))
        {
            if (InComment(link.Span.Start))
            {
                continue;
            }
            Images.Add(ToImage(body, link));
        }
        if (othersTags)
        {
            AddHugoFigures();
            AddHugoEmbeds();
        }
    }

    /// <summary>Hugo's embed shortcodes and Hexo's video tags, each a paragraph line of its own, as the links they stand for (<see cref="HugoEmbed"/>).</summary>
    private void AddHugoEmbeds()
    {
        for (var line = 0; line < Lines.Count; line++)
        {
            if (_kinds[line] == LineKind.Paragraph && !_hasImage[line] && (HugoEmbed.UrlOf(Lines.Trimmed(line)) ?? HexoEmbed.UrlOf(Lines.Trimmed(line))) is { } url)
            {
                var (start, length) = Lines.TrimmedSpan(line);
                Embeds.Add(new BodyEmbed(line, start, length, url));
            }
        }
    }

    /// <summary>
    /// Hugo figure shortcodes, Jekyll figure includes (<see cref="JekyllFigure"/>), Hexo's picture tags (<see cref="HexoImage"/>) and WordPress's HTML pictures (<see cref="WordPressImage"/>), each a paragraph line of its own, as
    /// images in the order of the body (the tag is text to Markdig, so no image of its own overlaps it).
    /// </summary>
    private void AddHugoFigures()
    {
        var added = false;
        for (var line = 0; line < Lines.Count; line++)
        {
            if (_kinds[line] != LineKind.Paragraph || _hasImage[line])
            {
                continue;
            }
            var text = Lines.Trimmed(line);
            var shortcode = HugoFigure.Read(text) ?? JekyllFigure.Read(text);
            var underIt = shortcode is null ? HexoImage.Read(text, _assetFolder) ?? WordPressImage.Read(text) : null;
            if ((shortcode ?? underIt) is not var (src, alt, caption, credit))
            {
                continue;
            }
            var (start, length) = Lines.TrimmedSpan(line);
            _hasImage[line] = true;
            Images.Add(new BodyImage(line, line, start, length, src, alt, true, false,
                new BodyFigureShortcode(caption, credit, HugoFigure.ImageOpening(alt), ")", LinesAfterDescribe: underIt is not null)));
            added = true;
        }
        if (added)
        {
            Images.Sort((a, b) => a.UrlStart.CompareTo(b.UrlStart));
        }
    }

    public TextLines Lines { get; }

    /// <summary>The lines of code blocks, fenced or indented, their fences included.</summary>
    public HashSet<int> CodeLines { get; } = [];

    /// <summary>
    /// The lines of a paragraph as CommonMark would read them with raw HTML on: HTML is text to the API, but no title,
    /// byline or caption. An HTML block of the first five kinds (comments, <c>&lt;pre&gt;</c> and the like) ends at its
    /// closing marker; one of the other two at the paragraph's end, and the seventh (any tag alone on its line) cannot
    /// interrupt paragraph text.
    /// </summary>
    private void MarkParagraph(int first, int last)
    {
        var inText = false;
        for (var i = first; i <= last; i++)
        {
            var line = Lines.Content(i);
            if (HtmlBlocks.EndMarkerOf(line) is { } endMarker)
            {
                var end = i;
                while (end < last && !Lines.Content(end)[(end == i ? 1 : 0)..].Contains(endMarker, StringComparison.OrdinalIgnoreCase))
                {
                    end++;
                }
                Array.Fill(_kinds, LineKind.Other, i, end - i + 1);
                (i, inText) = (end, false);
                continue;
            }
            // A WordPress picture is no HTML block here: import makes it the Markdown image it is, text to the paragraph.
            if (HtmlBlocks.StartsBlockToParagraphEnd(line, inText) && !(_othersTags && WordPressImage.Read(Lines.Trimmed(i)) is not null))
            {
                Array.Fill(_kinds, LineKind.Other, i, last - i + 1);
                return;
            }
            _kinds[i] = LineKind.Paragraph;
            inText = true;
        }
    }

    public List<BodyImage> Images { get; } = [];

    /// <summary>Hugo's embed shortcodes, in the order of the body.</summary>
    public List<BodyEmbed> Embeds { get; } = [];

    /// <summary>Top-level headings in order.</summary>
    public List<BodyHeading> Headings { get; } = [];

    public LineKind Kind(int line) => _kinds[line];

    public bool HasImage(int line) => _hasImage[line];

    private BodyImage ToImage(string body, LinkInline link)
    {
        var (first, last) = LinesOf(link.Span);
        for (var i = first; i <= last; i++)
        {
            _hasImage[i] = true;
        }
        var isReference = link.Reference is not null || link.IsShortcut;
        var hasUrl = HasDestination(link);
        var source = body.AsSpan(link.Span.Start, link.Span.Length);
        var standalone = first == last && Lines.Content(first).Trim().SequenceEqual(source);
        return new BodyImage(
            first, last, hasUrl ? link.UrlSpan.Start : -1, hasUrl ? link.UrlSpan.Length : 0, link.Url ?? "",
            PlainText(link).Trim(), standalone, isReference);
    }

    /// <summary>An inline image's destination is written in the body (a reference-style one's is in its definition).</summary>
    private static bool HasDestination(LinkInline link) => link.Reference is null && !link.IsShortcut && link.UrlSpan.Length > 0;

    private (int First, int Last) LinesOf(SourceSpan span) => (Lines.LineOf(span.Start), Lines.LineOf(Math.Max(span.Start, span.End)));

    private string HeadingText(HeadingBlock heading, int first, int last)
    {
        if (!heading.IsSetext)
        {
            return AtxHeading().Match(Lines.Content(first).ToString()).Groups["text"].Value;
        }
        var text = new StringBuilder();
        for (var i = first; i < last; i++)
        {
            text.Append(text.Length > 0 ? " " : "").Append(Lines.Trimmed(i));
        }
        return text.ToString();
    }

    private static string PlainText(ContainerInline container)
    {
        var text = new StringBuilder();
        foreach (var inline in AllowedInlineHtml.WithoutRubyAnnotations(container))
        {
            text.Append(inline switch
            {
                LiteralInline literal => literal.Content.ToString(),
                CodeInline code => code.Content,
                HtmlEntityInline entity => entity.Transcoded.ToString(),
                LineBreakInline => " ",
                HtmlInline when AllowedInlineHtml.IsLineBreak(inline) => " ",
                ContainerInline nested => PlainText(nested),
                _ => "",
            });
        }
        return text.ToString();
    }

    [GeneratedRegex(@"^ {0,3}#{1,6}(?:[ \t]+(?<text>.*?))??(?:[ \t]+#+)?[ \t]*$")]
    private static partial Regex AtxHeading();
}
