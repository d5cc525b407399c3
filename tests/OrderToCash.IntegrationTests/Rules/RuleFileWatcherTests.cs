using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using OrderToCash.Core.Rules;
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
