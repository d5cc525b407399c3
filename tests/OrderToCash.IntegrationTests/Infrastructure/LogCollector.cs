using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace OrderToCash.IntegrationTests.Infrastructure;

/// <summary>Keeps every log line of a host (register as an <see cref="ILoggerProvider"/> service), to check what operators see.</summary>
public sealed class LogCollector : ILoggerProvider
{
    private readonly ConcurrentQueue<string> lines = new();

    public IReadOnlyList<string> Lines => [.. lines];

    public ILogger CreateLogger(string categoryName) => new Collector(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Collector(LogCollector owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                owner.lines.Enqueue(exception is null ? $"{logLevel} {category}: {formatter(state, exception)}" : $"{logLevel} {category}: {formatter(state, exception)} {exception}");
            }
        }
    }
}
