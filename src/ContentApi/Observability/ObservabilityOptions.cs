using System.ComponentModel.DataAnnotations;
namespace ContentApi.Observability;

/// <summary>Bound from the "Observability" section.</summary>
public sealed class ObservabilityOptions
{
    public const string Section = "Observability";

    /// <summary>Serve Prometheus metrics at <see cref="MetricsPath"/>.</summary>
    public bool MetricsEnabled { get; set; } = true;

    [RegularExpression("^/.*", ErrorMessage = "MetricsPath must start with '/'.")]
    public string MetricsPath { get; set; } = "/metrics";

    /// <summary>Log one structured line per request (method, route template, status, duration, trace id).</summary>
    public bool RequestLogging { get; set; } = true;
}
