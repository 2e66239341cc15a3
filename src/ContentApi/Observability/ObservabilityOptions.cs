using System.ComponentModel.DataAnnotations;

namespace ContentApi.Observability;

/// <summary>Bound from the "Observability" section.</summary>
public sealed class ObservabilityOptions : IValidatableObject
{
    public const string Section = "Observability";

    /// <summary>Paths the app serves itself: metrics there would shadow them, or be shadowed.</summary>
    private static readonly string[] TakenPaths = ["/api", "/health", "/openapi", "/swagger", "/bench"];

    private const string MetricsPathShape = "MetricsPath must be a path such as /metrics: segments of letters, digits and ._~- after each /.";

    /// <summary>Serve Prometheus metrics at <see cref="MetricsPath"/>.</summary>
    public bool MetricsEnabled { get; set; } = true;

    /// <summary>
    /// Where metrics are served; also what the request log takes for scrapes, logged at Debug. Required, as the pattern
    /// lets an empty value through: metrics were served at / and every request was logged as a scrape.
    /// </summary>
    [Required(ErrorMessage = MetricsPathShape)]
    [RegularExpression("^(/[A-Za-z0-9._~-]+)+$", ErrorMessage = MetricsPathShape)]
    public string MetricsPath { get; set; } = "/metrics";

    /// <summary>Log one structured line per request (method, route template, status, duration, trace id).</summary>
    public bool RequestLogging { get; set; } = true;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        TakenPaths.Where(taken => MetricsPath.Equals(taken, StringComparison.OrdinalIgnoreCase) || MetricsPath.StartsWith(taken + "/", StringComparison.OrdinalIgnoreCase))
            .Select(taken => new ValidationResult($"MetricsPath {MetricsPath} is under {taken}, which the API serves itself: choose another, such as /metrics.", [nameof(MetricsPath)]));
}
