using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrderToCash.Core.Customers;
using OrderToCash.Core.Demo;
using OrderToCash.Core.Infrastructure.Persistence;

namespace OrderToCash.Core.Demo;

/// <summary>
/// Fills an empty database with demo data so that the run command shows a working product with no set-up.
/// On by default in Development (<c>Demo:Seed</c>); never touches a database that already has customers of its own.
/// With <c>Demo:Activity</c> (on by default in Development) the last <see cref="DemoCompany.ActivityDays"/> days of a small company are
/// simulated through the product itself, ending today: orders in every state, blocked orders waiting for a credit
/// manager, invoices paid, overdue and reminded, open disputes, promises to pay. Without it, only the customers.
/// Run under the startup lock. A <see cref="DemoSeeding"/> record is written first and completed last: a seeding
/// killed half-way is found at the next start, its rows are removed and the seeding runs again (all or nothing).
/// </summary>
internal sealed partial class DemoDataSeeder(
    Func<OrderToCashDbContext> createContext, TimeProvider clock, IConfiguration configuration, IHostEnvironment environment, ILogger<DemoDataSeeder> logger)
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!await BeginAsync(cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (configuration.GetValue<bool?>("Demo:Activity") ?? environment.IsDevelopment())
        {
            var report = await SimulationRunner.RunAsync(configuration, DemoCompany.Settings(today), [], environment.ContentRootPath, null, cancellationToken).ConfigureAwait(false);
            var disputes = report.DisputesByReason.Values.Sum();
            LogSimulated(logger, report.Customers, DemoCompany.ActivityDays, report.Orders, report.Invoices, disputes);
        }
        else
        {
            await using var db = createContext();
            var customers = DemoCustomers.Create(today);
            db.AddRange(customers);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            LogSeeded(logger, customers.Count);
        }

        await using (var db = createContext())
        {
            var seeding = await db.Set<DemoSeeding>().SingleAsync(cancellationToken).ConfigureAwait(false);
            seeding.CompletedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>True when the seeding must run: a new empty database, or one whose first seeding was interrupted (then emptied).</summary>
    private async Task<bool> BeginAsync(CancellationToken cancellationToken)
    {
        await using var db = createContext();
        var seeding = await db.Set<DemoSeeding>().SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (seeding is { CompletedAt: not null })
        {
            return false;
        }

        if (seeding is null)
        {
            if (await db.Set<Customer>().AnyAsync(cancellationToken).ConfigureAwait(false))
            {
                return false;
            }

            db.Add(new DemoSeeding { StartedAt = clock.GetUtcNow() });
        }
        else
        {
            LogInterrupted(logger, seeding.StartedAt);
            await DemoSeedingReset.ClearAsync(db, cancellationToken).ConfigureAwait(false);
            seeding.StartedAt = clock.GetUtcNow();
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded {Count} demo customers into the empty database")]
    private static partial void LogSeeded(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded demo activity: {Customers} customers over {Days} days ending today, {Orders} orders, {Invoices} invoices, {Disputes} disputes")]
    private static partial void LogSimulated(ILogger logger, int customers, int days, int orders, int invoices, int disputes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The demo seeding started at {StartedAt} was interrupted: its partial data is removed and the seeding runs again")]
    private static partial void LogInterrupted(ILogger logger, DateTimeOffset startedAt);
}
