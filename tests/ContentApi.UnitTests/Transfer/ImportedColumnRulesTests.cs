using System.Reflection;
using System.Text.Json;
using ContentApi.OpenApi;
using ContentApi.Text;
using ContentApi.Transfer;
using ContentApi.UnitTests.Seeding;

namespace ContentApi.UnitTests.Transfer;

/// <summary>A URL, email or slug that a request gains later is checked on import too, or this fails.</summary>
public sealed class ImportedColumnRulesTests
{
    public static TheoryData<string, string> UrlColumns => ColumnsOf(property => property.GetCustomAttribute<SchemaFormatAttribute>()?.Format == "iri");

    public static TheoryData<string, string> EmailColumns => ColumnsOf(property => property.GetCustomAttribute<SchemaFormatAttribute>()?.Format == "idn-email");

    public static TheoryData<string, string> SlugColumns => ColumnsOf(property => property.Name == "Slug");

    /// <summary>The columns of the texts a request's validator holds to closing their bidirectional controls.</summary>
    public static TheoryData<string, string> BidiBalancedColumns
    {
        get
        {
            var columns = new TheoryData<string, string>();
            foreach (var table in ExportFormat.Tables)
            {
                var validator = (FluentValidation.IValidator)Activator.CreateInstance(RequestType(table, "RequestValidator"))!;
                foreach (var member in validator.CreateDescriptor().GetMembersWithValidators())
                {
                    if (member.Any(v => v.Validator.Name == "BalancedBidiControlsValidator"))
                    {
                        columns.Add(table, JsonNamingPolicy.SnakeCaseLower.ConvertName(member.Key));
                    }
                }
            }
            return columns;
        }
    }

    [Theory]
    [MemberData(nameof(UrlColumns))]
    public void Every_url_a_request_takes_is_held_to_the_http_url_rule_on_import(string table, string column)
    {
        Assert.NotNull(ImportedColumnRules.Problem(table, column, "javascript:alert(1)"));
        Assert.Null(ImportedColumnRules.Problem(table, column, "https://example.com/a"));
    }

    /// <summary>Responses state the format too, and clients that check it refused every page listing an author whose stored email failed it.</summary>
    [Theory]
    [MemberData(nameof(EmailColumns))]
    public void Every_email_a_request_takes_is_held_to_the_email_rule_on_import(string table, string column)
    {
        Assert.NotNull(ImportedColumnRules.Problem(table, column, "x@-b.com"));
        Assert.Null(ImportedColumnRules.Problem(table, column, "王.小明@例え.jp"));
    }

    [Theory]
    [MemberData(nameof(SlugColumns))]
    public void Every_slug_a_request_takes_is_held_to_the_slug_rule_on_import(string table, string column)
    {
        Assert.NotNull(ImportedColumnRules.Problem(table, column, "../a"));
        Assert.Null(ImportedColumnRules.Problem(table, column, "通義千問-qwen3-max"));
    }

    /// <summary>An export edited to hold "invoice\u202Efdp.exe" as a title stored what the API refuses: shown in a list, it reversed the titles after it.</summary>
    [Theory]
    [MemberData(nameof(BidiBalancedColumns))]
    public void Every_text_a_request_holds_to_closed_bidi_controls_is_held_to_them_on_import(string table, string column)
    {
        Assert.Equal(ContentApi.Text.TextRules.BidiControlMessage, ImportedColumnRules.Problem(table, column, "invoice\u202Efdp.exe"));
        Assert.Null(ImportedColumnRules.Problem(table, column, "\u2067שלום\u2069 and مرحبا"));
    }

    /// <summary>Each member's name as a column of its table: one named otherwise would be checked under a name no row has.</summary>
    [Fact]
    public void The_texts_held_to_closed_bidi_controls_are_the_titles_names_and_image_texts()
    {
        var columns = BidiBalancedColumns.Select(row => $"{row[0]}.{row[1]}").Order(StringComparer.Ordinal);
        Assert.Equal(
            ["articles.excerpt", "articles.subtitle", "articles.title", "authors.bio", "authors.name",
             "images.alt_text", "images.caption", "images.credit", "images.license", "tags.description", "tags.name"],
            columns);
    }

    /// <summary>A derived excerpt is no one's writing: an earlier build's, left open where its body's paragraph closed it, is taken as this build derives it.</summary>
    [Fact]
    public void A_derived_excerpt_is_imported_with_only_the_bidi_controls_closed_within_it()
    {
        // As string: compared as objects, xunit compares strings by culture, to which the override weighs nothing.
        Assert.Equal("invoicefdp.exe", (string?)ImportedColumnRules.Stored("articles", "derived_excerpt", "invoice\u202Efdp.exe"));
        Assert.Null(ImportedColumnRules.Problem("articles", "derived_excerpt", "invoicefdp.exe"));
    }

    /// <summary>
    /// A derived excerpt is cut from the body: one an export was edited to hold (a megabyte) was sent with its article
    /// in every list. What the app derives still passes: from the longest bodies, Chinese or heavy with combining marks,
    /// and from the demo articles in each language.
    /// </summary>
    [Fact]
    public void A_derived_excerpt_longer_than_the_app_derives_is_refused()
    {
        Assert.NotNull(ImportedColumnRules.Problem("articles", "derived_excerpt", new string('長', ArticleText.ExcerptMaxLength + 1)));
        Assert.NotNull(ImportedColumnRules.Problem("articles", "derived_excerpt", "e" + new string('\u0301', ArticleText.ExcerptMaxCharacters)));
        string[] bodies = [new string('長', 10_000), string.Concat(Enumerable.Repeat("e" + new string('\u0301', 30) + " ", 1_000)), .. SeedSample.Articles.Take(100).Select(a => a.Body)];
        foreach (var body in bodies)
        {
            var derived = ArticleText.Measure(body).DerivedExcerpt;
            Assert.Null(ImportedColumnRules.Problem("articles", "derived_excerpt", ImportedColumnRules.Stored("articles", "derived_excerpt", derived)));
        }
    }

    /// <summary>The columns, by table of the export, of the properties of its request (<c>articles</c>: <c>ArticleRequest</c>) that <paramref name="which"/> picks.</summary>
    private static TheoryData<string, string> ColumnsOf(Func<PropertyInfo, bool> which)
    {
        var columns = new TheoryData<string, string>();
        foreach (var table in ExportFormat.Tables)
        {
            foreach (var property in RequestType(table, "Request").GetProperties().Where(which))
            {
                columns.Add(table, JsonNamingPolicy.SnakeCaseLower.ConvertName(property.Name));
            }
        }
        return columns;
    }

    /// <summary>The request type of a table of the export, or its validator (<c>articles</c>: <c>ArticleRequest</c>, <c>ArticleRequestValidator</c>).</summary>
    private static Type RequestType(string table, string suffix)
    {
        var resource = char.ToUpperInvariant(table[0]) + table[1..];
        return typeof(ExportFormat).Assembly.GetType($"ContentApi.{resource}.{resource[..^1]}{suffix}", throwOnError: true)!;
    }
}
