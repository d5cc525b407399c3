using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using OrderToCash.Core.Infrastructure.Rules;
using OrderToCash.Engine.Rules.Store;

namespace OrderToCash.IntegrationTests.Rules;

public class RuleFileWatcherTests
{
    [Fact]
    public async Task Editing_a_rule_file_in_development_publishes_a_new_version()
    {
        await using var store = await RuleStoreFixture.CreateAsync();
        var folder = Path.Combine(store.Folder, "rules");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "root-cause.json");
        File.Copy(Path.Combine(RepositoryPaths.Rules, "root-cause.json"), file);
        var host = store.StartHost();
        using var watcher = new RuleFileWatcher(folder, host.GetRequiredService<RuleSetPublisher>(), NullLogger<RuleFileWatcher>.Instance);

        await ((IHostedService)watcher).StartAsync(CancellationToken.None);
        await WaitForVersionsAsync(store, 1);
        var content = await File.ReadAllTextAsync(file);
        await File.WriteAllTextAsync(file, content.Replace("recurrence >= 5", "recurrence >= 4", StringComparison.Ordinal));
        await WaitForVersionsAsync(store, 2);
        await ((IHostedService)watcher).StopAsync(CancellationToken.None);

        await using var db = store.CreateContext();
        var latest = await db.RuleSetVersions.OrderByDescending(v => v.Version).FirstAsync();
        latest.Version.Should().Be(2);
        latest.Content.Should().Contain("recurrence >= 4");
        latest.Author.Should().StartWith("file-watcher@");
    }

    [Fact]
    public async Task An_invalid_edit_is_logged_with_the_rule_and_not_published()
    {
        await using var store = await RuleStoreFixture.CreateAsync();
        var folder = Path.Combine(store.Folder, "rules");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "root-cause.json");
        File.Copy(Path.Combine(RepositoryPaths.Rules, "root-cause.json"), file);
        var host = store.StartHost();
        var logger = new RecordingLogger();
        using var watcher = new RuleFileWatcher(folder, host.GetRequiredService<RuleSetPublisher>(), logger);

        await ((IHostedService)watcher).StartAsync(CancellationToken.None);
        await WaitForVersionsAsync(store, 1);
        var content = await File.ReadAllTextAsync(file);
        await File.WriteAllTextAsync(file, content.Replace("recurrence >= 5", "recurrence >= DateTime.Now.Day", StringComparison.Ordinal));
        for (var attempt = 0; attempt < 200 && !logger.Messages.Any(m => m.Contains("not published", StringComparison.Ordinal)); attempt++)
        {
            await Task.Delay(50);
        }

        await ((IHostedService)watcher).StopAsync(CancellationToken.None);

        logger.Messages.Should().Contain(m => m.Contains("not published", StringComparison.Ordinal) && m.Contains("root-cause/RecurringAcrossCustomers", StringComparison.Ordinal));
        (await store.CountVersionsAsync()).Should().Be(1);
    }

    private sealed class RecordingLogger : Microsoft.Extensions.Logging.ILogger<RuleFileWatcher>
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _messages = new();

        public IReadOnlyCollection<string> Messages => _messages;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            _messages.Enqueue(formatter(state, exception));
    }

    private static async Task WaitForVersionsAsync(RuleStoreFixture store, int count)
    {
        // Waits for the watcher's asynchronous publication; the bound only avoids hanging a broken build.
        for (var attempt = 0; attempt < 200 && await store.CountVersionsAsync() < count; attempt++)
        {
            await Task.Delay(50);
        }

        (await store.CountVersionsAsync()).Should().Be(count);
    }
}
