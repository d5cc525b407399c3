using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Dunning;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Host.Features.Customers;
using OrderToCash.Host.Features.Invoicing;

namespace OrderToCash.Host.Features.Dunning;

/// <summary>The reminder outbox, read within the caller's customer scope.</summary>
internal static class ReminderEndpoints
{
    public static void MapReminders(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/reminders", ListAsync).WithTags("Reminders").RequireAuthorization(p => p.RequireRole(CustomerScope.ReaderRoles))
            .WithSummary("The reminders planned or sent per invoice, with channel and delivery status").Produces<IEnumerable<ReminderView>>();
    }

    private static async Task<IResult> ListAsync(string? invoice, ReminderDeliveryStatus? status, ClaimsPrincipal user, OrderToCashDbContext db, CancellationToken cancellationToken)
    {
        var customers = VisibleInvoices.CustomerIds(db, user);
        var query = db.Set<Reminder>().AsNoTracking().Where(r => customers.Contains(r.CustomerId));
        if (!string.IsNullOrWhiteSpace(invoice))
        {
            query = query.Where(r => r.InvoiceNumber == invoice);
        }

        if (status is { } wanted)
        {
            query = query.Where(r => r.Status == wanted);
        }

        // The salesperson's call sheet is internal: the customer's portal shows the reminders sent to the customer.
        if (VisibleInvoices.IsCustomerOnly(user))
        {
            query = query.Where(r => r.Channel != ReminderChannelKind.PhoneTask);
        }

        var reminders = await query.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Level).Take(500).ToListAsync(cancellationToken).ConfigureAwait(false);
        return Results.Ok(reminders.Select(r => new ReminderView(
            r.InvoiceNumber, r.CustomerId, r.Step, r.Level, r.Channel, r.Recipient, r.Subject, r.Body, r.AmountDue, r.Currency, r.CreatedAt,
            r.Status, r.DeliveredAt, r.Attempts, r.LastError)));
    }

    internal sealed record ReminderView(string InvoiceNumber, string CustomerId, string Step, int Level, ReminderChannelKind Channel, string Recipient, string Subject,
        string Body, decimal AmountDue, string Currency, DateTimeOffset CreatedAt, ReminderDeliveryStatus Status, DateTimeOffset? DeliveredAt, int Attempts, string? LastError);
}
