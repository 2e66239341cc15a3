using Markdig;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Parsers.Inlines;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ContentApi.Rendering;

/// <summary>
/// The few inline HTML elements writers need that Markdown cannot say, let through a body whose raw HTML is otherwise
/// text: subscripts and superscripts (<c>CO&lt;sub&gt;2&lt;/sub&gt;</c>, <c>m&lt;sup&gt;2&lt;/sup&gt;</c>), ruby
/// readings over Chinese and Japanese (<c>&lt;ruby&gt;辰野金吾&lt;rt&gt;たつのきんご&lt;/rt&gt;&lt;/ruby&gt;</c>), keys,
/// highlights, and line breaks (<c>&lt;br&gt;</c>, the only one a table cell can hold). Only the bare tags are taken, in
/// any case, never with attributes, and a paired one only with its partner in the same run of text (and a ruby's
/// <c>&lt;rt&gt;</c> and <c>&lt;rp&gt;</c> only inside it): anything else, <c>&lt;sub class="x"&gt;</c> too, stays text, so
/// that prose about HTML ("the &lt;mark&gt; element") reads as it did before these tags were taken.
/// </summary>
internal sealed class AllowedInlineHtml : IMarkdownExtension
{
    /// <summary>Elements that take content, each written as its opening and closing tags.</summary>
    public static readonly IReadOnlySet<string> PairedTags = new HashSet<string>(StringComparer.Ordinal) { "sub", "sup", "ruby", "rt", "rp", "kbd", "mark" };

    /// <summary>Elements without content: a line break and a place a long word may break.</summary>
    public static readonly IReadOnlySet<string> VoidTags = new HashSet<string>(StringComparer.Ordinal) { "br", "wbr" };

