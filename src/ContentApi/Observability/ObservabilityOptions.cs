using System.ComponentModel.DataAnnotations;

namespace ContentApi.Observability;

/// <summary>Bound from the "Observability" section.</summary>
public sealed class ObservabilityOptions : IValidatableObject
{
    public const string Section = "Observability";

    /// <summary>Paths the app serves itself: metrics there would shadow them, or be shadowed.</summary>
    private static readonly string[] TakenPaths = ["/api", "/health", "/openapi", "/swagger", "/bench"];

    /// <summary>Serve Prometheus metrics at <see cref="MetricsPath"/>.</summary>
    public bool MetricsEnabled { get; set; } = true;

    [RegularExpression("^(/[A-Za-z0-9._~-]+)+$", ErrorMessage = "MetricsPath must be a path such as /metrics: segments of letters, digits and ._~- after each /.")]
    public string MetricsPath { get; set; } = "/metrics";

    /// <summary>Log one structured line per request (method, route template, status, duration, trace id).</summary>
    public bool RequestLogging { get; set; } = true;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        TakenPaths.Where(taken => MetricsPath.Equals(taken, StringComparison.OrdinalIgnoreCase) || MetricsPath.StartsWith(taken + "/", StringComparison.OrdinalIgnoreCase))
            .Select(taken => new ValidationResult($"MetricsPath {MetricsPath} is under {taken}, which the API serves itself: choose another, such as /metrics.", [nameof(MetricsPath)]));
}
