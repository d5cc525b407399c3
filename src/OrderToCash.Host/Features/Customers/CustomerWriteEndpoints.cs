using System.Security.Claims;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Customers;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Infrastructure.Security;

namespace OrderToCash.Host.Features.Customers;

/// <summary>
/// The customer master's writes: create, edit, import a CSV (all or nothing), read the change history. Sales
/// administration and the credit manager edit; a salesperson reads the history of their own accounts only.
/// </summary>
internal static class CustomerWriteEndpoints
{
    public static readonly string[] EditorRoles = [Roles.SalesAdministration, Roles.CreditManager];

    /// <summary>An onboarding file larger than this is refused before it is read.</summary>
    private const int MaxImportBytes = 4 * 1024 * 1024;

    public static void MapCustomerWrites(this IEndpointRouteBuilder endpoints)
    {
        var customers = endpoints.MapGroup("/api/customers").WithTags("Customers");
        customers.MapPost("/", CreateAsync).RequireAuthorization(p => p.RequireRole(EditorRoles))
            .WithSummary("Create a customer (a credit limit only from a credit manager)").Produces<CustomerId>(StatusCodes.Status201Created).ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        customers.MapPut("/{id}", UpdateAsync).RequireAuthorization(p => p.RequireRole(EditorRoles))
            .WithSummary("Change a customer's master data; every change is kept in its history").Produces<CustomerId>().ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        customers.MapPost("/import", ImportAsync).RequireAuthorization(p => p.RequireRole(EditorRoles)).DisableAntiforgery()
            .WithSummary("Import customers from a CSV file: every line created, or none with the problems by line")
            .Produces<ImportedCustomers>().ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        customers.MapGet("/{id}/history", HistoryAsync).RequireAuthorization(p => p.RequireRole([.. EditorRoles, Roles.Salesperson]))
            .WithSummary("The changes made to a customer: who, when, which fields").Produces<IReadOnlyList<CustomerChangeView>>().ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> CreateAsync(CustomerDraft body, ClaimsPrincipal user, CustomerMaster master, BuiltInUserStore users, CancellationToken cancellationToken)
    {
        if (body.InternalCreditLimit is > 0m && !user.IsInRole(Roles.CreditManager))
        {
            return Invalid("The customer was not created", new Dictionary<string, string[]>
            {
                ["internalCreditLimit"] = ["Only a credit manager grants a credit limit: create the customer with 0, then ask for a limit (credit-limit request)."],
            });
        }

        master.IsSalesperson = SalespersonCheck(users);
        var result = await master.CreateAsync(body, user.Identity!.Name!, cancellationToken).ConfigureAwait(false);
        return result.IsValid
            ? Results.Created($"/api/customers/{result.Customer!.Id}", new CustomerId(result.Customer.Id))
            : Invalid("The customer was not created", result.Problems);
    }

    private static async Task<IResult> UpdateAsync(string id, CustomerDraft body, ClaimsPrincipal user, CustomerMaster master, BuiltInUserStore users, CancellationToken cancellationToken)
    {
        master.IsSalesperson = SalespersonCheck(users);
        var result = await master.UpdateAsync(id, body, user.Identity!.Name!, cancellationToken).ConfigureAwait(false);
        return result.IsValid ? Results.Ok(new CustomerId(result.Customer!.Id)) : Invalid($"Customer {id} was not changed", result.Problems);
    }

    /// <summary>A CSV file as the body (text/csv, UTF-8): every line created, or none with the problems by line.</summary>
    private static async Task<IResult> ImportAsync(HttpRequest request, ClaimsPrincipal user, CustomerMaster master, BuiltInUserStore users, CancellationToken cancellationToken)
    {
        if (request.ContentLength is > MaxImportBytes)
        {
            return Invalid("The file was not imported", new Dictionary<string, string[]> { ["file"] = [$"The file is larger than {MaxImportBytes / 1024 / 1024} MB: split it."] });
        }

        var buffer = new char[MaxImportBytes + 1];
        using var reader = new StreamReader(request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var read = 0;
        int chunk;
        while (read <= MaxImportBytes && (chunk = await reader.ReadAsync(buffer.AsMemory(read, buffer.Length - read), cancellationToken).ConfigureAwait(false)) > 0)
        {
            read += chunk;
        }

        if (read > MaxImportBytes)
        {
            return Invalid("The file was not imported", new Dictionary<string, string[]> { ["file"] = [$"The file is larger than {MaxImportBytes / 1024 / 1024} MB: split it."] });
        }

        var (lines, problems) = CustomerCsv.Read(new string(buffer, 0, read));
        if (problems.Count > 0)
        {
            return Invalid("The file was not imported (nothing was created)", problems.ToDictionary(p => p.Key, p => p.Value.ToArray()));
        }

        master.IsSalesperson = SalespersonCheck(users);
        var result = await master.ImportAsync(lines, user.Identity!.Name!, cancellationToken).ConfigureAwait(false);
        return result.IsValid
            ? Results.Ok(new ImportedCustomers(result.Count))
            : Invalid("The file was not imported (nothing was created)", result.Problems);
    }

    private static async Task<IResult> HistoryAsync(string id, ClaimsPrincipal user, OrderToCashDbContext db, CustomerMaster master, CancellationToken cancellationToken)
    {
        if (!await db.Set<Customer>().AsNoTracking().VisibleTo(user).AnyAsync(c => c.Id == id, cancellationToken).ConfigureAwait(false))
        {
            return Results.Problem(title: $"Customer '{id}' was not found.", statusCode: StatusCodes.Status404NotFound);
        }

        return Results.Ok(await master.HistoryAsync(id, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>A salesperson must be a configured user with the role; with no such user configured, any name is taken.</summary>
    private static Func<string, bool>? SalespersonCheck(BuiltInUserStore users)
    {
        var salespeople = users.Users.Where(u => u.Roles.Contains(Roles.Salesperson)).Select(u => u.UserName).ToHashSet(StringComparer.Ordinal);
        return salespeople.Count == 0 ? null : salespeople.Contains;
    }

    private static IResult Invalid(string what, IReadOnlyDictionary<string, string[]> problems) =>
        Results.ValidationProblem(problems.ToDictionary(), title: $"{what}: " + string.Join(" ", problems.Values.SelectMany(m => m).Take(20)), statusCode: StatusCodes.Status422UnprocessableEntity);
}
