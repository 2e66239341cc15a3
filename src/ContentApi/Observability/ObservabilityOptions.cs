using System.ComponentModel.DataAnnotations;
using ContentApi.Http.Pipeline;
using IPNetwork = System.Net.IPNetwork;

namespace ContentApi.Observability;

/// <summary>Bound from the "Observability" section.</summary>
public sealed class ObservabilityOptions : IValidatableObject
{
    public const string Section = "Observability";

    /// <summary>Paths the app serves itself: metrics there would shadow them, or be shadowed.</summary>
    private static readonly string[] TakenPaths = ["/api", "/health", "/openapi", "/swagger", "/bench"];

    /// <summary>Loopback, private and link-local networks, IPv4 and IPv6: where a Prometheus in the same Docker network or cluster scrapes from.</summary>
    public static readonly IReadOnlyList<string> PrivateNetworks =
        ["127.0.0.0/8", "::1/128", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16", "fc00::/7", "fe80::/10"];

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

    /// <summary>
    /// The addresses and networks answered metrics; anyone else gets the 404 of an unknown path. Unset (null):
    /// <see cref="PrivateNetworks"/>. Not an array with those as its value: the binder appends to an array it finds,
    /// so a list set in the settings could only add to them.
    /// </summary>
    public string[]? MetricsAllowedNetworks { get; set; }

    /// <summary>
    /// Host names besides IP addresses, <c>localhost</c> and names of one label (<c>contentapi</c>, a compose service's)
    /// that metrics are answered for (<c>metrics.internal</c>, <c>*.svc.cluster.local</c>): a name public DNS can serve
    /// is a DNS-rebinding page's unless listed. ASP.NET's AllowedHosts is not it: that filters every request.
    /// </summary>
    public string[] MetricsHostNames { get; set; } = [];

    /// <summary>The networks answered metrics.</summary>
    public IEnumerable<IPNetwork> MetricsNetworks() => (MetricsAllowedNetworks ?? PrivateNetworks).Select(NetworkEntries.Parse);

    /// <summary>The probes' and the metrics' paths, which are for operators' tools, not for pages: no CORS, and logged at Debug.</summary>
    public bool IsOperatorPath(PathString path) => path.StartsWithSegments("/health") || path.StartsWithSegments(MetricsPath);

    /// <summary>Log one structured line per request (method, route template, status, duration, trace id).</summary>
    public bool RequestLogging { get; set; } = true;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        TakenPaths.Where(taken => MetricsPath.Equals(taken, StringComparison.OrdinalIgnoreCase) || MetricsPath.StartsWith(taken + "/", StringComparison.OrdinalIgnoreCase))
            .Select(taken => new ValidationResult($"MetricsPath {MetricsPath} is under {taken}, which the API serves itself: choose another, such as /metrics.", [nameof(MetricsPath)]))
            .Concat((MetricsAllowedNetworks ?? []).Where(entry => !NetworkEntries.IsValid(entry)).Select(entry => new ValidationResult(
                $"Observability:MetricsAllowedNetworks holds '{entry}', which is neither an IP address (10.0.0.5) nor a network (10.0.0.0/8).",
                [nameof(MetricsAllowedNetworks)])));
}
