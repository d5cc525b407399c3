using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OrderToCash.Core.Customers;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Numbering;

namespace OrderToCash.Core.Invoicing;

/// <summary>
/// Issues the invoice of a delivered order inside the caller's unit of work (the workflow step's): the next number of
/// the year's gapless series, the due date from the customer's terms (which the cycle's <c>payment-terms</c>
/// business-rule task allowed before, ADR 0065), and the French mandatory mentions (ADR 0042). Invoicing bills what the order gives it (<see cref="DeliveredOrder"/>)
/// and does not read orders: the order's own step marks it invoiced and moves its exposure (ADR 0130).
/// </summary>
public sealed class InvoiceIssuer(LatePaymentTerms latePaymentTerms, IOptions<CompanyOptions> company, TimeProvider clock)
{
    /// <summary>The invoice already issued for the order, if any: a step that runs again finds it instead of billing twice.</summary>
    public static Task<Invoice?> IssuedForAsync(OrderToCashDbContext db, Guid orderId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<Invoice>().FirstOrDefaultAsync(i => i.OrderId == orderId, cancellationToken);
    }

    /// <summary>Issues the invoice of <paramref name="order"/>.</summary>
    /// <exception cref="InvoiceRefusedException">The order cannot be invoiced; the message says why.</exception>
    public async Task<Invoice> IssueAsync(OrderToCashDbContext db, DeliveredOrder order, string? dunningInstanceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(order);
        var deliveredOn = order.DeliveredOn;
        var customer = await db.Set<Customer>().AsNoTracking().SingleAsync(c => c.Id == order.CustomerId, cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        var issueDate = DateOnly.FromDateTime(now.UtcDateTime);
        var number = await InvoiceNumbering.NextAsync(db, InvoiceNumbering.InvoicePrefix, issueDate, cancellationToken).ConfigureAwait(false);
        var dueDate = customer.PaymentTerms.DueDate(issueDate, deliveredOn);
        var late = await latePaymentTerms.ForDueDateAsync(db, dueDate, customer.Segment, order.GrossTotal, cancellationToken).ConfigureAwait(false);
        var seller = company.Value;
        if ((Siren.Problem(seller.Siren) ?? VatNumber.Problem(seller.VatNumber, seller.Siren)) is { } sellerProblem)
        {
            // An invoice without a valid seller identity is not a valid French invoice: stop rather than print it.
            throw new InvoiceRefusedException($"The seller's identity in the '{CompanyOptions.SectionName}' configuration is not valid: {sellerProblem}");
        }

        var invoice = new Invoice
        {
            Number = number,
            CustomerId = customer.Id,
            OrderId = order.OrderId,
            OrderNumber = order.OrderNumber,
            Currency = order.Currency,
            IssueDate = issueDate,
            DeliveryDate = deliveredOn,
            DueDate = dueDate,
            PaymentTermsText = customer.PaymentTerms.ToString(),
            NetAmount = order.NetTotal,
            VatAmount = order.VatTotal,
            GrossAmount = order.GrossTotal,
            Segment = customer.Segment,
            Salesperson = customer.Salesperson,
            ProductFamily = order.ProductFamily,
            SellerSiren = seller.Siren,
            SellerVatNumber = seller.VatNumber,
            CustomerSiren = customer.Siren,
            CustomerVatNumber = customer.VatNumber,
            PenaltyClause = late.Clause(dueDate),
            RecoveryIndemnity = late.IndemnityEur,
            DunningInstanceId = dunningInstanceId,
        };
        db.Add(invoice);
        return invoice;
    }
}

/// <summary>What invoicing needs of a delivered order: who, what totals, when delivered, and its main product family.</summary>
/// <param name="OrderId">The order's id, the invoice's link to it.</param>
/// <param name="OrderNumber">The order's number (SO-…), printed on the invoice.</param>
/// <param name="CustomerId">Who is billed.</param>
/// <param name="Currency">The order's currency.</param>
/// <param name="DeliveredOn">The delivery date, printed, and the start of terms counted from delivery.</param>
/// <param name="NetTotal">The order's net total.</param>
/// <param name="VatTotal">The order's VAT.</param>
/// <param name="GrossTotal">The order's total incl. VAT: what the invoice asks.</param>
/// <param name="ProductFamily">The family of the order's largest line (the invoice's, for the root-cause analysis).</param>
public sealed record DeliveredOrder(
    Guid OrderId, string OrderNumber, string CustomerId, string Currency, DateOnly DeliveredOn, decimal NetTotal, decimal VatTotal, decimal GrossTotal, string ProductFamily);

/// <summary>An order that cannot be invoiced as it stands: the workflow step fails into an incident with this message.</summary>
public sealed class InvoiceRefusedException(string message) : Exception(message);
