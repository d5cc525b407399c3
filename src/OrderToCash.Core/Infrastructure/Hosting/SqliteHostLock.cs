using Microsoft.Extensions.Hosting;
using OrderToCash.Core.Infrastructure.Persistence;

namespace OrderToCash.Core.Infrastructure.Hosting;

/// <summary>
/// Takes the SQLite file's lock (<see cref="SqliteFileLock"/>) before anything else starts and keeps it until the host
/// is disposed: a second host on the same file stops at start with a clear message.
/// </summary>
internal sealed class SqliteHostLock(DatabaseOptions options) : IHostedService, IDisposable
{
    private SqliteFileLock? held;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            held ??= SqliteFileLock.Acquire(options.ResolveConnectionString(), "host");
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => held?.Dispose();
}
