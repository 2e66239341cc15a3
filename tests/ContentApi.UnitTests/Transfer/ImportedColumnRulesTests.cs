using System.Reflection;
using System.Text.Json;
using ContentApi.OpenApi;
using ContentApi.Transfer;

namespace ContentApi.UnitTests.Transfer;

/// <summary>A URL, email or slug that a request gains later is checked on import too, or this fails.</summary>
public sealed class ImportedColumnRulesTests
{
    public static TheoryData<string, string> UrlColumns => ColumnsOf(property => property.GetCustomAttribute<SchemaFormatAttribute>()?.Format == "iri");

    public static TheoryData<string, string> EmailColumns => ColumnsOf(property => property.GetCustomAttribute<SchemaFormatAttribute>()?.Format == "idn-email");

    public static TheoryData<string, string> SlugColumns => ColumnsOf(property => property.Name == "Slug");

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

    /// <summary>The columns, by table of the export, of the properties of its request (<c>articles</c>: <c>ArticleRequest</c>) that <paramref name="which"/> picks.</summary>
    private static TheoryData<string, string> ColumnsOf(Func<PropertyInfo, bool> which)
    {
        var columns = new TheoryData<string, string>();
        foreach (var table in ExportFormat.Tables)
        {
            var resource = char.ToUpperInvariant(table[0]) + table[1..];
            var request = typeof(ExportFormat).Assembly.GetType($"ContentApi.{resource}.{resource[..^1]}Request", throwOnError: true)!;
            foreach (var property in request.GetProperties().Where(which))
            {
                columns.Add(table, JsonNamingPolicy.SnakeCaseLower.ConvertName(property.Name));
            }
        }
        return columns;
    }
}
