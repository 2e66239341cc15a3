using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace ContentApi.IntegrationTests.Writes;

/// <summary>The app on a real Kestrel port, keeping every log entry with its level and category, the request lines included.</summary>
public sealed class LoggedKestrelFactory : KestrelApiFactory
{
    public ConcurrentQueue<(LogLevel Level, string Category, string Message)> Logs { get; } = new();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Logging:LogLevel:ContentApi.Observability"] = "Information",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(new KeptLog(Logs)));
    }

    private sealed class KeptLog(ConcurrentQueue<(LogLevel, string, string)> logs) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Category(logs, categoryName);

        public void Dispose()
        {
        }

        private sealed class Category(ConcurrentQueue<(LogLevel, string, string)> logs, string name) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                logs.Enqueue((logLevel, name, $"{formatter(state, exception)} {exception?.GetType().Name} {exception?.Message}"));
        }
    }
}
