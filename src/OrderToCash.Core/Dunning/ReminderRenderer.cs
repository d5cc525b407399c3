using System.Globalization;
using OrderToCash.Core.Customers;
using OrderToCash.Core.Invoicing;

namespace OrderToCash.Core.Dunning;

/// <summary>
/// Renders a ladder step's reminder for its channel when it is written to the outbox, so what is delivered (and what a
/// user reads later) is exactly what was decided then: the pre-due notice and the formal reminder by e-mail (the formal
/// one states the penalty rate and the €40 indemnity), the final notice and the legal hand-over by registered letter,
/// the cordial call as a phone task for the salesperson.
/// </summary>
public static class ReminderRenderer
{
    public static Reminder Render(Invoice invoice, Customer customer, string step, ReminderDecision decision, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(decision);
        var due = Amount(invoice.DunnableAmount, invoice.Currency);
        var dueDate = invoice.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var penalties = decision.PenaltyRatePercent is { } rate
            ? string.Create(CultureInfo.InvariantCulture, $"late-payment penalties at {rate:0.00}% a year (ECB refinancing rate + 10 points, Code de commerce L441-10)")
            : $"late-payment penalties as printed on the invoice ({invoice.PenaltyClause})";
        var indemnity = Amount(decision.IndemnityEur > 0m ? decision.IndemnityEur : invoice.RecoveryIndemnity, invoice.Currency);
        var disputedNote = invoice.DisputedAmount > 0m
            ? $" The part under dispute ({Amount(invoice.DisputedAmount, invoice.Currency)}) is not claimed until the dispute is resolved."
            : string.Empty;
        var letterAddress = $"{customer.LegalName}, {customer.BillingAddress.Line1}, {customer.BillingAddress.PostalCode} {customer.BillingAddress.City}";
        var (channel, recipient, subject, body) = step switch
        {
            "PreDueNotice" => (ReminderChannelKind.Email, $"Accounts payable, {customer.LegalName}",
                $"Invoice {invoice.Number} falls due on {dueDate}",
                $"Dear customer,\n\nInvoice {invoice.Number} of {Amount(invoice.GrossAmount, invoice.Currency)} falls due on {dueDate}; {due} remains to be paid.{disputedNote}\n"
                + "Has it reached you, and is anything stopping its payment? Tell us now and we will fix it before the due date.\n"),
            DunningWorkflow.SalespersonCall => (ReminderChannelKind.PhoneTask, invoice.Salesperson,
                $"Call {customer.LegalName} about invoice {invoice.Number}",
                $"{customer.LegalName} has not paid invoice {invoice.Number}, due on {dueDate}: {due} is overdue.{disputedNote}\n"
                + "Please call your contact cordially, ask why the invoice is unpaid and record the reason for the delay in your task.\n"),
            "FormalReminder" => (ReminderChannelKind.Email, $"Accounts payable, {customer.LegalName}",
                $"Reminder: invoice {invoice.Number} is overdue",
                $"Dear customer,\n\nDespite the due date of {dueDate}, invoice {invoice.Number} is unpaid: we ask you to pay {due} without delay.{disputedNote}\n"
                + $"As stated on the invoice, {penalties} run from the day after the due date, and a fixed recovery indemnity of {indemnity} is due for late payment (Code de commerce D441-5).\n"),
            "FinalNotice" => (ReminderChannelKind.Letter, letterAddress,
                $"Final notice (mise en demeure): invoice {invoice.Number}",
                $"Registered letter with acknowledgement of receipt.\n\nFormal notice to pay {due} on invoice {invoice.Number}, due on {dueDate}, within eight days.{disputedNote}\n"
                + $"Without payment in that time the claim will be handed over to legal collection. {char.ToUpperInvariant(penalties[0])}{penalties[1..]} and the recovery indemnity of {indemnity} are due.\n"),
            DunningWorkflow.LegalHandOver => (ReminderChannelKind.Letter, letterAddress,
                $"Invoice {invoice.Number} handed over to legal collection",
                $"Registered letter with acknowledgement of receipt.\n\nOur final notice about invoice {invoice.Number} ({due} due since {dueDate}) remained without effect: the claim is handed over to legal collection, with {penalties} and the recovery indemnity of {indemnity}.\n"),
            _ => (ReminderChannelKind.Email, $"Accounts payable, {customer.LegalName}",
                $"Invoice {invoice.Number}: reminder ({step})",
                $"Invoice {invoice.Number}, due on {dueDate}: {due} remains to be paid.{disputedNote}\n"),
        };
        return new Reminder
        {
            InvoiceId = invoice.Id,
            InvoiceNumber = invoice.Number,
            CustomerId = invoice.CustomerId,
            Step = step,
            Level = decision.Level,
            Channel = channel,
            Recipient = recipient,
            Subject = subject,
            Body = body,
            AmountDue = invoice.DunnableAmount,
            Currency = invoice.Currency,
            CreatedAt = now,
        };
    }

    private static string Amount(decimal amount, string currency) => string.Create(CultureInfo.InvariantCulture, $"{amount:#,##0.00} {currency}");
}
