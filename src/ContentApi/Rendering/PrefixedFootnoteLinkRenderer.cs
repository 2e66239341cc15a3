using Markdig.Extensions.Footnotes;
using Markdig.Renderers;

namespace ContentApi.Rendering;

/// <summary>Markdig's reference to a note and link back from it, with the article's ids (<see cref="ArticleElementIds"/>) in place of its bare <c>fn:1</c> and <c>fnref:1</c>.</summary>
internal sealed class PrefixedFootnoteLinkRenderer(string prefix) : HtmlFootnoteLinkRenderer
{
    protected override void Write(HtmlRenderer renderer, FootnoteLink link)
    {
        var order = link.Footnote.Order;
        renderer.Write(link.IsBackLink
            ? $"<a href=\"#{prefix}fnref:{link.Index}\" class=\"{FootnoteBackLinkClass}\">{BackLinkString}</a>"
            : $"<a id=\"{prefix}fnref:{link.Index}\" href=\"#{prefix}fn:{order}\" class=\"{FootnoteLinkClass}\"><sup>{order}</sup></a>");
    }
}
