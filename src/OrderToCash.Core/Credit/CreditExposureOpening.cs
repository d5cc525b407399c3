using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Customers;
using OrderToCash.Core.Infrastructure.Persistence;

namespace OrderToCash.Core.Credit;

/// <summary>
/// Opens a new customer's <see cref="CreditExposure"/> (zero, in the customer's currency) in the transaction that
/// creates the customer, whatever creates it (the customer master, its CSV import, the demo data). Credit keeps its own
/// row: the customer master does not know it exists (ADR 0130). A customer whose exposure is already in the unit of
/// work gets no second one.
/// </summary>
internal sealed class CreditExposureOpening : SaveHook
{
    public static readonly CreditExposureOpening Instance = new();

    protected override void BeforeSave(DbContext db)
    {
        var created = db.ChangeTracker.Entries<Customer>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        if (created.Count == 0)
        {
            return;
        }

        var opened = db.ChangeTracker.Entries<CreditExposure>().Select(e => e.Entity.CustomerId).ToHashSet(StringComparer.Ordinal);
        foreach (var customer in created.Where(c => !opened.Contains(c.Id)))
        {
            db.Add(new CreditExposure { CustomerId = customer.Id, Currency = customer.Currency });
        }
    }
}
