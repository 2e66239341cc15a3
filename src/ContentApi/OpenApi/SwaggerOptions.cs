namespace ContentApi.OpenApi;

/// <summary>Bound from the "Swagger" section.</summary>
public sealed class SwaggerOptions
{
    public const string Section = "Swagger";

    /// <summary>Serve Swagger UI at /swagger. The OpenAPI document itself is always served.</summary>
    public bool UiEnabled { get; set; } = true;
}
