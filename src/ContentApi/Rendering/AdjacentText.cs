using ContentApi.Text;
using System.Text;
using Markdig.Syntax.Inlines;

namespace ContentApi.Rendering;

/// <summary>
/// The characters a reader sees on either side of an inline (a line break, say) within its paragraph, looking through
/// emphasis and links; an image shows no text, and a line break ends the search with none.
/// </summary>
internal static class AdjacentText
{
    /// <summary>The first character written after <paramref name="inline"/>; null at a line break or the paragraph's end.</summary>
    public static Rune? After(Inline inline) => Written(inline.NextSibling, forward: true, out var rune, out _) ? rune : null;

    /// <summary>
    /// The last character written before <paramref name="inline"/> (null at a line break or the paragraph's start), and
    /// the one before that when the same text writes it.
    /// </summary>
    public static (Rune? BeforeThat, Rune? Last) Before(Inline inline) => Written(inline.PreviousSibling, forward: false, out var rune, out var beforeThat) ? (beforeThat, rune) : (null, null);

    /// <summary>False when these inlines write nothing; else true, with the nearest character (null when a line break comes first).</summary>
    private static bool Written(Inline? inline, bool forward, out Rune? rune, out Rune? beyond)
    {
        beyond = null;
        for (; inline is not null; inline = forward ? inline.NextSibling : inline.PreviousSibling)
        {
            if (inline is LineBreakInline)
            {
                rune = null;
                return true;
            }
            if (inline is ContainerInline container and not LinkInline { IsImage: true }
                && Written(forward ? container.FirstChild : container.LastChild, forward, out rune, out beyond))
            {
                return true;
            }
            var text = inline switch
            {
                LiteralInline literal => literal.Content.ToString(),
                CodeInline code => code.Content,
                HtmlEntityInline entity => entity.Transcoded.ToString(),
                AutolinkInline autolink => autolink.Url,
                _ => "",
            };
            if (text.Length > 0)
            {
                if (forward)
                {
                    rune = Rune.DecodeFromUtf16(text, out var nearest, out _) == System.Buffers.OperationStatus.Done ? nearest : null;
                }
                else
                {
                    (beyond, rune) = Cjk.LastTwo(text);
                }
                return true;
            }
        }
        rune = null;
        return false;
    }
}
