namespace ContentApi.Rendering;

/// <summary>
/// The bodies of one response that shows several (a list with <c>format=html</c>), in the order it shows them: the
/// first image of the page loads at once with high priority, as <see cref="ImageLoading"/> gives one body's first; the
/// first image of each later body lazily, like every other.
/// </summary>
public sealed class PageImageLoading
{
    private bool _highPriorityShown;

    /// <summary>The HTML of the next body the page shows.</summary>
    public string Html(RenderedArticle rendered)
    {
        if (rendered.HighPriorityImageAt is not { } at)
        {
            return rendered.Html;
        }
        if (_highPriorityShown)
        {
            return HighPriorityImage.MakeLazy(rendered.Html, at);
        }
        _highPriorityShown = true;
        return rendered.Html;
    }
}
