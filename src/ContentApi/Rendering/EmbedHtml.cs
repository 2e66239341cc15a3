using Markdig.Renderers;
using Markdig.Syntax;

namespace ContentApi.Rendering;

/// <summary>
/// Writes an <see cref="Embed"/>'s paragraph as <c>&lt;figure class="embed" data-embed="…"&gt;</c>: for a video, a lazy,
/// sandboxed 16:9 iframe of the player built from its id, then the link as written, which readers can follow where the
/// player does not load (and a page without frames shows); for a post or gist, the link alone.
/// </summary>
internal static class EmbedHtml
{
    /// <summary>What a sandboxed YouTube or Vimeo player needs to play, go full screen and open its own site.</summary>
    public const string Sandbox = "allow-scripts allow-same-origin allow-popups allow-presentation";

    /// <summary>At most the markup an embed writes beyond its paragraph's link (<see cref="RenderedHtmlEstimate"/>).</summary>
    public const int Markup = 500;

    public static void Write(HtmlRenderer renderer, ParagraphBlock paragraph, Embed embed)
    {
        renderer.EnsureLine();
        renderer.Write("<figure class=\"embed\" data-embed=\"").Write(embed.Provider).Write("\">");
        if (embed.PlayerUrl is { } player)
        {
            // YouTube's player refuses to play when it is sent no referrer (its error 153), so the policy is the browsers' default, said aloud.
            renderer.Write("<iframe src=\"").WriteEscapeUrl(player).Write("\" width=\"640\" height=\"360\" title=\"").Write(embed.PlayerTitle)
                .Write("\" loading=\"lazy\" allowfullscreen referrerpolicy=\"strict-origin-when-cross-origin\" sandbox=\"").Write(Sandbox).Write("\"></iframe>");
        }
        renderer.WriteChildren(paragraph.Inline!);
        renderer.WriteLine("</figure>");
    }
}
