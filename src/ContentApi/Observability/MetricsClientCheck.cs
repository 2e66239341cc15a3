using ContentApi.Http.Pipeline;
using ContentApi.Text;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using IPNetwork = System.Net.IPNetwork;

namespace ContentApi.Observability;

/// <summary>
/// Hides the metrics path from clients outside <see cref="ObservabilityOptions.MetricsAllowedNetworks"/>: their request
/// leaves routing unmatched, so it is answered (and rate limited, and logged) as an unknown path is, 404 for every
/// method. Public, metrics gave anyone ~500 KB for a 50-byte request, and each route's 401, 403 and 429 counts live.
/// After the forwarded headers, so that behind a listed proxy the visitor is judged. Hidden too unless its Host is an IP
/// address, localhost, a name of one label or one of <see cref="ObservabilityOptions.MetricsHostNames"/>: by DNS
/// rebinding a web page in a browser on an allowed network resolves its own name to 127.0.0.1 and reads the metrics,
/// the browser sending that name as Host; public DNS serves no name of one label.
/// </summary>
public sealed class MetricsClientCheck(RequestDelegate next, IOptions<ObservabilityOptions> options, ILogger<MetricsClientCheck> logger)
{
    private readonly PathString _path = options.Value.MetricsPath;
    private readonly IPNetwork[] _allowed = [.. options.Value.MetricsNetworks()];
    private readonly List<StringSegment> _hostNames = [.. options.Value.MetricsHostNames.Select(name => new StringSegment(name.Trim()))];

    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments(_path, StringComparison.OrdinalIgnoreCase) && !(Allowed(context) && AllowedHost(context.Request.Host)))
        {
            if (Allowed(context))
            {
                LogFirstRefusedHost(context.Request.Host);
            }
            context.SetEndpoint(null);
        }
        return next(context);
    }

    private int _refusedHostLogged;

    /// <summary>
    /// A scraper on an allowed network addressing the server by a name not listed gets only 404s: the first such request
    /// of a run is logged, naming the setting (only the first: a rebinding page could otherwise fill the log).
    /// </summary>
    private void LogFirstRefusedHost(HostString host)
    {
        if (Interlocked.Exchange(ref _refusedHostLogged, 1) == 0)
        {
            logger.LogWarning(
                "A metrics request from an allowed network was answered 404 for its Host {Host}: if it is your scraper's, list the name in Observability:MetricsHostNames (logged once a run)",
                ControlEscapes.Escaped(host.Value ?? ""));
        }
    }

    /// <summary>A connection without an IP address (a Unix socket, a named pipe) is a local one.</summary>
    private bool Allowed(HttpContext context) =>
        context.Connection.RemoteIpAddress is not { } address || NetworkEntries.AnyContains(_allowed, address);

    private bool AllowedHost(HostString host) =>
        host.Host is { Length: > 0 } name &&
        (System.Net.IPAddress.TryParse(name.Trim('[', ']'), out _) ||
         string.Equals(name, "localhost", StringComparison.OrdinalIgnoreCase) ||
         !name.Contains('.', StringComparison.Ordinal) ||
         HostString.MatchesAny(new StringSegment(name), _hostNames));
}
