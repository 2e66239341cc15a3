using System.Text;
using ContentApi.Text;
using Markdig.Renderers;
using Markdig.Renderers.Html.Inlines;
using Markdig.Syntax.Inlines;

namespace ContentApi.Rendering;

/// <summary>
/// Writes nothing for a line wrapped between Chinese or Japanese characters (編輯在這裡\n換行了): Chromium draws the
/// newline as a space, while CSS Text 3 (segment breaks) and the API's plain text, excerpts and search read the two
/// lines as one (<see cref="Cjk.JoinLines"/>). Nor for one beside full-width punctuation, which holds its own space
/// ("製程，\nGPU", "表示，\n“目前"): the excerpt shows none there either; nor between a full-width letter or digit and
/// such a character ("会合は\n１２月"), as CSS Text 3 has it (the plain text and excerpt, which search indexes, still
/// read that one as a space).
/// </summary>
internal sealed class CjkLineBreakRenderer : LineBreakInlineRenderer
{
    protected override void Write(HtmlRenderer renderer, LineBreakInline obj)
    {
        if (!obj.IsHard && ShowsNothing(AdjacentText.Before(obj), AdjacentText.After(obj)))
        {
            return;
        }
        base.Write(renderer, obj);
    }

    private static bool ShowsNothing(Rune? before, Rune? after) =>
        Cjk.JoinsWithoutSpace(before, after)
        || (before is { } b && after is { } a && (Cjk.IsPunctuation(b) || Cjk.IsPunctuation(a) || (IsFullWidth(b) && IsFullWidth(a))));

    /// <summary>A character CSS Text 3 removes a line break between (full-width or wide, not Hangul): Chinese, Japanese, full-width letters and digits.</summary>
    private static bool IsFullWidth(Rune rune) => Cjk.IsUnspaced(rune) || Cjk.IsFullWidthLetterOrDigit(rune);
}
