using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Infrastructure.Rules;
using OrderToCash.Core.Invoicing;
using OrderToCash.Engine.Rules;

namespace OrderToCash.Core.Customers;

/// <summary>
/// Creating, editing and importing customers: every draft checked (fields, SIREN/VAT, payment terms against the
/// <c>payment-terms</c> rules, uniqueness), each save one transaction with its <see cref="CustomerChange"/>.
/// </summary>
public sealed class CustomerMaster(OrderToCashDbContext db, RuleEvaluator evaluator, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Whether a user name is a salesperson; null when the host has no user list to check against.</summary>
    public Func<string, bool>? IsSalesperson { get; set; }

    public async Task<CustomerSaveResult> CreateAsync(CustomerDraft draft, string by, CancellationToken cancellationToken)
    {
        var problems = await CheckAsync(draft, existing: null, cancellationToken).ConfigureAwait(false);
        if (problems.Count > 0)
        {
            return CustomerSaveResult.Invalid(problems);
        }

        var customer = Add(draft, by, "Created");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return CustomerSaveResult.Saved(customer);
    }

    public async Task<CustomerSaveResult> UpdateAsync(string id, CustomerDraft draft, string by, CancellationToken cancellationToken)
    {
        var customer = await db.Set<Customer>().FirstOrDefaultAsync(c => c.Id == id, cancellationToken).ConfigureAwait(false)
            ?? throw new KeyNotFoundException($"Customer '{id}' was not found.");
        var problems = await CheckAsync(draft, customer, cancellationToken).ConfigureAwait(false);
        if (draft.InternalCreditLimit is { } limit && limit != customer.InternalCreditLimit)
        {
            problems["internalCreditLimit"] = [$"The credit limit ({customer.InternalCreditLimit:0.00}) changes through a credit-limit request decided by a credit manager, not by editing the customer."];
        }

        if (problems.Count > 0)
        {
            return CustomerSaveResult.Invalid(problems);
        }

        var before = Snapshot(customer);
        Apply(customer, draft);
        var changes = Diff(before, Snapshot(customer));
        if (changes.Count > 0)
        {
            db.Add(Change(customer.Id, by, "Updated", changes));
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        return CustomerSaveResult.Saved(customer);
    }

    /// <summary>
    /// Creates every customer of an import, or none: the problems of every line are returned (keyed "line N: field")
    /// and nothing is written when there is one.
    /// </summary>
    public async Task<CustomerSaveResult> ImportAsync(IReadOnlyList<(int Line, CustomerDraft Draft)> lines, string by, CancellationToken cancellationToken)
    {
        var problems = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var seenIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var seenSirens = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (line, draft) in lines)
        {
            var lineProblems = await CheckAsync(draft, existing: null, cancellationToken).ConfigureAwait(false);
            if (draft.Id is { } id && !seenIds.TryAdd(id, line))
            {
                lineProblems["id"] = [$"Customer id '{id}' is already on line {seenIds[id]}."];
            }

            if (draft.Siren is { } siren && !seenSirens.TryAdd(siren, line))
            {
                lineProblems["siren"] = [$"SIREN {siren} is already on line {seenSirens[siren]}."];
            }

            foreach (var (field, messages) in lineProblems)
            {
                problems[string.Create(CultureInfo.InvariantCulture, $"line {line}: {field}")] = messages;
            }
        }

        if (lines.Count == 0)
        {
            problems["file"] = ["The file has no customer line under its header."];
        }

        if (problems.Count > 0)
        {
            return CustomerSaveResult.Invalid(problems);
        }

        foreach (var (_, draft) in lines)
        {
            Add(draft, by, "Imported");
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return CustomerSaveResult.Saved(null, lines.Count);
    }

    /// <summary>The changes of a customer, newest first.</summary>
    public async Task<IReadOnlyList<CustomerChangeView>> HistoryAsync(string id, CancellationToken cancellationToken)
    {
        var changes = await db.Set<CustomerChange>().AsNoTracking().Where(c => c.CustomerId == id).OrderByDescending(c => c.Id).Take(200)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. changes.Select(c => new CustomerChangeView(c.ChangedAt, c.ChangedBy, c.Kind, JsonSerializer.Deserialize<List<FieldChange>>(c.Fields, Json) ?? []))];
    }

    /// <summary>Records a credit-limit decision in the customer's history (called in the decision's transaction).</summary>
    public static void RecordLimitChange(OrderToCashDbContext db, string customerId, decimal before, decimal after, string by, DateTimeOffset at) =>
        db.Add(new CustomerChange
        {
            CustomerId = customerId,
            ChangedAt = at,
            ChangedBy = by,
            Kind = "CreditLimitDecided",
            Fields = JsonSerializer.Serialize(new[] { new FieldChange("internalCreditLimit", Amount(before), Amount(after)) }, Json),
        });

    private async Task<Dictionary<string, List<string>>> CheckAsync(CustomerDraft draft, Customer? existing, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var problems = CustomerDraftCheck.Problems(draft, creating: existing is null, today, IsSalesperson);
        if (!problems.ContainsKey("paymentTermDays") && !problems.ContainsKey("paymentTermBasis"))
        {
            await CheckTermsAsync(draft, problems, cancellationToken).ConfigureAwait(false);
        }

        var id = existing?.Id ?? draft.Id;
        if (existing is null && !problems.ContainsKey("id") && await db.Set<Customer>().AnyAsync(c => c.Id == draft.Id, cancellationToken).ConfigureAwait(false))
        {
            problems["id"] = [$"Customer id '{draft.Id}' is already taken."];
        }

        if (!problems.ContainsKey("siren")
            && await db.Set<Customer>().Where(c => c.Siren == draft.Siren && c.Id != id).Select(c => c.Id).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false) is { } owner)
        {
            problems["siren"] = [$"SIREN {draft.Siren} is already customer {owner}'s."];
        }

        return problems;
    }

    /// <summary>The terms against the payment-terms rules in force (L441-10): the rules' own messages on refusal.</summary>
    private async Task CheckTermsAsync(CustomerDraft draft, Dictionary<string, List<string>> problems, CancellationToken cancellationToken)
    {
        // The contract data the L441-10 rules read: beyond the legal default only terms written in the contract.
        var terms = new PaymentTermsInput(draft.PaymentTermDays!.Value, draft.PaymentTermBasis!, draft.PaymentTermsAgreedInContract ?? false, draft.PeriodicInvoicing ?? false);
        RuleDecision decision;
        try
        {
            decision = await evaluator.EvaluateAsync(PaymentTermsInput.RuleSet, [terms], asOf: clock.GetUtcNow(), cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Engine.Rules.Store.RuleSetNotFoundException e)
        {
            problems["paymentTermDays"] = [$"The terms cannot be checked against L441-10: {e.Message}"];
            return;
        }

        var refusals = decision.FailedWhere("refusesWhenFailed");
        if (refusals.Count > 0)
        {
            problems["paymentTermDays"] = [.. refusals.Select(r => r.ErrorMessage ?? r.RuleName)];
        }
    }

    private Customer Add(CustomerDraft draft, string by, string kind)
    {
        var customer = new Customer
        {
            Id = draft.Id!,
            LegalName = string.Empty,
            Siren = string.Empty,
            VatNumber = string.Empty,
            BillingAddress = new Address(string.Empty, null, string.Empty, string.Empty, "FR"),
            Segment = string.Empty,
            Salesperson = string.Empty,
            PaymentTerms = PaymentTerms.LegalDefault,
            RiskClass = string.Empty,
            InternalCreditLimit = draft.InternalCreditLimit ?? 0m,
            AccountOpenedOn = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime),
        };
        Apply(customer, draft);
        db.Add(customer);
        db.Add(Change(customer.Id, by, kind, Diff(new Dictionary<string, string?>(StringComparer.Ordinal), Snapshot(customer))));
        return customer;
    }

    private static void Apply(Customer customer, CustomerDraft draft)
    {
        customer.LegalName = draft.LegalName!.Trim();
        customer.Siren = draft.Siren!;
        customer.VatNumber = draft.VatNumber!;
        customer.BillingAddress = new Address(draft.AddressLine1!.Trim(), string.IsNullOrWhiteSpace(draft.AddressLine2) ? null : draft.AddressLine2.Trim(), draft.PostalCode!.Trim(), draft.City!.Trim(), draft.CountryCode ?? "FR");
        customer.Segment = draft.Segment!;
        customer.Salesperson = draft.Salesperson!.Trim();
        customer.PaymentTerms = new PaymentTerms(draft.PaymentTermDays!.Value, Enum.Parse<PaymentTermBasis>(draft.PaymentTermBasis!));
        customer.RiskClass = draft.RiskClass!;
        customer.InsurerCover = draft.InsurerCover ?? 0m;
        customer.InsurerCoverExpiresOn = customer.InsurerCover > 0m ? draft.InsurerCoverExpiresOn : null;
        customer.NextReviewOn = draft.NextReviewOn;
        customer.PaidInvoicesCarriedOver = draft.PaidInvoicesCarriedOver ?? customer.PaidInvoicesCarriedOver;
        customer.PaymentTermsAgreedInContract = draft.PaymentTermsAgreedInContract ?? false;
        customer.PeriodicInvoicing = draft.PeriodicInvoicing ?? false;
        if (draft.Contacts is { } contacts)
        {
            // Checked by CustomerDraftCheck before we get here; the list replaces the previous one.
            customer.Contacts.Clear();
            customer.Contacts.AddRange(contacts.Select(c => CustomerContact.Create(c.Name!, c.Email!, Enum.Parse<ContactRole>(c.Role ?? nameof(ContactRole.AccountsPayable)))));
        }
    }

    /// <summary>The master data as the history shows it, one text per field (invariant culture).</summary>
    private static Dictionary<string, string?> Snapshot(Customer c) => new(StringComparer.Ordinal)
    {
        ["legalName"] = c.LegalName,
        ["siren"] = c.Siren,
        ["vatNumber"] = c.VatNumber,
        ["billingAddress"] = string.Join(", ", new[] { c.BillingAddress.Line1, c.BillingAddress.Line2, $"{c.BillingAddress.PostalCode} {c.BillingAddress.City}", c.BillingAddress.CountryCode }.Where(p => !string.IsNullOrEmpty(p))),
        ["segment"] = c.Segment,
        ["salesperson"] = c.Salesperson,
        ["paymentTerms"] = string.Create(CultureInfo.InvariantCulture, $"{c.PaymentTerms.Days} {c.PaymentTerms.Basis}"),
        ["riskClass"] = c.RiskClass,
        ["internalCreditLimit"] = Amount(c.InternalCreditLimit),
        ["insurerCover"] = Amount(c.InsurerCover),
        ["insurerCoverExpiresOn"] = c.InsurerCoverExpiresOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["nextReviewOn"] = c.NextReviewOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["paidInvoicesCarriedOver"] = c.PaidInvoicesCarriedOver.ToString(CultureInfo.InvariantCulture),
        ["paymentTermsAgreedInContract"] = c.PaymentTermsAgreedInContract ? "true" : "false",
        ["periodicInvoicing"] = c.PeriodicInvoicing ? "true" : "false",
        ["contacts"] = string.Join("; ", c.Contacts.Select(x => $"{x.Name} <{x.Email}> {x.Role}")),
    };

    private static string Amount(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static List<FieldChange> Diff(Dictionary<string, string?> before, Dictionary<string, string?> after) =>
        [.. after.Where(a => !string.Equals(before.GetValueOrDefault(a.Key), a.Value, StringComparison.Ordinal)).Select(a => new FieldChange(a.Key, before.GetValueOrDefault(a.Key), a.Value))];

    private CustomerChange Change(string customerId, string by, string kind, List<FieldChange> fields) => new()
    {
        CustomerId = customerId,
        ChangedAt = clock.GetUtcNow(),
        ChangedBy = by,
        Kind = kind,
        Fields = JsonSerializer.Serialize(fields, Json),
    };
}

/// <summary>A save's outcome: the problems by field (nothing was written), or the saved customer (or count imported).</summary>
public sealed record CustomerSaveResult(IReadOnlyDictionary<string, string[]> Problems, Customer? Customer, int Count)
{
    public bool IsValid => Problems.Count == 0;

    public static CustomerSaveResult Invalid(Dictionary<string, List<string>> problems) =>
        new(problems.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal), null, 0);

    public static CustomerSaveResult Saved(Customer? customer, int count = 1) => new(new Dictionary<string, string[]>(), customer, count);
}

/// <summary>A change as the history shows it.</summary>
public sealed record CustomerChangeView(DateTimeOffset ChangedAt, string ChangedBy, string Kind, IReadOnlyList<FieldChange> Fields);