    /// <summary>The longest tag taken: <c>&lt;/ruby&gt;</c>, or <c>&lt;wbr /&gt;</c> with a few spaces.</summary>
    private const int LongestTag = 16;

    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        // Before the autolink parser, which also starts at "<" and with raw HTML off takes "<sub>" as text.
        if (!pipeline.InlineParsers.Contains<Parser>())
        {
            pipeline.InlineParsers.InsertBefore<AutolinkInlineParser>(new Parser());
        }
    }

    /// <summary>A tag as taken: lowercase, as rendered, with what was written, for when it stays text.</summary>
    internal sealed class Tag(string tag, string written) : HtmlInline(tag)
    {
        public string Written { get; } = written;

        public string Name { get; } = tag.Trim('<', '/', '>');

        public bool IsClosing => Tag.StartsWith("</", StringComparison.Ordinal);
    }

    /// <summary>
    /// Most tags open at once in a run of text: a tag opened inside as many stays text. Unbounded, 40,000 nested
    /// <c>&lt;sub&gt;</c> were served as an element tree as deep, past what HTML libraries take (libxml2 stops at 256).
    /// </summary>
    public const int MaxOpenTags = 32;

    /// <summary>
    /// Turns back into text every paired tag whose partner is not in its run of inlines, an rt or rp outside a ruby, and
    /// one opened inside <see cref="MaxOpenTags"/> others; run on every parsed body (<see cref="ArticleMarkdown.ParseWithinDepth"/>).
    /// </summary>
    public static void KeepUnpairedAsText(MarkdownDocument document)
    {
        var unpaired = new List<Tag>();
        // Each run of inlines with how many tags are open around it (in the runs it is nested in, as an emphasis or a
        // link is): the bound is on the tree's depth, which 32 in each of nested runs would pass many times.
        var containers = new Stack<(ContainerInline Container, int OpenAround)>(
            document.Descendants<LeafBlock>().Select(leaf => leaf.Inline).OfType<ContainerInline>().Select(root => (root, 0)));
        // How many tags of each name are open: a closing tag without a partner, or an rt outside a ruby, is found so
        // without walking the open ones (that walk made 30,000 "<mark>" then 30,000 "</kbd>" take 10 s to parse).
        var openByName = new Dictionary<string, int>(StringComparer.Ordinal);
        while (containers.TryPop(out var run))
        {
            var (container, openAround) = run;
            var open = new List<Tag>();
            openByName.Clear();
            foreach (var inline in container)
            {
                if (inline is ContainerInline nested)
                {
                    containers.Push((nested, openAround + open.Count));
                    continue;
                }
                if (inline is not Tag tag || !PairedTags.Contains(tag.Name))
                {
                    continue;
                }
                if (!tag.IsClosing)
                {
                    if ((tag.Name is "rt" or "rp" && openByName.GetValueOrDefault("ruby") == 0) || openAround + open.Count >= MaxOpenTags)
                    {
                        unpaired.Add(tag);
                        continue;
                    }
                    open.Add(tag);
                    openByName[tag.Name] = openByName.GetValueOrDefault(tag.Name) + 1;
                    continue;
                }
                if (openByName.GetValueOrDefault(tag.Name) == 0)
                {
                    unpaired.Add(tag);
                    continue;
                }
                // Found at or after the last tag of its name, so the walk covers only the tags the pair then closes.
                var partner = open.FindLastIndex(o => o.Name == tag.Name);
                // A ruby's end closes its last reading, as in HTML; any other tag left open inside the pair stays text.
                for (var i = partner; i < open.Count; i++)
                {
                    openByName[open[i].Name]--;
                    if (i > partner && !(tag.Name == "ruby" && open[i].Name is "rt" or "rp"))
                    {
                        unpaired.Add(open[i]);
                    }
                }
                open.RemoveRange(partner, open.Count - partner);
            }
            unpaired.AddRange(open);
        }
        foreach (var tag in unpaired)
        {
            tag.ReplaceBy(new LiteralInline(tag.Written) { Span = tag.Span, Line = tag.Line, Column = tag.Column });
        }
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }

    /// <summary>Whether this inline is a line break written as <c>&lt;br&gt;</c>.</summary>
    public static bool IsLineBreak(Inline inline) => inline is HtmlInline { Tag: "<br>" };

    /// <summary>
    /// The inlines whose text is read, in order: a ruby's readings and fallback brackets (<c>&lt;rt&gt;</c>,
    /// <c>&lt;rp&gt;</c>) are left out, so that the text of <c>&lt;ruby&gt;東京&lt;rt&gt;とうきょう&lt;/rt&gt;&lt;/ruby&gt;</c>
    /// is 東京, as the excerpt, counts and search should see it. Tags themselves are returned, for a caller to read
    /// <see cref="IsLineBreak"/>.
    /// </summary>
    public static IEnumerable<Inline> WithoutRubyAnnotations(IEnumerable<Inline> inlines)
    {
        var inAnnotation = false;
        foreach (var inline in inlines)
        {
            if (inline is HtmlInline { Tag: var tag })
            {
                inAnnotation = tag is "<rt>" or "<rp>" || (inAnnotation && tag is not ("</rt>" or "</rp>" or "</ruby>"));
                yield return inline;
            }
            else if (!inAnnotation)
            {
                yield return inline;
            }
        }
    }

    /// <summary>The tag written at the start of <paramref name="text"/>, as it is rendered (lowercase, void tags as <c>&lt;br&gt;</c>); null if none is allowed there.</summary>
    internal static string? TagAt(ReadOnlySpan<char> text)
    {
        text = text[..Math.Min(text.Length, LongestTag)];
        if (text.Length < 3 || text[0] != '<')
        {
            return null;
        }
        var closing = text[1] == '/';
        var nameStart = closing ? 2 : 1;
        var nameLength = 0;
        while (nameStart + nameLength < text.Length && char.IsAsciiLetter(text[nameStart + nameLength]))
        {
            nameLength++;
        }
        var name = text.Slice(nameStart, nameLength).ToString().ToLowerInvariant();
        var rest = text[(nameStart + nameLength)..];
        if (PairedTags.Contains(name))
        {
            return rest.StartsWith(">") ? (closing ? $"</{name}>" : $"<{name}>") : null;
        }
        if (closing || !VoidTags.Contains(name))
        {
            return null;
        }
        rest = rest.TrimStart(' ');
        return rest.StartsWith(">") || rest.StartsWith("/>") ? $"<{name}>" : null;
    }

    /// <summary>The written length of the tag <see cref="TagAt"/> found.</summary>
    private static int WrittenLength(ReadOnlySpan<char> text) => text.IndexOf('>') + 1;

    private sealed class Parser : InlineParser
    {
        public Parser() => OpeningCharacters = ['<'];

        public override bool Match(InlineProcessor processor, ref StringSlice slice)
        {
            var text = slice.Text.AsSpan(slice.Start, slice.Length);
            if (TagAt(text) is not { } tag)
            {
                return false;
            }
            var start = slice.Start;
            var length = WrittenLength(text);
            processor.Inline = new Tag(tag, text[..length].ToString())
            {
                Span = new SourceSpan(processor.GetSourcePosition(start, out var line, out var column), processor.GetSourcePosition(start + length - 1)),
                Line = line,
                Column = column,
                IsClosed = true,
            };
            slice.Start += length;
            return true;
        }
    }
}
