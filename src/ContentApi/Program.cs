using ContentApi;
using ContentApi.Cli;
using ContentApi.Data;

if (AdminCommands.IsCommand(args))
{
    return await AdminCommands.RunAsync(args);
}

var app = ContentApiApp.Build(args);
if (await MigrateOnStart.RefusalAsync(app.Services, CancellationToken.None) is { } refusal)
{
    await Console.Error.WriteLineAsync($"error: {refusal}");
    await app.DisposeAsync();
    return 1;
}
await app.RunAsync();
return 0;

/// <summary>Entry point; public so integration tests can host the app with WebApplicationFactory.</summary>
public partial class Program;
