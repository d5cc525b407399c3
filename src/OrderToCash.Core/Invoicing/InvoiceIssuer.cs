using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OrderToCash.Core.Credit;
using OrderToCash.Core.Customers;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Infrastructure.Rules;
using OrderToCash.Core.Numbering;
using OrderToCash.Core.Orders;
using OrderToCash.Engine.Rules;
using OrderToCash.Engine.Rules.Decisions;

namespace OrderToCash.Core.Invoicing;

/// <summary>
/// Issues the invoice of a delivered order inside the caller's unit of work (the workflow step's): the next number of
/// the year's gapless series, the due date from the customer's terms once the <c>payment-terms</c> rules allow them,
/// the French mandatory mentions, and the exposure's move from delivered-not-invoiced to open receivables (ADR 0042).
/// </summary>
public sealed class InvoiceIssuer(RuleEvaluator evaluator, LatePaymentTerms latePaymentTerms, IOptions<CompanyOptions> company, TimeProvider clock)
{
    public const string TermsSubjectType = "invoice";

    /// <summary>Issues (or, when the step runs again, finds) the invoice of <paramref name="orderNumber"/>.</summary>
    /// <exception cref="InvoiceRefusedException">The order cannot be invoiced; the message says why.</exception>
    public async Task<Invoice> IssueAsync(OrderToCashDbContext db, string orderNumber, string? dunningInstanceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var order = await db.Set<Order>().FirstOrDefaultAsync(o => o.Number == orderNumber, cancellationToken).ConfigureAwait(false)
            ?? throw new InvoiceRefusedException($"Order '{orderNumber}' was not found: nothing to invoice.");
        if (await db.Set<Invoice>().FirstOrDefaultAsync(i => i.OrderId == order.Id, cancellationToken).ConfigureAwait(false) is { } issued)
        {
            return issued;
        }

        if (order is not { Status: OrderStatus.Delivered, DeliveredOn: { } deliveredOn })
        {
            throw new InvoiceRefusedException($"Order {order.Number} is {order.Status}: only a delivered order is invoiced.");
        }

        var customer = await db.Set<Customer>().AsNoTracking().SingleAsync(c => c.Id == order.CustomerId, cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        var issueDate = DateOnly.FromDateTime(now.UtcDateTime);
        var number = await InvoiceNumbering.NextAsync(db, InvoiceNumbering.InvoicePrefix, issueDate, cancellationToken).ConfigureAwait(false);
        await CheckTermsAsync(db, number, customer, now, cancellationToken).ConfigureAwait(false);
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
            OrderId = order.Id,
            OrderNumber = order.Number,
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
            ProductFamily = order.Lines.OrderByDescending(l => l.NetAmount).ThenBy(l => l.LineNumber).Select(l => l.ProductFamily).FirstOrDefault() ?? "General",
            SellerSiren = seller.Siren,
            SellerVatNumber = seller.VatNumber,
            CustomerSiren = customer.Siren,
            CustomerVatNumber = customer.VatNumber,
            PenaltyClause = late.Clause(dueDate),
            RecoveryIndemnity = late.IndemnityEur,
            DunningInstanceId = dunningInstanceId,
        };
        var exposure = await db.Set<CreditExposure>().SingleAsync(e => e.CustomerId == order.CustomerId, cancellationToken).ConfigureAwait(false);
        order.MarkInvoiced(exposure);
        db.Add(invoice);
        return invoice;
    }

    /// <summary>The customer's terms against the <c>payment-terms</c> rules; the decision is kept with the invoice's number.</summary>
    private async Task CheckTermsAsync(OrderToCashDbContext db, string invoiceNumber, Customer customer, DateTimeOffset at, CancellationToken cancellationToken)
    {
        // The customer master holds the terms and whether the contract states them (and periodic invoicing).
        var terms = PaymentTermsInput.For(customer);
        var decision = await evaluator.EvaluateAsync(PaymentTermsInput.RuleSet, [terms], at, cancellationToken).ConfigureAwait(false);
        var refusals = decision.FailedWhere("refusesWhenFailed");
        if (refusals.Count > 0)
        {
            throw new InvoiceRefusedException(
                $"Customer {customer.Id}'s payment terms ({customer.PaymentTerms}) are not allowed by the payment-terms rules (version {decision.Version.Version}): "
                + string.Join(" ", refusals.Select(r => r.ErrorMessage ?? r.RuleName))
                + " Correct the customer's terms, then retry the incident.");
        }

        db.Add(decision.RecordFor(new DecisionSubject(TermsSubjectType, invoiceNumber)));
    }
}

/// <summary>An order that cannot be invoiced as it stands: the workflow step fails into an incident with this message.</summary>
public sealed class InvoiceRefusedException(string message) : Exception(message);
