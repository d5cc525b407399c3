using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OrderToCash.IntegrationTests.Infrastructure;

/// <summary>Keeps the host's log lines of one category prefix, for tests that check what the host said it did.</summary>
public sealed class LogCapture(string categoryPrefix) : ILoggerProvider
{
    private readonly ConcurrentQueue<string> lines = new();

    public IReadOnlyList<string> Lines => [.. lines];

    public void AddTo(IServiceCollection services) => services.AddSingleton<ILoggerProvider>(this);

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName.StartsWith(categoryPrefix, StringComparison.Ordinal) ? lines : null);

    public void Dispose()
    {
    }

    private sealed class Logger(ConcurrentQueue<string>? lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => lines is not null;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines?.Enqueue($"{logLevel}: {formatter(state, exception)}");
    }
}
