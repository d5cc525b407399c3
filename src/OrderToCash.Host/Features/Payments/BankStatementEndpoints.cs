using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Payments;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Infrastructure.Security;

namespace OrderToCash.Host.Features.Payments;

/// <summary>Bank statements (camt.053): import one (credits applied or left to a collector's task), list the imported entries.</summary>
internal static class BankStatementEndpoints
{
    /// <summary>The statement body: camt.053 XML, at most 16 MB counted on the stream.</summary>
    private static readonly XmlRequestBody Statement = new(
        "the camt.053 statement", "The statement", "The request body must be the camt.053 statement (XML); it was empty.", 16 * 1024 * 1024, AcceptsPlusXml: false);

    public static void MapBankStatements(this IEndpointRouteBuilder endpoints)
    {
        var statements = endpoints.MapGroup("/api/bank-statements").WithTags("Bank statements");
        statements.MapPost("/", ImportStatementAsync).RequireAuthorization(p => p.RequireRole(Roles.Collector))
            .WithSummary("Import a camt.053 bank statement (XML body)").Produces<BankStatementImportResult>()
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        statements.MapGet("/entries", ListEntriesAsync).RequireAuthorization(p => p.RequireRole(Roles.Collector, Roles.CreditManager))
            .WithSummary("List imported bank entries").Produces<IEnumerable<BankEntryView>>();
    }

    private static async Task<IResult> ImportStatementAsync(HttpRequest request, ClaimsPrincipal user, BankStatementImport import, CancellationToken cancellationToken)
    {
        var (xml, refusal) = await Statement.ReadAsync(request, cancellationToken).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }

        var (file, problems) = Camt053Reader.Read(xml);
        if (file is null)
        {
            return Results.ValidationProblem(
                problems.GroupBy(p => p.Line > 0 ? $"line {p.Line}" : "file").ToDictionary(g => g.Key, g => g.Select(p => p.ToString()).ToArray()),
                title: $"The bank statement was not imported (nothing was written): {problems[0]}",
                statusCode: StatusCodes.Status422UnprocessableEntity);
        }

        var result = await import.ImportAsync(file, user.Identity!.Name!, cancellationToken).ConfigureAwait(false);
        return Results.Ok(result);
    }

    private static async Task<IResult> ListEntriesAsync(bool? unapplied, OrderToCashDbContext db, CancellationToken cancellationToken)
    {
        var query = db.Set<BankStatementEntry>().AsNoTracking();
        if (unapplied == true)
        {
            query = query.Where(e => e.Outcome == BankEntryOutcome.Unapplied);
        }

        var entries = await query.OrderByDescending(e => e.BookedOn).ThenBy(e => e.Reference).Take(500).ToListAsync(cancellationToken).ConfigureAwait(false);
        return Results.Ok(entries.Select(e => new BankEntryView(
            e.Account, e.Reference, e.StatementId, e.BookedOn, e.Amount, e.Currency, e.DebtorName, e.DebtorIban, e.RemittanceInfo,
            e.Outcome.ToString(), e.MatchedBy, e.CustomerId, e.PaymentId, e.Reason, e.ImportedBy, e.ImportedAt)));
    }
}

internal sealed record BankEntryView(
    string Account, string Reference, string StatementId, DateOnly BookedOn, decimal Amount, string Currency, string? DebtorName, string? DebtorIban,
    string? RemittanceInfo, string Outcome, string? MatchedBy, string? CustomerId, Guid? PaymentId, string? Reason, string ImportedBy, DateTimeOffset ImportedAt);
