using System.Collections.Frozen;
using Microsoft.Extensions.Options;
using Prometheus;

namespace ContentApi.Observability;

public static class ObservabilitySetup
{
    private static readonly FrozenSet<string> StandardMethods = FrozenSet.Create(StringComparer.Ordinal,
        HttpMethods.Get, HttpMethods.Head, HttpMethods.Post, HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete,
        HttpMethods.Options, HttpMethods.Trace, HttpMethods.Connect);

    public static void UseObservability(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<ObservabilityOptions>>().Value;
        if (options.MetricsEnabled)
        {
            app.UseMiddleware<MetricsClientCheck>();
        }
        if (options.RequestLogging)
        {
            app.UseMiddleware<RequestLoggingMiddleware>();
        }
        if (options.MetricsEnabled)
        {
            // Per route template and status: request counts, in-flight gauge and latency histograms. prometheus-net
            // labels them with the method as sent, so a made-up method ("M1", "M2", ...) added series without end:
            // only the standard methods, written as standardised, are counted.
            app.UseWhen(context => StandardMethods.Contains(context.Request.Method), metered => metered.UseHttpMetrics(HttpMetricsShape.Apply));
        }
        if (!options.RequestLogging && !options.MetricsEnabled)
        {
            return;
        }
        // The exception handler (inside) clears the matched endpoint before it answers (a body that is not JSON, an
        // unknown property, a 500): put it back once the response is made, so the log line and the metrics above
        // name the route rather than "(unmatched)".
        app.Use(async (context, next) =>
        {
            var matched = context.GetEndpoint();
            try
            {
                await next(context);
            }
            finally
            {
                if (matched is not null && context.GetEndpoint() is null)
                {
                    context.SetEndpoint(matched);
                }
            }
        });
    }

    public static void MapObservability(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<ObservabilityOptions>>().Value;
        if (options.MetricsEnabled)
        {
            // prometheus-net maps every method; a scrape is a GET (others are a 405, as on every other route).
            app.MapMetrics(options.MetricsPath).WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head])).ExcludeFromDescription()
                .DisableRateLimiting().WithMetadata(Health.ProbeEndpoint.Instance)
                // A scrape is of this moment, as a health probe is: a proxy in front (Varnish keeps a response without
                // Cache-Control 120 s) must not answer the next scrape with it.
                .AddEndpointFilter(static async (invocation, next) =>
                {
                    invocation.HttpContext.Response.Headers.CacheControl = "no-store";
                    return await next(invocation);
                });
        }
    }
}
