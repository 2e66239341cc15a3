using Microsoft.Extensions.Options;
using Prometheus;

namespace ContentApi.Observability;

public static class ObservabilitySetup
{
    public static void UseObservability(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<ObservabilityOptions>>().Value;
        if (options.RequestLogging)
        {
            app.UseMiddleware<RequestLoggingMiddleware>();
        }
        if (options.MetricsEnabled)
        {
            // Per route template and status: request counts, in-flight gauge and latency histograms.
            app.UseHttpMetrics();
        }
    }

    public static void MapObservability(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<ObservabilityOptions>>().Value;
        if (options.MetricsEnabled)
        {
            // prometheus-net maps every method; a scrape is a GET (others are a 405, as on every other route).
            app.MapMetrics(options.MetricsPath).WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head])).ExcludeFromDescription()
                .DisableRateLimiting();
        }
    }
}
