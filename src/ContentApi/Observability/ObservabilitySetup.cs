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
            app.MapMetrics(options.MetricsPath).ExcludeFromDescription();
        }
    }
}
