using Markdig;
using Markdig.Extensions.Footnotes;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Parsers.Inlines;
using Markdig.Renderers;
using Markdig.Syntax;

namespace ContentApi.Rendering;

/// <summary>
/// Each <c>[^label]</c> of a defined note is a reference to it, also right before another bracket: Markdig's link
/// parser read <c>[^1][^2]</c> as a full reference link whose text is "^1" and whose label is note 2's, so
/// <c>據報導[^1][^2]。</c> cited note 2 under the number 1 and left note 1 out of the HTML, the text and search.
/// </summary>
internal sealed class AdjacentFootnoteReferences : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline) => pipeline.InlineParsers.InsertBefore<LinkInlineParser>(new Parser());

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }

    private sealed class Parser : InlineParser
    {
        private static readonly System.Buffers.SearchValues<char> LabelEnds = System.Buffers.SearchValues.Create("] \t\r\n[");

        public Parser() => OpeningCharacters = ['['];

        public override bool Match(InlineProcessor processor, ref StringSlice slice)
        {
            var start = slice.Start;
            if (slice.PeekCharExtra(1) != '^')
            {
                return false;
            }
            // A label holds no white space or bracket: the scan stops at the first, so many "[^" cost no more than one each.
            var labelLength = slice.Text.AsSpan(start + 2, slice.End - start - 1).IndexOfAny(LabelEnds);
            var close = start + 2 + labelLength;
            if (labelLength <= 0 || slice.Text[close] != ']'
                || !processor.Document.TryGetLinkReferenceDefinition(slice.Text[(start + 1)..close], out var definition)
                || definition is not FootnoteLinkReferenceDefinition || definition.CreateLinkInline is null)
            {
                return false;
            }
            var link = definition.CreateLinkInline(processor, definition, null);
            link.Span = new SourceSpan(processor.GetSourcePosition(start, out var line, out var column), processor.GetSourcePosition(close));
            link.Line = line;
            link.Column = column;
            processor.Inline = link;
            slice.Start = close + 1;
            return true;
        }
    }
}
