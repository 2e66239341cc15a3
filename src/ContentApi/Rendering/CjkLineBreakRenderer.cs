using ContentApi.Text;
using Markdig.Renderers;
using Markdig.Renderers.Html.Inlines;
using Markdig.Syntax.Inlines;

namespace ContentApi.Rendering;

/// <summary>
/// Writes nothing for a line wrapped where a reader sees no space (<see cref="Cjk.JoinsWithoutSpace"/>): between
/// Chinese or Japanese characters (編輯在這裡\n換行了), beside full-width punctuation ("製程，\nGPU"), between full-width
/// letters or digits and such characters ("会合は\n１２月"). Chromium draws the newline as a space, while CSS Text 3
/// (segment breaks) and the API's plain text, excerpts and search read the two lines as one (<see cref="Cjk.JoinLines"/>).
/// </summary>
internal sealed class CjkLineBreakRenderer : LineBreakInlineRenderer
{
    protected override void Write(HtmlRenderer renderer, LineBreakInline obj)
    {
        var (beforeThat, before) = AdjacentText.Before(obj);
        if (!obj.IsHard && Cjk.JoinsWithoutSpace(beforeThat, before, AdjacentText.After(obj)))
        {
            return;
        }
        base.Write(renderer, obj);
    }
}
