using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OrderToCash.Core.Customers;
using OrderToCash.Core.Dunning;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Infrastructure.Security;
using OrderToCash.Core.Invoicing;
using OrderToCash.Host.Features.Customers;
using OrderToCash.Host.Features.Invoicing;

namespace OrderToCash.Host.Features.Dunning;

/// <summary>
/// The Liquid templates of the e-mailed reminder steps, edited by the credit manager: read (latest and versions),
/// preview on a real invoice (nothing written), save as the next version; and the statements sent (customer scope).
/// </summary>
internal static class ReminderTemplateEndpoints
{
    public static void MapReminderTemplates(this IEndpointRouteBuilder endpoints)
    {
        var templates = endpoints.MapGroup("/api/reminder-templates").WithTags("Reminder templates").RequireAuthorization(p => p.RequireRole(Roles.CreditManager, Roles.Collector));
        templates.MapGet("/", ListAsync)
            .WithSummary("The current template of each e-mailed reminder step").Produces<List<TemplateView>>();
        templates.MapGet("/{step}/versions", VersionsAsync)
            .WithSummary("Every version of a step's template, newest first").Produces<IEnumerable<TemplateView>>().ProducesProblem(StatusCodes.Status404NotFound);
        templates.MapPut("/{step}", SaveAsync).RequireAuthorization(p => p.RequireRole(Roles.CreditManager))
            .WithSummary("Save a step's template (Liquid) as its next version").Produces<TemplateView>(StatusCodes.Status201Created)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status404NotFound);
        templates.MapPost("/{step}/preview", PreviewAsync)
            .WithSummary("Render a step's template (or an edited text) on a real invoice; writes nothing").Produces<TemplatePreview>()
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status404NotFound);
        endpoints.MapGet("/api/reminder-statements", StatementsAsync).WithTags("Reminders").RequireAuthorization(p => p.RequireRole(CustomerScope.ReaderRoles))
            .WithSummary("The reminder statements sent or pending, per customer, with their delivery status").Produces<IEnumerable<StatementView>>();
    }

    private static async Task<IResult> ListAsync(OrderToCashDbContext db, CancellationToken cancellationToken)
    {
        var list = new List<TemplateView>();
        foreach (var step in ReminderTemplates.EmailedSteps)
        {
            list.Add(View(await ReminderTemplates.LatestAsync(db, step, cancellationToken).ConfigureAwait(false)));
        }

        return Results.Ok(list);
    }

    private static async Task<IResult> VersionsAsync(string step, OrderToCashDbContext db, CancellationToken cancellationToken) =>
        ReminderTemplates.EmailedSteps.Contains(step)
            ? Results.Ok((await ReminderTemplates.VersionsAsync(db, step, cancellationToken).ConfigureAwait(false)).Select(View))
            : throw new KeyNotFoundException($"Step '{step}' has no e-mail template; the e-mailed steps are {string.Join(", ", ReminderTemplates.EmailedSteps)}.");

    private static async Task<IResult> SaveAsync(string step, TemplateRequest body, ClaimsPrincipal user, OrderToCashDbContext db, ReminderTemplates templates, CancellationToken cancellationToken)
    {
        var saved = await templates.SaveAsync(db, step, body.Subject, body.Body, user.Identity!.Name!, body.Comment, cancellationToken).ConfigureAwait(false);
        return Results.Created($"/api/reminder-templates/{step}/versions", View(saved));
    }

    /// <summary>
    /// The statement the template gives on real data, in the edited or the latest version: the named invoice's customer
    /// with that invoice, or (customerId) the customer's statement of every open invoice with something to ask. The
    /// penalty terms are those of the oldest invoice's due date (ECB rate table, or the legal formula when it lacks the semester).
    /// </summary>
    private static async Task<IResult> PreviewAsync(
        string step, PreviewRequest body, OrderToCashDbContext db, IOptions<CompanyOptions> company, LatePaymentTerms latePaymentTerms, TimeProvider clock, CancellationToken cancellationToken)
    {
        var latest = ReminderTemplates.EmailedSteps.Contains(step)
            ? await ReminderTemplates.LatestAsync(db, step, cancellationToken).ConfigureAwait(false)
            : throw new KeyNotFoundException($"Step '{step}' has no e-mail template; the e-mailed steps are {string.Join(", ", ReminderTemplates.EmailedSteps)}.");
        var template = new ReminderTemplate { Step = step, Version = latest.Version, Subject = body.Subject ?? latest.Subject, Body = body.Body ?? latest.Body, Author = "preview" };
        if (ReminderTemplates.Check(template.Subject, template.Body) is { Count: > 0 } problems)
        {
            return VisibleInvoices.Invalid("The template cannot be previewed", new Dictionary<string, string[]> { ["template"] = [.. problems] });
        }

        List<Invoice> invoices;
        if (!string.IsNullOrWhiteSpace(body.InvoiceNumber))
        {
            invoices = [await db.Set<Invoice>().AsNoTracking().FirstOrDefaultAsync(i => i.Number == body.InvoiceNumber, cancellationToken).ConfigureAwait(false)
                ?? throw new KeyNotFoundException($"Invoice '{body.InvoiceNumber}' was not found.")];
        }
        else if (!string.IsNullOrWhiteSpace(body.CustomerId))
        {
            // Open invoices (the asked amount is computed in memory: open − disputed is no column).
            var open = await db.Set<Invoice>().AsNoTracking().Where(i => i.CustomerId == body.CustomerId && i.SettledOn == null)
                .OrderBy(i => i.DueDate).ThenBy(i => i.Number).Take(200).ToListAsync(cancellationToken).ConfigureAwait(false);
            invoices = [.. open.Where(i => i.DunnableAmount > 0m)];
            if (invoices.Count == 0)
            {
                throw new KeyNotFoundException($"Customer '{body.CustomerId}' has no open invoice with anything to ask.");
            }
        }
        else
        {
            return VisibleInvoices.Invalid("The preview needs real data", new Dictionary<string, string[]> { ["invoiceNumber"] = ["Name an invoice (invoiceNumber) or a customer (customerId) to preview the statement on."] });
        }

        var customer = await db.Set<Customer>().AsNoTracking().SingleAsync(c => c.Id == invoices[0].CustomerId, cancellationToken).ConfigureAwait(false);
        var oldest = invoices.MinBy(i => i.DueDate)!;
        var terms = await latePaymentTerms.ForDueDateAsync(db, oldest.DueDate, customer.Segment, oldest.DunnableAmount, cancellationToken).ConfigureAwait(false);
        var model = StatementModel.Create(customer, invoices, terms, invoices.Max(i => i.RecoveryIndemnity), company.Value, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        var (subject, text) = ReminderTemplates.Render(template, model, cache: false);
        return Results.Ok(new TemplatePreview(step, subject, text, [.. ReminderStatements.Recipients(customer, 3)], [.. invoices.Select(i => i.Number)], invoices.Sum(i => i.DunnableAmount), customer.Currency));
    }

    private static async Task<IResult> StatementsAsync(string? customer, ClaimsPrincipal user, OrderToCashDbContext db, CancellationToken cancellationToken)
    {
        var customers = VisibleInvoices.CustomerIds(db, user);
        var query = db.Set<ReminderStatement>().AsNoTracking().Where(s => customers.Contains(s.CustomerId));
        if (!string.IsNullOrWhiteSpace(customer))
        {
            query = query.Where(s => s.CustomerId == customer);
        }

        var statements = await query.OrderByDescending(s => s.CreatedAt).Take(200).ToListAsync(cancellationToken).ConfigureAwait(false);
        return Results.Ok(statements.Select(s => new StatementView(
            s.Id, s.CustomerId, s.Step, s.Level, s.TemplateVersion, s.RecipientList, s.Subject, s.Body, s.InvoiceList,
            s.AmountAsked, s.Currency, s.CreatedAt, s.Status.ToString(), s.Attempts, s.NextAttemptAt, s.SentAt, s.LastError)));
    }

    private static TemplateView View(ReminderTemplate t) => new(t.Step, t.Version, t.Language, t.Subject, t.Body, t.Author, t.Comment, t.CreatedAt);
}

internal sealed record TemplateView(string Step, int Version, string Language, string Subject, string Body, string Author, string? Comment, DateTimeOffset CreatedAt);

/// <summary>A rendered statement: what the customer would read, to whom, on which invoices, and the amount asked (open − disputed).</summary>
internal sealed record TemplatePreview(string Step, string Subject, string Body, IReadOnlyList<string> Recipients, IReadOnlyList<string> Invoices, decimal AmountAsked, string Currency);

/// <summary>One reminder statement (relevé): the overdue invoices of a customer at one step, and where its delivery stands.</summary>
internal sealed record StatementView(Guid Id, string CustomerId, string Step, int Level, int TemplateVersion, IReadOnlyList<string> Recipients, string Subject, string Body,
    IReadOnlyList<string> Invoices, decimal AmountAsked, string Currency, DateTimeOffset CreatedAt, string Status, int Attempts, DateTimeOffset NextAttemptAt,
    DateTimeOffset? SentAt, string? LastError);

internal sealed record TemplateRequest(string? Subject, string? Body, string? Comment);

internal sealed record PreviewRequest(string? InvoiceNumber, string? Subject, string? Body, string? CustomerId = null);
