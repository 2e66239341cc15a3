using ContentApi.Data;

namespace ContentApi.Cli;

/// <summary>The app's services, configured exactly as when serving (same settings and database), without the server.</summary>
public static class CommandHost
{
    public static WebApplication Build() => ContentApiApp.Build([], builder =>
    {
        // Commands print their own results; only warnings and errors from the framework.
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
    });

    public static async Task<WebApplication> StartMigratedAsync(CancellationToken cancellationToken)
    {
        var app = Build();
        await app.Services.GetRequiredService<Migrator>().MigrateAsync(cancellationToken);
        return app;
    }
}
