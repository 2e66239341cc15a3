using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Microsoft.OpenApi.MicrosoftExtensions;

namespace ContentApi.OpenApi;

/// <summary>
/// Member names for string enums whose values are not identifiers, so that generated clients need not invent them:
/// a sort's <c>-publishedAt</c> became Kiota's <c>Minus_publishedAt</c> and NSwag's <c>MinuspublishedAt</c>.
/// </summary>
public static class EnumMemberNames
{
    /// <summary>
    /// <c>PublishedAtDescending</c> for <c>-publishedAt</c>, and <c>PublishedAtAscending</c> for <c>publishedAt</c>
    /// when its descending form is among the values; null when every value already makes a name.
    /// </summary>
    public static IReadOnlyList<string>? Of(IReadOnlyList<string> values)
    {
        if (!values.Any(v => v.StartsWith('-')))
        {
            return null;
        }
        return [.. values.Select(v => v.StartsWith('-')
            ? Pascal(v[1..]) + "Descending"
            : Pascal(v) + (values.Contains("-" + v) ? "Ascending" : ""))];
    }

    /// <summary>
    /// Writes <paramref name="names"/> in the extensions the common generators read: <c>x-ms-enum</c> (Kiota, AutoRest),
    /// <c>x-enumNames</c> (NSwag) and <c>x-enum-varnames</c> (OpenAPI Generator).
    /// </summary>
    public static void Describe(OpenApiSchema schema, string enumName, IReadOnlyList<string> values, IReadOnlyList<string> names)
    {
        schema.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        schema.Extensions[OpenApiEnumValuesDescriptionExtension.Name] = new OpenApiEnumValuesDescriptionExtension
        {
            EnumName = enumName,
            ValuesDescriptions = [.. values.Zip(names, (value, name) => new EnumDescription { Value = value, Name = name, Description = DescriptionOf(value, values) })],
        };
        schema.Extensions["x-enumNames"] = new JsonNodeExtension(new JsonArray([.. names.Select(n => (JsonNode)n)]));
        schema.Extensions["x-enum-varnames"] = new JsonNodeExtension(new JsonArray([.. names.Select(n => (JsonNode)n)]));
    }

    /// <summary>What a sort value asks for, for the generated member's documentation (search's <c>relevance</c> has no direction).</summary>
    private static string DescriptionOf(string value, IReadOnlyList<string> values) =>
        value.StartsWith('-') ? $"By `{value[1..]}`, descending."
        : values.Contains("-" + value) ? $"By `{value}`, ascending."
        : $"By `{value}`.";

    private static string Pascal(string value) => char.ToUpperInvariant(value[0]) + value[1..];
}
