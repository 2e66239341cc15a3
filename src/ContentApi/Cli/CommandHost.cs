using ContentApi.Data;

namespace ContentApi.Cli;

/// <summary>The app's services, configured exactly as when serving (same settings and database), without the server.</summary>
public static class CommandHost
{
    /// <param name="configure">Extra configuration (tests point commands at their own database this way).</param>
    public static WebApplication Build(Action<WebApplicationBuilder>? configure = null) => ContentApiApp.Build([], builder =>
    {
        // Commands print their own results; only warnings and errors from the framework.
        // A filter, not only the minimum level, which the Logging section of appsettings.json would override.
        builder.Logging.SetMinimumLevel(LogLevel.Warning).AddFilter((_, level) => level >= LogLevel.Warning);
        configure?.Invoke(builder);
    });

    public static async Task<WebApplication> StartMigratedAsync(CancellationToken cancellationToken, Action<WebApplicationBuilder>? configure = null)
    {
        var app = Build(configure);
        await app.Services.GetRequiredService<Migrator>().MigrateAsync(cancellationToken);
        return app;
    }
}
