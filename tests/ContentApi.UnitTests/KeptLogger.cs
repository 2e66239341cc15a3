using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ContentApi.UnitTests;

/// <summary>A logger keeping what is logged to it, with its level and exception.</summary>
internal sealed class KeptLogger<T> : ILogger<T>
{
    public ConcurrentQueue<(LogLevel Level, string Message, Exception? Exception)> Logs { get; } = new();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Logs.Enqueue((logLevel, formatter(state, exception), exception));
}
