using ContentApi;
using ContentApi.Cli;

if (AdminCommands.IsCommand(args))
{
    return await AdminCommands.RunAsync(args);
}

var app = ContentApiApp.Build(args);
await app.RunAsync();
return 0;

/// <summary>Entry point; public so integration tests can host the app with WebApplicationFactory.</summary>
public partial class Program;
