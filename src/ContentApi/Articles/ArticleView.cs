using ContentApi.Http.Binding;
using ContentApi.Http.Errors;
using ContentApi.Http.Limits;
using ContentApi.Http.Lists;
using ContentApi.Rendering;
using ContentApi.Search;

namespace ContentApi.Articles;

/// <summary>Which related resources an article response embeds.</summary>
[Flags]
public enum ArticleEmbeds
{
    None = 0,
    Authors = 1,
    Tags = 2,
    CoverImage = 4,
    Images = 8,
    All = Authors | Tags | CoverImage | Images,
}

/// <summary>
/// How a caller asked to see articles: the <c>include</c>, <c>fields</c> and <c>format</c> parameters.
/// Defaults: everything embedded, every field, Markdown only.
/// </summary>
public sealed record ArticleView(ArticleEmbeds Embeds, FieldSet? Fields, bool Html, bool Text)
{
    public static readonly string[] IncludeNames = ["authors", "tags", "coverImage", "images"];

    /// <summary>
    /// <c>include=none</c>: no embeds. <c>include=</c> says the same, but generated clients drop an empty array from
    /// the query, which then means all of them.
    /// </summary>
    public const string NoEmbeds = "none";

    /// <summary>What <c>include</c> takes: the embeds' names, or <see cref="NoEmbeds"/> alone.</summary>
    public static readonly string[] IncludeValues = [.. IncludeNames, NoEmbeds];
    public static readonly string[] FormatNames = ["markdown", "html", "text"];

    public static ArticleView Default { get; } = new(ArticleEmbeds.All, null, false, false);

    /// <summary>What <c>fields</c> may name on the article reads.</summary>
    public static IReadOnlyList<string> FieldNames { get; } = FieldSet.MembersOf(typeof(ArticleResponse));

    /// <summary>What <c>fields</c> may name on search, which offers no <c>format</c> (no HTML, table of contents or plain text) and adds <c>highlights</c>.</summary>
    public static IReadOnlyList<string> SearchFieldNames { get; } = FieldSet.MembersOf(typeof(SearchResult));

    /// <summary>Every name either allows, for reading a <c>fields</c> already validated against its operation's own.</summary>
    private static readonly IReadOnlyList<string> AnyFieldNames = [.. FieldNames.Union(SearchFieldNames)];

    /// <summary>The fields rule <see cref="UnsentField"/> adds, for the OpenAPI document (search has no renderings).</summary>
    public const string UnsentEmbedRule = " A field that would not be sent is a 400 too: an embed `include` leaves out";

    public const string UnsentFieldsRule = UnsentEmbedRule + ", or a rendering `format` does not ask for (`bodyHtml` and `toc` need `html`, `plainText` needs `text`).";

    public bool IsDefault => this == Default;

    public static Dictionary<string, string[]> Validate(string? include, string? fields, string? format, IReadOnlyList<string> fieldNames)
    {
        var errors = new Dictionary<string, string[]>();
        if (include is not null && ListParameters.Items(include) is var embeds)
        {
            if (embeds.FirstOrDefault(n => !IncludeValues.Contains(n)) is { } badInclude)
            {
                errors["include"] = [$"Unknown include '{Echoed.Cut(badInclude)}'. Allowed: {string.Join(", ", IncludeNames)} (comma-separated), or {NoEmbeds}."];
            }
            else if (embeds.Length > 1 && embeds.Contains(NoEmbeds))
            {
                errors["include"] = [$"'{NoEmbeds}' asks for no embeds, so it stands alone."];
            }
        }
        if (FieldSet.Problem(fields, fieldNames) is { } fieldsProblem)
        {
            errors["fields"] = [fieldsProblem];
        }
        else if (fields is not null && UnsentField(ListParameters.Items(fields), include, format) is { } unsent)
        {
            errors["fields"] = [unsent];
        }
        if (format is not null && (ListParameters.Items(format) is var formats && (formats.Length == 0 || formats.Any(f => !FormatNames.Contains(f)))))
        {
            errors["format"] = [$"Allowed: {string.Join(", ", FormatNames)} (comma-separated, e.g. html,text)."];
        }
        return errors;
    }

    /// <summary>
    /// Why a named field would not be sent (an embed that include leaves out, a rendering format does not ask for),
    /// which would leave items without it, or empty; null when every named field is sent.
    /// </summary>
    private static string? UnsentField(string[] fields, string? include, string? format)
    {
        var included = include is null ? IncludeNames : ListParameters.Items(include);
        if (fields.FirstOrDefault(f => IncludeNames.Contains(f) && !included.Contains(f)) is { } embed)
        {
            return $"'{embed}' is sent only when include names it (include is '{Echoed.Cut(include ?? "")}').";
        }
        var formats = format is null ? [] : ListParameters.Items(format);
        return fields.FirstOrDefault(f => RenderingFormat(f) is { } needed && !formats.Contains(needed)) is { } rendering
            ? $"'{rendering}' is sent only with format={RenderingFormat(rendering)}."
            : null;
    }

    private static string? RenderingFormat(string field) => field switch
    {
        "bodyHtml" or "toc" => "html",
        "plainText" => "text",
        _ => null,
    };

