using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderToCash.Core.Credit;
using OrderToCash.Core.Customers;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Orders;

namespace OrderToCash.Core.Demo;

/// <summary>
/// What a demo's last day leaves for the credit manager besides what the simulated days left (a block is rare, so the
/// last three days often leave none): two orders above their customer's headroom waiting for a release, a
/// salesperson's credit-limit request, and credit reviews and insurer covers falling due within the cockpit's 30 days.
/// All of it goes through the services the API uses; the simulation itself (<c>o2c simulate</c>) never runs this.
/// </summary>
internal static class DemoWaitingWork
{
    /// <summary>The customers whose next orders exceed their headroom, with what they order.</summary>
    private static readonly (string CustomerId, string Description)[] OrdersOverTheLimit =
    [
        ("C-0007", "Armoires réfrigérées pour l’officine (agencement complet)"),
        ("C-0004", "Équipement de bloc opératoire vétérinaire"),
    ];

    public static async Task AddAsync(IServiceProvider services, DateOnly today, CancellationToken cancellationToken)
    {
        var createContext = services.GetRequiredService<Func<OrderToCashDbContext>>();
        await using (var db = createContext())
        {
            await DueDatesAsync(db, today, cancellationToken).ConfigureAwait(false);
        }

        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<CreditLimitRequests>().RequestAsync(
                "C-0002", 320_000m, "Nouveau contrat de messagerie régionale : les commandes doublent à partir du mois prochain.", DemoPeople.Salespeople[0], cancellationToken).ConfigureAwait(false);
        }

        foreach (var (customerId, description) in OrdersOverTheLimit)
        {
            await OrderOverTheLimitAsync(services, createContext, customerId, description, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Two reviews and one insurer cover due within 30 days; the other covers expire at the end of next year.</summary>
    private static async Task DueDatesAsync(OrderToCashDbContext db, DateOnly today, CancellationToken cancellationToken)
    {
        var customers = await db.Set<Customer>().Where(c => c.Id.StartsWith("C-000")).ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var customer in customers)
        {
            customer.InsurerCoverExpiresOn = customer.InsurerCover > 0m ? new DateOnly(today.Year + 1, 12, 31) : null;
            customer.NextReviewOn = customer.Id switch
            {
                "C-0004" => today.AddDays(9),
                "C-0006" => today.AddDays(21),
                _ => today.AddMonths(6),
            };
        }

        if (customers.Find(c => c.Id == "C-0005") is { } insured)
        {
            insured.InsurerCoverExpiresOn = today.AddDays(17);
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>An order whose amount with VAT exceeds what the customer's limit leaves: the credit check blocks it.</summary>
    private static async Task OrderOverTheLimitAsync(IServiceProvider services, Func<OrderToCashDbContext> createContext, string customerId, string description, CancellationToken cancellationToken)
    {
        decimal headroom;
        await using (var db = createContext())
        {
            var customer = await db.Set<Customer>().AsNoTracking().SingleAsync(c => c.Id == customerId, cancellationToken).ConfigureAwait(false);
            var exposure = await db.Set<CreditExposure>().AsNoTracking().SingleOrDefaultAsync(e => e.CustomerId == customerId, cancellationToken).ConfigureAwait(false);
            headroom = customer.CreditLimit.Amount - (exposure?.Total.Amount ?? 0m);
        }

        var unitPrice = decimal.Ceiling(((Math.Max(headroom, 0m) / 1.2m) + 4_800m) / 100m) * 100m;
        var result = await services.GetRequiredService<OrderEntry>().EnterAsync(
            new NewOrder(customerId, [new NewOrderLine(description, 1m, unitPrice, 20m)]), "demo-edi-import", cancellationToken).ConfigureAwait(false);
        if (result.Order is null)
        {
            throw new InvalidOperationException($"The demo's order for {customerId} was refused: {result.UnavailableReason ?? string.Join("; ", result.Problems!.SelectMany(p => p.Value))}");
        }
    }
}
