namespace ContentApi.OpenApi;

/// <summary>The OpenAPI format, pattern or item limit of a property whose validation rule is code the schema cannot read (a <c>Must</c>).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SchemaFormatAttribute : Attribute
{
    public string? Format { get; init; }
    public string? Pattern { get; init; }

    /// <summary>Most items a list may hold; 0 for no limit.</summary>
    public int MaxItems { get; init; }

    /// <summary>A list whose items must differ from each other.</summary>
    public bool UniqueItems { get; init; }
}
