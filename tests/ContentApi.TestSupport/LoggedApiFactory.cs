using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContentApi.TestSupport;

/// <summary>The app (as <see cref="ApiFactory"/>) keeping every warning and error it logs, with its category and exception.</summary>
public class LoggedApiFactory : ApiFactory
{
    public ConcurrentQueue<(LogLevel Level, string Category, string Message, Exception? Exception)> Logs { get; } = new();

    /// <summary>The least level kept; below Warning, the category's level must be lowered too (<see cref="ApiFactory.Settings"/>, "Logging:LogLevel:...").</summary>
    protected virtual LogLevel KeptFrom => LogLevel.Warning;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(new KeptLog(Logs, KeptFrom)));
    }

    private sealed class KeptLog(ConcurrentQueue<(LogLevel, string, string, Exception?)> logs, LogLevel keptFrom) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Category(logs, categoryName, keptFrom);

        public void Dispose()
        {
        }

        private sealed class Category(ConcurrentQueue<(LogLevel, string, string, Exception?)> logs, string name, LogLevel keptFrom) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= keptFrom;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    logs.Enqueue((logLevel, name, formatter(state, exception), exception));
                }
            }
        }
    }
}
