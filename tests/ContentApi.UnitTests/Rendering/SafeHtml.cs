using AngleSharp.Html.Parser;
using ContentApi.Rendering;

namespace ContentApi.UnitTests.Rendering;

/// <summary>Checks rendered HTML the way a browser would see it, not by searching the markup text.</summary>
internal static class SafeHtml
{
    private static readonly string[] SafeSchemes = ["http", "https", "mailto"];

    public static AngleSharp.Dom.IElement Parse(string html) =>
        new HtmlParser().ParseDocument("<!doctype html><body>" + html).Body!;

    public static void AssertSafe(string html)
    {
        foreach (var element in Parse(html).QuerySelectorAll("*"))
        {
            Assert.Contains(element.LocalName, ArticleHtmlSanitizer.AllowedTags);
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"event handler {attribute.Name} in {html}");
                Assert.Contains(attribute.Name, ArticleHtmlSanitizer.AllowedAttributes.Append("rel"));
                if (attribute.Name is "href" or "src")
                {
                    AssertSafeUrl(attribute.Value);
                }
            }
        }
    }

    private static void AssertSafeUrl(string url)
    {
        var compact = string.Concat(url.Where(c => !char.IsControl(c) && !char.IsWhiteSpace(c)));
        var colon = compact.IndexOf(':', StringComparison.Ordinal);
        var firstDelimiter = compact.IndexOfAny(['/', '?', '#']);
        if (colon >= 0 && (firstDelimiter < 0 || colon < firstDelimiter))
        {
            Assert.Contains(compact[..colon].ToLowerInvariant(), SafeSchemes);
        }
    }
}
