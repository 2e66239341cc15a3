using Markdig;
using Markdig.Extensions.AutoLinks;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Renderers;

namespace ContentApi.Rendering;

/// <summary>
/// Bare URLs (GFM's extended autolinks) as Chinese and Japanese are written: no space comes between a URL and the
/// full-width punctuation after it, so GFM's rules (a URL ends at white space or ASCII punctuation) took "。" or "，了解"
/// into the link, or found the domain invalid and linked nothing; and "（" before a URL did not let it start. Here a
/// URL ends at full-width punctuation and may start after it. Ideographs in a path ("/wiki/模型") stay in the link.
/// </summary>
internal sealed class FullWidthAwareAutoLinks : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        var options = new AutoLinkOptions { ValidPreviousCharacters = new AutoLinkOptions().ValidPreviousCharacters + OpeningPunctuation };
        pipeline.InlineParsers.ReplaceOrAdd<AutoLinkParser>(new Parser(options));
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }

    /// <summary>Full-width punctuation a URL may follow directly: brackets, quotes and the marks that end a clause.</summary>
    private const string OpeningPunctuation = "（［｛「『【〔〈《〖〘〚‘“：；，、。！？";

    /// <summary>Whether <paramref name="c"/> ends a bare URL: CJK punctuation, full-width ASCII forms, curly quotes, dashes, ellipsis.</summary>
    internal static bool EndsUrl(char c) => c is (>= '\u3000' and <= '\u303F') or (>= '\uFF00' and <= '\uFFEF') or (>= '\u2010' and <= '\u2027');

    private sealed class Parser(AutoLinkOptions options) : AutoLinkParser(options)
    {
        public override bool Match(InlineProcessor processor, ref StringSlice slice)
        {
            var end = slice.Start;
            while (end <= slice.End && !EndsUrl(slice.Text[end]))
            {
                end++;
            }
            if (end > slice.End)
            {
                return base.Match(processor, ref slice);
            }
            var upToPunctuation = new StringSlice(slice.Text, slice.Start, end - 1);
            if (!base.Match(processor, ref upToPunctuation))
            {
                return false;
            }
            slice.Start = upToPunctuation.Start;
            return true;
        }
    }
}
