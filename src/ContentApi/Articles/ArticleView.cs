using ContentApi.Http;

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
    public static readonly string[] FormatNames = ["markdown", "html", "text"];

    public static ArticleView Default { get; } = new(ArticleEmbeds.All, null, false, false);

    public static IReadOnlyList<string> FieldNames => FieldSet.MembersOf(typeof(ArticleResponse));

    public bool IsDefault => this == Default;

    public static Dictionary<string, string[]> Validate(string? include, string? fields, string? format)
    {
        var errors = new Dictionary<string, string[]>();
        if (include is not null && Split(include).FirstOrDefault(n => !IncludeNames.Contains(n)) is { } badInclude)
        {
            errors["include"] = [$"Unknown include '{badInclude}'. Allowed: {string.Join(", ", IncludeNames)} (comma-separated; empty for none)."];
        }
        if (!FieldSet.TryParse(fields, FieldNames, out _, out var unknown))
        {
            errors["fields"] = [unknown.Count == 0 ? "Name at least one field." : $"Unknown field(s) {string.Join(", ", unknown)}. Allowed: {string.Join(", ", FieldNames)}."];
        }
        if (format is not null && (Split(format) is var formats && (formats.Length == 0 || formats.Any(f => !FormatNames.Contains(f)))))
        {
            errors["format"] = [$"Allowed: {string.Join(", ", FormatNames)} (comma-separated, e.g. html,text)."];
        }
        return errors;
    }

    /// <summary>Reads already validated parameters.</summary>
    public static ArticleView From(string? include, string? fields, string? format)
    {
        var embeds = include is null ? ArticleEmbeds.All : Split(include).Aggregate(ArticleEmbeds.None, (all, name) => all | name switch
        {
            "authors" => ArticleEmbeds.Authors,
            "tags" => ArticleEmbeds.Tags,
            "coverImage" => ArticleEmbeds.CoverImage,
            "images" => ArticleEmbeds.Images,
            _ => ArticleEmbeds.None,
        });
        FieldSet.TryParse(fields, FieldNames, out var fieldSet, out _);
        var formats = format is null ? [] : Split(format);
        var view = new ArticleView(embeds, fieldSet, formats.Contains("html"), formats.Contains("text"));
        return view == Default ? Default : view;
    }

    /// <summary>The response as asked for: only included embeds and only the named fields.</summary>
    public object Shape(ArticleResponse response)
    {
        if (IsDefault)
        {
            return response;
        }
        var node = (Fields ?? AllFields).Apply(response);
        RemoveUnless(ArticleEmbeds.Authors, "authors");
        RemoveUnless(ArticleEmbeds.Tags, "tags");
        RemoveUnless(ArticleEmbeds.CoverImage, "coverImage");
        RemoveUnless(ArticleEmbeds.Images, "images");
        return node;

        void RemoveUnless(ArticleEmbeds embed, string name)
        {
            if (!Embeds.HasFlag(embed))
            {
                node.Remove(name);
            }
        }
    }

    private static readonly FieldSet AllFields = FieldSet.Parse(FieldNames);

    private static string[] Split(string text) => text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
