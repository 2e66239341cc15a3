using System.Globalization;
using ContentApi;
using ContentApi.Cli;
using ContentApi.Data;

// The API and its commands speak English whatever the server's locale: numbers in messages ("2,000") and logs ("1.5 ms") included.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
FileSizeLimitSignal.Ignore();
if (AdminCommands.IsCommand(args))
{
    ContentApi.Rendering.RunawayParses.Shared.WaitsWhenFull = true;
    return await AdminCommands.RunAsync(args);
}

WebApplication app;
try
{
    // Building the pipeline reads some settings already; the check reads the rest.
    app = ContentApiApp.Build(args);
    SettingsCheck.Validate(app.Services);
}
catch (Exception exception) when (SettingsCheck.Describe(exception) is { } invalid)
{
    await Console.Error.WriteLineAsync($"error: invalid settings: {invalid}");
    return 1;
}
if (await MigrateOnStart.RefusalAsync(app.Services, CancellationToken.None) is { } refusal)
{
    await Console.Error.WriteLineAsync($"error: {refusal}");
    await app.DisposeAsync();
    return 1;
}
try
{
    await app.RunAsync();
}
catch (IOException exception) when (exception.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
{
    // "Failed to bind to address http://127.0.0.1:5000: address already in use."
    await Console.Error.WriteLineAsync($"error: {exception.Message}");
    return 1;
}
return 0;

/// <summary>Entry point; public so integration tests can host the app with WebApplicationFactory.</summary>
public partial class Program;
