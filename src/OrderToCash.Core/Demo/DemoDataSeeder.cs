using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrderToCash.Core.Credit;
using OrderToCash.Core.Customers;
using OrderToCash.Core.Persistence;

namespace OrderToCash.Core.Demo;

/// <summary>
/// Fills an empty database with demo data so that the run command shows a working product with no set-up.
/// On by default in Development (<c>Demo:Seed</c>); never touches a database that already has customers.
/// </summary>
internal sealed partial class DemoDataSeeder(Func<OrderToCashDbContext> createContext, TimeProvider clock, ILogger<DemoDataSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = createContext();
        if (await db.Set<Customer>().AnyAsync(cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var customers = DemoCustomers.Create(today);
        db.AddRange(customers);
        db.AddRange(customers.Select(c => new CreditExposure { CustomerId = c.Id, Currency = c.Currency }));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        LogSeeded(logger, customers.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded {Count} demo customers into the empty database")]
    private static partial void LogSeeded(ILogger logger, int count);
}
