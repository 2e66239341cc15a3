using ContentApi.Http.Pipeline;
using Microsoft.Extensions.Options;
using IPNetwork = System.Net.IPNetwork;

namespace ContentApi.Observability;

/// <summary>
/// Hides the metrics path from clients outside <see cref="ObservabilityOptions.MetricsAllowedNetworks"/>: their request
/// leaves routing unmatched, so it is answered (and rate limited, and logged) as an unknown path is, 404 for every
/// method. Public, metrics gave anyone ~500 KB for a 50-byte request, and each route's 401, 403 and 429 counts live.
/// After the forwarded headers, so that behind a listed proxy the visitor is judged.
/// </summary>
public sealed class MetricsClientCheck(RequestDelegate next, IOptions<ObservabilityOptions> options)
{
    private readonly PathString _path = options.Value.MetricsPath;
    private readonly IPNetwork[] _allowed = [.. options.Value.MetricsNetworks()];

    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments(_path, StringComparison.OrdinalIgnoreCase) && !Allowed(context))
        {
            context.SetEndpoint(null);
        }
        return next(context);
    }

    /// <summary>A connection without an IP address (a Unix socket, a named pipe) is a local one.</summary>
    private bool Allowed(HttpContext context) =>
        context.Connection.RemoteIpAddress is not { } address || NetworkEntries.AnyContains(_allowed, address);
}
