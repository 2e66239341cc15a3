namespace ContentApi.OpenApi;

/// <summary>The OpenAPI format or pattern of a property whose validation rule is code the schema cannot read (a <c>Must</c>).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SchemaFormatAttribute : Attribute
{
    public string? Format { get; init; }
    public string? Pattern { get; init; }
}
