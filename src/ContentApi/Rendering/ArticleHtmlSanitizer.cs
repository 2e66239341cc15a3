using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Ganss.Xss;

namespace ContentApi.Rendering;

/// <summary>
/// The last line of defence over rendered bodies: an allow-list of exactly the markup the renderer writes.
/// Anything else (script, style, object, forms, event handlers, data: and javascript: URLs, an iframe but the players
/// <see cref="EmbedHtml"/> writes) is removed.
/// </summary>
internal static partial class ArticleHtmlSanitizer
{
    public const string ExternalLinkRel = "noopener noreferrer nofollow";

    public static readonly IReadOnlySet<string> AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "li",
        "strong", "em", "del", "code", "pre", "a", "img", "figure", "figcaption", "small",
        "table", "thead", "tbody", "tr", "th", "td", "sup", "div",
        "sub", "ruby", "rt", "rp", "kbd", "mark", "wbr", "iframe",
    };

    public static readonly IReadOnlySet<string> AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "href", "title", "src", "alt", "width", "height", "loading", "fetchpriority", "id", "class", "start", "style", "data-image-id", "dir",
        "data-embed", "allowfullscreen", "referrerpolicy", "sandbox",
    };

    public static readonly IReadOnlySet<string> AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "http", "https", "mailto", "tel",
    };

    // Sanitize is thread-safe once configured, so one instance serves every request.
    private static readonly HtmlSanitizer Sanitizer = Create();

    /// <summary>
    /// What <see cref="HtmlSanitizer.Sanitize(string, string, AngleSharp.IMarkupFormatter?)"/> returns, written out by
    /// <see cref="LinearHtmlSerializer"/> rather than by AngleSharp, whose time grows with the square of the siblings.
    /// </summary>
    public static string Sanitize(string html)
    {
        using var document = Sanitizer.SanitizeDom(html);
        return document.Body is { } body ? LinearHtmlSerializer.Serialize(body.ChildNodes, Sanitizer.OutputFormatter) : string.Empty;
    }

    private static HtmlSanitizer Create()
    {
        var options = HtmlSanitizerOptions.Empty();
        options.AllowedTags.UnionWith(AllowedTags);
        options.AllowedAttributes.UnionWith(AllowedAttributes);
        options.AllowedSchemes.UnionWith(AllowedSchemes);
        options.UriAttributes.UnionWith(["href", "src"]);
        options.AllowedClasses.UnionWith(["credit", "footnote-ref", "footnotes", "footnote-back-ref", "embed"]);
        // Pipe tables align columns with style="text-align: ..."; no other property survives.
        options.AllowedCssProperties.Add("text-align");
        var sanitizer = new HtmlSanitizer(options);
        // Highlighters read a fenced block's language from class="language-…", which Markdig writes from the info
        // string as typed: only a plain name passes, and only on <code>.
        sanitizer.RemovingCssClass += (_, e) => e.Cancel = e.Tag.LocalName == "code" && CodeLanguageClass().IsMatch(e.CssClass);
        // HtmlSanitizer takes all before a URL's first colon not after '/' or '#' for its scheme, so "?q=a:b", which
        // SafeUrls let through as relative, lost its address; what SafeUrls reads as relative is no scheme to refuse.
        sanitizer.FilterUrl += (_, e) => e.SanitizedUrl ??= SafeUrls.IsRelative(e.OriginalUrl) ? e.OriginalUrl : null;
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is IElement { LocalName: "a" } anchor && anchor.GetAttribute("href") is { } href && SafeUrls.IsExternal(href))
            {
                anchor.SetAttribute("rel", ExternalLinkRel);
            }
            else if (e.Node is IElement { LocalName: "iframe" } iframe)
            {
                if (Embed.IsPlayerUrl(iframe.GetAttribute("src")))
                {
                    iframe.SetAttribute("sandbox", EmbedHtml.Sandbox);
                }
                else
                {
                    iframe.Remove();
                }
            }
        };
        return sanitizer;
    }

    /// <summary>A language name such as <c>python</c>, <c>c++</c>, <c>objective-c</c> or <c>c#</c>, at most 32 characters.</summary>
    [GeneratedRegex(@"\Alanguage-[A-Za-z0-9+#.-]{1,32}\z", RegexOptions.CultureInvariant)]
    private static partial Regex CodeLanguageClass();
}
