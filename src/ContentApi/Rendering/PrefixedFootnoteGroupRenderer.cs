using Markdig.Extensions.Footnotes;
using Markdig.Renderers;

namespace ContentApi.Rendering;

/// <summary>Markdig's list of notes, with the article's ids (<see cref="ArticleElementIds"/>) in place of its bare <c>fn:1</c>.</summary>
internal sealed class PrefixedFootnoteGroupRenderer(string prefix) : HtmlFootnoteGroupRenderer
{
    protected override void Write(HtmlRenderer renderer, FootnoteGroup footnotes)
    {
        renderer.EnsureLine();
        renderer.WriteLine($"<div class=\"{GroupClass}\">");
        renderer.WriteLine("<hr />");
        renderer.WriteLine("<ol>");
        foreach (var footnote in footnotes.Cast<Footnote>())
        {
            renderer.WriteLine($"<li id=\"{prefix}fn:{footnote.Order}\">");
            renderer.WriteChildren(footnote);
            renderer.WriteLine("</li>");
        }
        renderer.WriteLine("</ol>");
        renderer.WriteLine("</div>");
    }
}
