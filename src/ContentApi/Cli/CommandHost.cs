using ContentApi.Data;
using Microsoft.Extensions.Options;

namespace ContentApi.Cli;

/// <summary>The app's services, configured exactly as when serving (same settings and database), without the server.</summary>
public static class CommandHost
{
    /// <param name="configure">Extra configuration (tests point commands at their own database this way).</param>
    /// <remarks>The settings are checked as the server checks them, before the database is touched: <c>migrate</c> with
    /// <c>Writes__RequireIfMatch=abc</c> created and migrated the database and said nothing.</remarks>
    public static WebApplication Build(Action<WebApplicationBuilder>? configure = null)
    {
        var app = ContentApiApp.Build([], builder =>
        {
            // Commands print their own results; only warnings and errors from the framework.
            // A filter, not only the minimum level, which the Logging section of appsettings.json would override.
            builder.Logging.SetMinimumLevel(LogLevel.Warning).AddFilter((_, level) => level >= LogLevel.Warning);
            configure?.Invoke(builder);
        });
        SettingsCheck.Validate(app.Services);
        return app;
    }

    /// <summary>
    /// <see cref="StartMigratedAsync"/> for commands that read what a database holds (backup, export, reindex, keys list and revoke): null,
    /// having said why, when there is no database file. A mistyped path would otherwise be created, migrated and read
    /// empty, and the command would report success over nothing.
    /// </summary>
    /// <param name="writes">The command writes (reindex, keys revoke): refused, as by <see cref="StartMigratedAsync"/>, on a database it cannot write.</param>
    public static async Task<WebApplication?> StartExistingAsync(CancellationToken cancellationToken, Action<WebApplicationBuilder>? configure = null, bool writes = false)
    {
        var app = Build(configure);
        var connectionString = app.Services.GetRequiredService<Db>().ConnectionString;
        var file = DatabaseFile.PathOf(connectionString);
        // A directory goes on to the migrator, which says what it is.
        if (!File.Exists(file) && !Directory.Exists(file))
        {
            await app.DisposeAsync();
            await Console.Error.WriteLineAsync($"There is no database at {file}; check ConnectionStrings__Content (nothing was read or created).");
            return null;
        }
        if (!writes && ReadOnlyDatabase.ConnectionString(connectionString) is { } readOnly)
        {
            await app.DisposeAsync();
            return await StartReadOnlyAsync(readOnly, file, configure, cancellationToken);
        }
        await MigrateAsync(app, cancellationToken);
        if (writes)
        {
            await DatabaseFile.EnsureWritableAsync(app.Services.GetRequiredService<Db>(), cancellationToken);
        }
        return app;
    }

    /// <summary>On a database this process cannot write (<see cref="ReadOnlyDatabase"/>): opened read-only, checked, not migrated.</summary>
    private static async Task<WebApplication> StartReadOnlyAsync(
        string readOnly, string file, Action<WebApplicationBuilder>? configure, CancellationToken cancellationToken)
    {
        var app = Build(builder =>
        {
            configure?.Invoke(builder);
            builder.Services.AddSingleton(services => new Db(
                readOnly, services.GetRequiredService<IOptions<DatabaseOptions>>(), services.GetRequiredService<TimeProvider>()));
        });
        try
        {
            await ReadOnlyDatabase.CheckAsync(app.Services.GetRequiredService<Db>(), file, cancellationToken);
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>For commands that write (keys create, seed, import): refused in one line, naming what to fix, on a database they cannot write.</summary>
    public static async Task<WebApplication> StartMigratedAsync(CancellationToken cancellationToken, Action<WebApplicationBuilder>? configure = null)
    {
        var app = Build(configure);
        await MigrateAsync(app, cancellationToken);
        await DatabaseFile.EnsureWritableAsync(app.Services.GetRequiredService<Db>(), cancellationToken);
        if (app.Services.GetRequiredService<Migrator>().CreatedDatabase)
        {
            // As the server warns: a mistyped path is otherwise a new database that a server later opens without a word.
            await Console.Error.WriteLineAsync(
                $"There was no database at {DatabaseFile.PathOf(app.Services.GetRequiredService<Db>().ConnectionString)}: it was created (with any missing folders) and migrated. If the content is in an existing database, point ConnectionStrings__Content at that file.");
        }
        return app;
    }

    /// <summary>As the server does on start: the schema, and the index's analysis recorded while there is no article (seed, import).</summary>
    private static async Task MigrateAsync(WebApplication app, CancellationToken cancellationToken)
    {
        await app.Services.GetRequiredService<Migrator>().MigrateAsync(cancellationToken);
        await Search.SearchAnalysis.EnsureCurrentWhileEmptyAsync(app.Services.GetRequiredService<Db>(), cancellationToken);
    }
}
