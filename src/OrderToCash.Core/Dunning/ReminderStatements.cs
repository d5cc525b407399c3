using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using OrderToCash.Core.Customers;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Invoicing;
using OrderToCash.Core.Documents;

namespace OrderToCash.Core.Dunning;

/// <summary>
/// The e-mailed reminders, grouped: the pending e-mail reminders of one customer and one step become one statement
/// (written in one transaction with the reminders marked as part of it), then each due statement is sent with the
/// Factur-X PDF of every invoice it lists. A temporary failure leaves it pending and retried after a doubling back-off;
/// a permanent refusal of the recipients is recorded as a bounce; the reminders follow their statement's status.
/// </summary>
public sealed class ReminderStatements(
    Func<OrderToCashDbContext> createContext, IStatementTransport transport, InvoiceDocuments documents, ReminderOptions options,
    IOptions<CompanyOptions> company, SmtpOptions smtp, LatePaymentTerms latePaymentTerms, TimeProvider clock)
{
    private const int BatchSize = 50;

    /// <summary>Groups, then sends what is due; returns the number of statements sent.</summary>
    public async Task<int> DeliverAsync(CancellationToken cancellationToken)
    {
        await ComposeAsync(cancellationToken).ConfigureAwait(false);
        return await SendDueAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Turns the pending e-mail reminders into statements, one per customer and step (one transaction).</summary>
    public async Task<int> ComposeAsync(CancellationToken cancellationToken)
    {
        await using var db = createContext();
        var pending = await db.Set<Reminder>()
            .Where(r => r.Status == ReminderDeliveryStatus.Pending && r.Channel == ReminderChannelKind.Email && r.StatementId == null)
            .OrderBy(r => r.CreatedAt)
            .Take(500)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (pending.Count == 0)
        {
            return 0;
        }

        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var composed = 0;
        foreach (var group in pending.GroupBy(r => (r.CustomerId, r.Step)).OrderBy(g => g.Key.CustomerId, StringComparer.Ordinal).ThenBy(g => g.Key.Step, StringComparer.Ordinal))
        {
            var customer = await db.Set<Customer>().AsNoTracking().SingleAsync(c => c.Id == group.Key.CustomerId, cancellationToken).ConfigureAwait(false);
            var ids = group.Select(r => r.InvoiceId).ToList();
            var invoices = await db.Set<Invoice>().AsNoTracking().Where(i => ids.Contains(i.Id)).ToListAsync(cancellationToken).ConfigureAwait(false);
            var asked = invoices.Where(i => i.DunnableAmount > 0m).OrderBy(i => i.DueDate).ThenBy(i => i.Number, StringComparer.Ordinal).ToList();
            foreach (var reminder in group.Where(r => asked.All(i => i.Id != r.InvoiceId)))
            {
                // Paid, credited or wholly disputed since the step decided: nothing is asked any more.
                reminder.Withdrawn(now, "Nothing left to ask on this invoice when the statement was made.");
            }

            if (asked.Count == 0)
            {
                continue;
            }

            var template = await ReminderTemplates.LatestAsync(db, group.Key.Step, cancellationToken).ConfigureAwait(false);
            var level = group.Max(r => r.Level);
            // The oldest invoice's semester: its ECB rate from the table now, or the legal formula while the table lacks it.
            var terms = await latePaymentTerms.ForDueDateAsync(db, asked[0].DueDate, customer.Segment, asked[0].DunnableAmount, cancellationToken).ConfigureAwait(false);
            var model = StatementModel.Create(customer, asked, terms, asked.Max(i => i.RecoveryIndemnity), company.Value, today);
            var (subject, body) = ReminderTemplates.Render(template, model);
            var statement = new ReminderStatement
            {
                CustomerId = customer.Id,
                Step = group.Key.Step,
                Level = level,
                TemplateVersion = template.Version,
                Recipients = string.Join(",", Recipients(customer, level)),
                Subject = subject,
                Body = body,
                InvoiceNumbers = string.Join(",", asked.Select(i => i.Number)),
                AmountAsked = asked.Sum(i => i.DunnableAmount),
                Currency = asked[0].Currency,
                CreatedAt = now,
                MessageId = string.Empty,
            };
            db.Add(statement);
            db.Entry(statement).Property(s => s.MessageId).CurrentValue = $"{statement.Id:N}@{Domain()}";
            foreach (var reminder in group.Where(r => asked.Any(i => i.Id == r.InvoiceId)))
            {
                reminder.StatementId = statement.Id;
            }

            composed++;
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return composed;
    }

    /// <summary>
    /// A dispute's Resend outcome: the invoice's Factur-X document sent again to the customer's accounts-payable contacts,
    /// as a statement added to the caller's unit of work (the resolution step's transaction: it exists if and only if the
    /// outcome is applied) and sent by the delivery job like any statement: retried with back-off, bounces recorded.
    /// </summary>
    public ReminderStatement ResendInvoice(OrderToCashDbContext db, Customer customer, Invoice invoice, string disputeNumber, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        return Enqueue(db, customer, ReminderStatement.InvoiceResendStep, $"Facture {invoice.Number} : nouvel envoi",
            [
                string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"Suite à votre réclamation {disputeNumber}, vous trouverez ci-joint un nouvel exemplaire de la facture {invoice.Number} du {invoice.IssueDate:dd/MM/yyyy}, d'un montant de {FrenchFormat.Amount(invoice.GrossAmount, invoice.Currency)} TTC, à échéance du {invoice.DueDate:dd/MM/yyyy}."),
                $"Reste à régler : {FrenchFormat.Amount(invoice.OpenAmount, invoice.Currency)}.",
            ],
            [invoice.Number], invoice.OpenAmount, invoice.Currency, now);
    }

    /// <summary>
    /// A dispute's CorrectedInvoice outcome: the credit note cancelling <paramref name="invoice"/> and its corrected
    /// invoice, both attached (Factur-X), sent to the accounts-payable contacts like a resend; written in the step's unit of work.
    /// </summary>
    public ReminderStatement SendCorrection(OrderToCashDbContext db, Customer customer, Invoice invoice, CreditNote note, Invoice corrected, string disputeNumber, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        ArgumentNullException.ThrowIfNull(note);
        ArgumentNullException.ThrowIfNull(corrected);
        return Enqueue(db, customer, ReminderStatement.InvoiceCorrectionStep, $"Facture {invoice.Number} : facture rectificative {corrected.Number}",
            [
                string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"Suite à votre réclamation {disputeNumber}, la facture {invoice.Number} du {invoice.IssueDate:dd/MM/yyyy} est annulée par l'avoir {note.Number} de {FrenchFormat.Amount(note.Amount, note.Currency)} TTC et remplacée par la facture rectificative {corrected.Number} de {FrenchFormat.Amount(corrected.GrossAmount, corrected.Currency)} TTC, à échéance du {corrected.DueDate:dd/MM/yyyy}."),
                "Vous trouverez ci-joint l'avoir et la facture rectificative.",
            ],
            [note.Number, corrected.Number], corrected.OpenAmount, corrected.Currency, now);
    }

    /// <summary>
    /// A workflow's e-mail step (<c>email.send</c>): a message to <paramref name="recipients"/>, about
    /// <paramref name="customerId"/> when given, added to the caller's unit of work (the step's transaction) and sent by
    /// the delivery job like any statement: retried with back-off, one Message-ID, bounces recorded.
    /// </summary>
    public ReminderStatement Notify(OrderToCashDbContext db, string? customerId, string subject, string body, IReadOnlyCollection<string> recipients, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        var statement = new ReminderStatement
        {
            CustomerId = customerId ?? string.Empty,
            Step = ReminderStatement.WorkflowEmailStep,
            Recipients = string.Join(",", recipients),
            Subject = subject,
            Body = body,
            InvoiceNumbers = string.Empty,
            Currency = "EUR",
            CreatedAt = now,
            MessageId = string.Empty,
        };
        db.Add(statement);
        db.Entry(statement).Property(s => s.MessageId).CurrentValue = $"{statement.Id:N}@{Domain()}";
        return statement;
    }

    private ReminderStatement Enqueue(
        OrderToCashDbContext db, Customer customer, string step, string subject, IEnumerable<string> paragraphs, IEnumerable<string> documentNumbers,
        decimal amountAsked, string currency, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(customer);
        var statement = new ReminderStatement
        {
            CustomerId = customer.Id,
            Step = step,
            Level = 0,
            Recipients = string.Join(",", Recipients(customer, 0)),
            Subject = subject,
            Body = string.Join("\n",
                [
                    "Madame, Monsieur,",
                    string.Empty,
                    .. paragraphs,
                    string.Empty,
                    "Nous restons à votre disposition pour toute question.",
                    string.Empty,
                    "Cordialement,",
                    company.Value.LegalName,
                ]),
            InvoiceNumbers = string.Join(",", documentNumbers),
            AmountAsked = amountAsked,
            Currency = currency,
            CreatedAt = now,
            MessageId = string.Empty,
        };
        db.Add(statement);
        db.Entry(statement).Property(s => s.MessageId).CurrentValue = $"{statement.Id:N}@{Domain()}";
        return statement;
    }

    /// <summary>Sends the statements whose (next) attempt is due, recording each outcome on its own.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        List<Guid> due;
        await using (var db = createContext())
        {
            due = await db.Set<ReminderStatement>()
                .Where(s => s.Status == StatementStatus.Pending && s.NextAttemptAt <= now)
                .OrderBy(s => s.CreatedAt)
                .Select(s => s.Id)
                .Take(BatchSize)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
        }

        var sent = 0;
        foreach (var id in due)
        {
            if (await SendOneAsync(id, cancellationToken).ConfigureAwait(false))
            {
                sent++;
            }
        }

        return sent;
    }

    private async Task<bool> SendOneAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = createContext();
        var statement = await db.Set<ReminderStatement>().SingleAsync(s => s.Id == id, cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        if (statement.RecipientList.Count == 0)
        {
            statement.Bounced($"Customer {statement.CustomerId} has no contact e-mail address: add one (accounts payable) to the customer, the next reminder will reach it.");
        }
        else
        {
            try
            {
                var message = await MessageAsync(db, statement, cancellationToken).ConfigureAwait(false);
                await transport.SendAsync(message, statement.CustomerId, cancellationToken).ConfigureAwait(false);
                statement.Sent(now);
            }
            catch (SmtpCommandException ex) when ((int)ex.StatusCode >= 500 && ex.ErrorCode == SmtpErrorCode.RecipientNotAccepted)
            {
                statement.Bounced($"Refused by the mail server ({(int)ex.StatusCode}): {ex.Mailbox?.Address} — {ex.Message}");
            }
            catch (Exception ex) when (ex is SmtpCommandException or SmtpProtocolException or ServiceNotConnectedException or ServiceNotAuthenticatedException
                or MailKit.Security.AuthenticationException or SocketException or IOException or TimeoutException or UnauthorizedAccessException
                || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                statement.Failed(ex.Message, now, options.RetryBackOff, options.MaxAttempts);
            }
        }

        var reminders = await db.Set<Reminder>().Where(r => r.StatementId == statement.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var reminder in reminders)
        {
            reminder.FollowStatement(statement.Status, statement.Attempts, statement.LastError, now);
        }

        // One save per statement: a crash after sending and before this save sends it again, with the same Message-ID.
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return statement.Status == StatementStatus.Sent;
    }

    private async Task<MimeMessage> MessageAsync(OrderToCashDbContext db, ReminderStatement statement, CancellationToken cancellationToken)
    {
        var message = new MimeMessage { Subject = statement.Subject, MessageId = statement.MessageId, Date = statement.CreatedAt };
        message.From.Add(Sender());
        foreach (var address in statement.RecipientList)
        {
            message.To.Add(MailboxAddress.Parse(address));
        }

        var body = new BodyBuilder { TextBody = statement.Body };
        // Invoices and credit notes (a correction sends both), each the customer's own.
        var customer = db.Set<Customer>().Where(c => c.Id == statement.CustomerId).Select(c => c.Id);
        foreach (var number in statement.InvoiceList)
        {
            var document = await documents.ByNumberAsync(db, number, customer, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"The statement {statement.Id} lists {number}, which is no document of customer {statement.CustomerId}.");
            body.Attachments.Add(document.FileName, document.Pdf, new ContentType("application", "pdf"));
        }

        message.Body = body.ToMessageBody();
        return message;
    }

    private MailboxAddress Sender() =>
        smtp.From is { } from && MailboxAddress.TryParse(from, out var parsed)
            ? parsed
            : new MailboxAddress(company.Value.LegalName, company.Value.ContactEmail ?? "recouvrement@localhost.example");

    private string Domain() => Sender().Domain is { Length: > 0 } domain ? domain : "ordertocash.example";

    /// <summary>Accounts payable first (everyone when nobody has that role); finance is copied from the final notice on.</summary>
    public static IEnumerable<string> Recipients(Customer customer, int level)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var payables = customer.Contacts.Where(c => c.Role == ContactRole.AccountsPayable).ToList();
        var chosen = payables.Count > 0 ? payables : customer.Contacts;
        var finance = level >= 4 ? customer.Contacts.Where(c => c.Role == ContactRole.Finance) : [];
        return chosen.Concat(finance).Select(c => c.Email).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal);
    }
}
