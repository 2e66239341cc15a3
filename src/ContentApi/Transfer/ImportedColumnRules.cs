using ContentApi.Articles;
using ContentApi.Authors;
using ContentApi.Http.Json;
using ContentApi.Images;
using ContentApi.Text;

namespace ContentApi.Transfer;

/// <summary>
/// The API's own rules for the imported columns that readers could be harmed through, or clients misled by, were they
/// anything else: links (which pages put in an href or a src), slugs (which name resources in URLs and files), the
/// values that pages write into markup and clients choose by (language, status, media type), an author's email (whose
/// format the document states), pixel sizes (read into an int), the focal point and byte size (which clients compute with),
/// and the bidirectional controls of the texts pages show inline (titles, names, captions: one left open reverses what
/// follows). An export file is input like a request body: it can be edited between export and import. Limits that
/// only keep a harmless value short or visible are not applied again, so what an older version stored is imported as it was;
/// excerpts, sent with their article in every list, are held to their length: a derived one, which no one writes, to the
/// length the app derives, and a given one to the length the API has taken since its first build.
/// </summary>
internal static class ImportedColumnRules
{
    private sealed record Rule(Func<object, bool> Holds, string Message, Rule? AndThen = null)
    {
        public string? ProblemWith(object value) => Holds(value) ? AndThen?.ProblemWith(value) : Message;
    }

    private static readonly Rule HttpUrl = Text(TextRules.IsHttpUrl, TextRules.UrlMessage);
    private static readonly Rule Slug = Text(Slugs.IsValid, TextRules.SlugMessage);

    /// <summary>An override left open in a title or name reverses what a page shows after it (the next title in a list: Trojan Source).</summary>
    private static readonly Rule BalancedBidi = Text(TextRules.HasBalancedBidiControls, TextRules.BidiControlMessage);

    /// <summary>The app reads widths and heights as int: a larger one made every read of the image, and of the articles showing it, a 500.</summary>
    private static readonly Rule PixelCount = new(value => value is long count && ImageRequestValidator.IsPixelCount(count), ImageRequestValidator.PixelCountMessage);

    /// <summary>Frontends crop around it, taking it as a fraction of the width and height.</summary>
    private static readonly Rule FocalCoordinate = new(value => value is double or long && FocalPointValidator.IsInRange(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture)), FocalPointValidator.RangeMessage);

    private static readonly Dictionary<(string Table, string Column), Rule> Rules = new()
    {
        [("images", "focal_x")] = FocalCoordinate,
        [("images", "focal_y")] = FocalCoordinate,
        [("images", "byte_size")] = new(value => value is long size && size is >= 0 and <= JsonNumbers.MaxSafeInteger, ImageRequestValidator.ByteSizeMessage),
        [("images", "url")] = HttpUrl,
        [("images", "width")] = PixelCount,
        [("images", "height")] = PixelCount,
        [("images", "mime_type")] = Text(ImageRequestValidator.IsMimeType, ImageRequestValidator.MimeTypeMessage),
        [("images", "alt_text")] = BalancedBidi,
        [("images", "caption")] = BalancedBidi,
        [("images", "credit")] = BalancedBidi,
        [("images", "license")] = BalancedBidi,
        [("authors", "name")] = BalancedBidi,
        [("authors", "bio")] = BalancedBidi,
        [("tags", "name")] = BalancedBidi,
        [("tags", "description")] = BalancedBidi,
        [("articles", "title")] = BalancedBidi,
        [("articles", "subtitle")] = BalancedBidi,
        // Key names, which editorial tools show beside the content (migration 0030).
        [("articles", "created_by")] = BalancedBidi,
        [("articles", "updated_by")] = BalancedBidi,
        [("authors", "created_by")] = BalancedBidi,
        [("authors", "updated_by")] = BalancedBidi,
        [("tags", "created_by")] = BalancedBidi,
        [("tags", "updated_by")] = BalancedBidi,
        [("images", "created_by")] = BalancedBidi,
        [("images", "updated_by")] = BalancedBidi,
        // 2,000 characters since the first build: one longer was edited into the export (a megabyte, sent in every list).
        [("articles", "excerpt")] = BalancedBidi with { AndThen = Text(excerpt => CharacterLimit.Count(excerpt) <= ArticleText.ExcerptMaxCharacters, ArticleText.GivenExcerptLengthMessage) },
        // No one writes it: one longer than the app derives was edited into the export (a megabyte, sent in every list).
        [("articles", "derived_excerpt")] = Text(ArticleText.HasDerivedExcerptLength, ArticleText.DerivedExcerptLengthMessage),
        [("authors", "slug")] = Slug,
        [("authors", "website")] = HttpUrl,
        // The document says format idn-email, and a stored x@-b.com made clients that check formats refuse every page listing its author.
        [("authors", "email")] = Text(AuthorRequestValidator.IsEmail, AuthorRequestValidator.EmailMessage),
        [("tags", "slug")] = Slug,
        [("articles", "slug")] = Slug,
        [("articles", "canonical_url")] = HttpUrl,
        [("articles", "language")] = Text(LanguageTags.IsWellFormed, LanguageTags.Message),
        // The schema's CHECK refuses any other status too, but with no file or line to fix.
        [("articles", "status")] = Text(EnumValuesConverter.ValuesOf(typeof(ArticleStatus)).Contains, EnumValuesConverter.MustBeOneOf(typeof(ArticleStatus))),
    };

    /// <summary>
    /// What a table's CHECK constraints ask of values together, each allowed alone, said in the file's terms for when the
    /// database refuses a row (<see cref="RefusedRow"/>): its own message shows the constraint's SQL.
    /// </summary>
    public static readonly Dictionary<string, (string[] Columns, string Rule)> Together = new()
    {
        ["articles"] = (["status", "published_at"], "a published article has a published_at, and a draft has none."),
    };

    /// <summary>
    /// The value as today's build stores it, where that differs only in spelling from what an earlier build exported:
    /// a slug's Thai ำ or Lao ຳ, which earlier builds stored as two characters (<see cref="Slugs.InStoredSpelling"/>),
    /// and a language the registry deprecated (<c>iw</c> is <c>he</c>: <see cref="LanguageTags.WithPreferredLanguage"/>).
    /// A language no registry knows (<c>jp</c>), which earlier builds took, is imported as it is: import judges only
    /// what harms readers or clients, and the tag is still well formed. A derived excerpt, which no one writes, keeps only
    /// the bidirectional controls closed within it, as this build derives it (<see cref="ArticleText.Measure"/>).
    /// </summary>
    public static object? Stored(string table, string column, object? value) => value switch
    {
        string slug when Rules.GetValueOrDefault((table, column)) == Slug => Slugs.InStoredSpelling(slug),
        string language when (table, column) == ("articles", "language") && LanguageTags.IsWellFormed(language) => LanguageTags.WithPreferredLanguage(language),
        string excerpt when (table, column) == ("articles", "derived_excerpt") => TextRules.WithBalancedBidiControls(excerpt),
        _ => value,
    };

    /// <summary>What the API says of this value of the column, or null when it takes it (null itself is the schema's to judge).</summary>
    public static string? Problem(string table, string column, object? value) =>
        value is not null && Rules.TryGetValue((table, column), out var rule) ? rule.ProblemWith(value) : null;

    private static Rule Text(Func<string, bool> holds, string message) => new(value => value is string text && holds(text), message);
}
