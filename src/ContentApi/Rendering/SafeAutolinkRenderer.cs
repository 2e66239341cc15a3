using Markdig.Renderers;
using Markdig.Renderers.Html.Inlines;
using Markdig.Syntax.Inlines;

namespace ContentApi.Rendering;

/// <summary>
/// Angle-bracket autolinks. CommonMark makes any scheme a link, so <c>&lt;javascript:alert(1)&gt;</c>
/// is written as text instead.
/// </summary>
internal sealed class SafeAutolinkRenderer : AutolinkInlineRenderer
{
    protected override void Write(HtmlRenderer renderer, AutolinkInline link)
    {
        if (link.IsEmail || SafeUrls.IsAllowed(link.Url))
        {
            base.Write(renderer, link);
            return;
        }
        renderer.WriteEscape(link.Url);
    }
}
