using System.Globalization;
using OrderToCash.Core.Customers;
using OrderToCash.Core.Invoicing;

namespace OrderToCash.Core.Dunning;

/// <summary>
/// Renders a ladder step's reminder for its channel when it is written to the outbox, in French, so what is delivered
/// (and what a user reads later) is exactly what was decided then: the pre-due notice and the formal reminder by e-mail
/// (sent grouped per customer as a statement from the step's Liquid template, <see cref="ReminderStatements"/>; the
/// formal one states the penalty rate and the €40 indemnity), the final notice and the legal hand-over by registered
/// letter, the cordial call as a phone task for the salesperson.
/// </summary>
public static class ReminderRenderer
{
    public static Reminder Render(Invoice invoice, Customer customer, string step, ReminderDecision decision, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(decision);
        var due = Amount(invoice.DunnableAmount, invoice.Currency);
        var dueDate = invoice.DueDate.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        var penalties = decision.PenaltyRatePercent is { } rate
            ? $"des pénalités de retard au taux annuel de {Rate(rate)} % (taux de refinancement de la BCE + 10 points, art. L441-10 du Code de commerce)"
            : $"des pénalités de retard au taux figurant sur la facture ({invoice.PenaltyClause})";
        var indemnity = Amount(decision.IndemnityEur > 0m ? decision.IndemnityEur : invoice.RecoveryIndemnity, invoice.Currency);
        var disputedNote = invoice.DisputedAmount > 0m
            ? $" La part contestée ({Amount(invoice.DisputedAmount, invoice.Currency)}) n'est pas réclamée tant que la contestation est en cours."
            : string.Empty;
        var letterAddress = $"{customer.LegalName}, {customer.BillingAddress.Line1}, {customer.BillingAddress.PostalCode} {customer.BillingAddress.City}";
        var accountsPayable = $"Service comptabilité fournisseurs, {customer.LegalName}";
        var (channel, recipient, subject, body) = step switch
        {
            "PreDueNotice" => (ReminderChannelKind.Email, accountsPayable,
                $"Facture {invoice.Number} : échéance le {dueDate}",
                $"Madame, Monsieur,\n\nLa facture {invoice.Number} de {Amount(invoice.GrossAmount, invoice.Currency)} arrive à échéance le {dueDate} ; il reste {due} à régler.{disputedNote}\n"
                + "Vous est-elle bien parvenue, et quelque chose en empêche-t-il le paiement ? Dites-le-nous dès maintenant, nous le réglerons avant l'échéance.\n"),
            DunningWorkflow.SalespersonCall => (ReminderChannelKind.PhoneTask, invoice.Salesperson,
                $"Appeler {customer.LegalName} au sujet de la facture {invoice.Number}",
                $"{customer.LegalName} n'a pas réglé la facture {invoice.Number}, échue le {dueDate} : {due} sont en retard.{disputedNote}\n"
                + "Appelez votre contact, cordialement, demandez pourquoi la facture n'est pas payée et notez la raison du retard dans votre tâche.\n"),
            "FormalReminder" => (ReminderChannelKind.Email, accountsPayable,
                $"Relance : facture {invoice.Number} échue",
                $"Madame, Monsieur,\n\nMalgré son échéance du {dueDate}, la facture {invoice.Number} reste impayée : nous vous demandons de régler {due} sans délai.{disputedNote}\n"
                + $"Comme indiqué sur la facture, {penalties} courent depuis le lendemain de l'échéance, et une indemnité forfaitaire pour frais de recouvrement de {indemnity} est due (art. D441-5 du Code de commerce).\n"),
            "FinalNotice" => (ReminderChannelKind.Letter, letterAddress,
                $"Mise en demeure : facture {invoice.Number}",
                $"Lettre recommandée avec accusé de réception.\n\nNous vous mettons en demeure de régler {due} au titre de la facture {invoice.Number}, échue le {dueDate}, sous huit jours.{disputedNote}\n"
                + $"À défaut de paiement dans ce délai, la créance sera transmise au recouvrement contentieux. Sont dues {penalties} ainsi que l'indemnité forfaitaire de recouvrement de {indemnity}.\n"),
            DunningWorkflow.LegalHandOver => (ReminderChannelKind.Letter, letterAddress,
                $"Facture {invoice.Number} transmise au recouvrement contentieux",
                $"Lettre recommandée avec accusé de réception.\n\nNotre mise en demeure concernant la facture {invoice.Number} ({due} dus depuis le {dueDate}) est restée sans effet : la créance est transmise au recouvrement contentieux, avec {penalties} et l'indemnité forfaitaire de recouvrement de {indemnity}.\n"),
            _ => (ReminderChannelKind.Email, accountsPayable,
                $"Facture {invoice.Number} : relance ({step})",
                $"Facture {invoice.Number}, échue le {dueDate} : il reste {due} à régler.{disputedNote}\n"),
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
            PenaltyRatePercent = decision.PenaltyRatePercent,
            Currency = invoice.Currency,
            CreatedAt = now,
        };
    }

    /// <summary>1 234,56 € — French grouping (no-break space) and decimal comma.</summary>
    public static string Amount(decimal amount, string currency) => FrenchFormat.Amount(amount, currency);

    private static string Rate(decimal rate) => rate.ToString("0.00", CultureInfo.InvariantCulture).Replace('.', ',');
}
