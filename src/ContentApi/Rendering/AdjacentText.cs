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
    public static Rune? After(Inline inline) => Written(inline.NextSibling, forward: true, out var rune) ? rune : null;

    /// <summary>The last character written before <paramref name="inline"/>; null at a line break or the paragraph's start.</summary>
    public static Rune? Before(Inline inline) => Written(inline.PreviousSibling, forward: false, out var rune) ? rune : null;

    /// <summary>False when these inlines write nothing; else true, with the nearest character (null when a line break comes first).</summary>
    private static bool Written(Inline? inline, bool forward, out Rune? rune)
    {
        for (; inline is not null; inline = forward ? inline.NextSibling : inline.PreviousSibling)
        {
            if (inline is LineBreakInline)
            {
                rune = null;
                return true;
            }
            if (inline is ContainerInline container and not LinkInline { IsImage: true }
                && Written(forward ? container.FirstChild : container.LastChild, forward, out rune))
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
                var status = forward ? Rune.DecodeFromUtf16(text, out var nearest, out _) : Rune.DecodeLastFromUtf16(text, out nearest, out _);
                rune = status == System.Buffers.OperationStatus.Done ? nearest : null;
                return true;
            }
        }
        rune = null;
        return false;
    }
}
