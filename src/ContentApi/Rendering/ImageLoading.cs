using Markdig.Renderers;

namespace ContentApi.Rendering;

/// <summary>
/// How each img of one render loads: the first the HTML shows, usually the lead picture and the page's largest
/// contentful paint, at once and first (<c>fetchpriority="high"</c>, as WordPress gives its first content image); every
/// later one lazily. An image that renders nothing (a refused URL, an unknown reference) is not the first.
/// </summary>
internal sealed class ImageLoading
{
    public const string HighPriority = " fetchpriority=\"high\"";

    public const string Lazy = " loading=\"lazy\"";

    private bool _firstWritten;

    public void WriteAttribute(HtmlRenderer renderer)
    {
        renderer.Write(_firstWritten ? Lazy : HighPriority);
        _firstWritten = true;
    }
}
