using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Payments;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Infrastructure.Security;

namespace OrderToCash.Host.Features.Payments;

/// <summary>Bank statements (camt.053): import one (credits applied or left to a collector's task), list the imported entries.</summary>
internal static class BankStatementEndpoints
{
    /// <summary>The largest statement body accepted, counted on the stream.</summary>
    private const int MaxStatementBytes = 16 * 1024 * 1024;

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
        var (xml, refusal) = await ReadXmlAsync(request, cancellationToken).ConfigureAwait(false);
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

    /// <summary>The body as XML text: an XML content type is required and the size is counted on the stream (as for BPMN files).</summary>
    private static async Task<(string Xml, IResult? Refusal)> ReadXmlAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(request.ContentType, out var media)
            || media.MediaType.Value is not { } type
            || !(type.Equals("application/xml", StringComparison.OrdinalIgnoreCase) || type.Equals("text/xml", StringComparison.OrdinalIgnoreCase)))
        {
            return (string.Empty, Results.Problem(
                title: $"The request body must be the camt.053 statement, sent as application/xml (Content-Type was '{request.ContentType}').",
                statusCode: StatusCodes.Status415UnsupportedMediaType));
        }

        var tooLarge = Results.Problem(title: $"The statement is larger than {MaxStatementBytes / 1024 / 1024} MB.", statusCode: StatusCodes.Status413PayloadTooLarge);
        if (request.ContentLength > MaxStatementBytes)
        {
            return (string.Empty, tooLarge);
        }

        using var body = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (body.Length + read > MaxStatementBytes)
            {
                return (string.Empty, tooLarge);
            }

            body.Write(buffer, 0, read);
        }

        body.Position = 0;
        using var reader = new StreamReader(body);
        var xml = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        return string.IsNullOrWhiteSpace(xml)
            ? (xml, Results.Problem(title: "The request body must be the camt.053 statement (XML); it was empty.", statusCode: StatusCodes.Status400BadRequest))
            : (xml, null);
    }
}

internal sealed record BankEntryView(
    string Account, string Reference, string StatementId, DateOnly BookedOn, decimal Amount, string Currency, string? DebtorName, string? DebtorIban,
    string? RemittanceInfo, string Outcome, string? MatchedBy, string? CustomerId, Guid? PaymentId, string? Reason, string ImportedBy, DateTimeOffset ImportedAt);