    /// <summary>Reads already validated parameters.</summary>
    public static ArticleView From(string? include, string? fields, string? format)
    {
        var embeds = include is null ? ArticleEmbeds.All : ListParameters.Items(include).Aggregate(ArticleEmbeds.None, (all, name) => all | name switch
        {
            "authors" => ArticleEmbeds.Authors,
            "tags" => ArticleEmbeds.Tags,
            "coverImage" => ArticleEmbeds.CoverImage,
            "images" => ArticleEmbeds.Images,
            _ => ArticleEmbeds.None,
        });
        FieldSet.TryParse(fields, AnyFieldNames, out var fieldSet, out _);
        var formats = ListParameters.Items(format) ?? [];
        var view = new ArticleView(embeds, fieldSet, formats.Contains("html"), formats.Contains("text"));
        return view == Default ? Default : view;
    }

    /// <summary>
    /// How many times a page holds each article's text, for the bound on its size (<see cref="PageBodyBytes"/>): the
    /// Markdown body, its HTML (counted twice: markup and escapes make it longer than its source), its table of contents
    /// (a body of headings lists each again, with its id) and its plain text, when sent; at least once, as every article
    /// is loaded with its body (for its excerpt and snippets too).
    /// </summary>
    public int BodyCopies => Math.Max(1,
        (Sends("body") ? 1 : 0) + (Html && Sends("bodyHtml") ? 2 : 0) + (Html && Sends("toc") ? 1 : 0) + (Text && Sends("plainText") ? 1 : 0));

    /// <summary>The bound of <see cref="PageBodyBytes"/> at its default, for the OpenAPI document.</summary>
    public static readonly string PageBudgetRule =
        $"A page holds `limit` articles unless their text would pass {RequestLimitsOptions.DefaultListPageTextBytes / (1024 * 1024)} MiB (each body counted once per rendering sent: the Markdown, the HTML twice, the table of contents, the plain text; and at least once): " +
        "it then ends before the article that would pass it (it always holds one), and `nextCursor` and `Link: rel=\"next\"` go on from there. " +
        "Numbered pages count `limit` articles each, so after such a page follow `nextCursor`, not `page` + 1.";

    /// <summary>How many bytes of bodies a page of this view may hold, for a bound of <paramref name="pageTextBytes"/> on the page's text.</summary>
    public long PageBodyBytes(long pageTextBytes) => pageTextBytes / BodyCopies;

    private bool Sends(string field) => Fields is null || Fields.Contains(field);

    private bool SendsHtml => Html && (Sends("bodyHtml") || Sends("toc"));

    private bool SendsText => Text && Sends("plainText");

    /// <summary>Whether the response holds output this build renders (HTML, table of contents, plain text), which changes with the build (<see cref="RenderingFloor"/>).</summary>
    public bool SendsRendering => SendsHtml || SendsText;

    /// <summary>What to load: rendering HTML needs the images even when they are not returned.</summary>
    public ArticleEmbeds LoadEmbeds => Html ? Embeds | ArticleEmbeds.CoverImage | ArticleEmbeds.Images : Embeds;

    /// <summary>
    /// The response as asked for: extra renderings (each one no cache held counted to <paramref name="cost"/>), only
    /// included embeds and only the named fields; who created and updated it only for a key holder (<paramref name="keyed"/>).
    /// </summary>
    /// <param name="page">The bodies shown before this one in the same response, when it shows several, which decides how its images load.</param>
    public object Shape(ArticleAggregate article, RequestCost cost, bool keyed, PageImageLoading? page = null)
    {
        var response = article.ToResponse(keyed);
        if (IsDefault)
        {
            return response;
        }
        // Rendered only when sent: format=html with fields=id,title rendered every article of the page for nothing.
        if (SendsHtml)
        {
            var rendered = RenderedArticleCache.Shared.Render(response.Id, response.Body, InlineImages(article), cost.BodyWorked, response.Language);
            var html = page is not null && Sends("bodyHtml") ? page.Html(rendered) : rendered.Html;
            response = response with { BodyHtml = html, Toc = rendered.Toc };
        }
        if (SendsText)
        {
            response = response with { PlainText = RenderedArticleCache.Shared.PlainText(response.Body, cost.BodyWorked) };
        }
        return (Fields ?? AllFields).Without(NotEmbedded()).Apply(response);
    }

    /// <summary>
    /// A search hit as asked for, written the same way (search always names its fields, leaving out <c>body</c> by
    /// default): only included embeds and the named fields, with <paramref name="highlights"/> (written only when named).
    /// </summary>
    public SparseObject ShapeSearchResult(ArticleAggregate article, IReadOnlyList<SearchHighlight> highlights) =>
        (Fields ?? AllSearchResultFields).Without(NotEmbedded()).Apply(SearchResult.Of(article.ToResponse(keyed: false), highlights));

    private IEnumerable<string> NotEmbedded()
    {
        foreach (var (embed, name) in EmbedMembers)
        {
            if (!Embeds.HasFlag(embed))
            {
                yield return name;
            }
        }
    }

    private static readonly (ArticleEmbeds Embed, string Name)[] EmbedMembers =
        [(ArticleEmbeds.Authors, "authors"), (ArticleEmbeds.Tags, "tags"), (ArticleEmbeds.CoverImage, "coverImage"), (ArticleEmbeds.Images, "images")];

    private static Dictionary<long, InlineImage> InlineImages(ArticleAggregate article) =>
        Images.InlineImages.Of(article.Images.Select(i => i.Image).Concat(article.Cover is null ? [] : [article.Cover.Image]));

    private static readonly FieldSet AllFields = FieldSet.Parse(FieldNames);

    private static readonly FieldSet AllSearchResultFields = FieldSet.Parse(SearchFieldNames);
}
