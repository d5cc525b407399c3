using System.Globalization;
using OrderToCash.Core.Customers;
using OrderToCash.Core.Invoicing;

namespace OrderToCash.Core.Demo;

/// <summary>A synthetic customer: its master record, how it pays, and how often it orders.</summary>
internal sealed record SyntheticCustomer(Customer Customer, CustomerBehaviour Behaviour, double OrdersPerWorkingDay, decimal TypicalOrderNet);

/// <summary>
/// Generates the simulation's customers from the seeded random source: a realistic French B2B mix of segments (10 % key
/// accounts, 60 % standard, 30 % small), payment terms the payment-terms rules allow, and behaviours (45 % on-time
/// payers, 35 % late payers, 12 % disputers, 8 % in difficulty: about half of French companies pay late, mostly by two
/// or three weeks). A limit is what a credit manager grants: the exposure
/// the customer's usual purchases make over its payment terms, with headroom, part of it covered by a credit insurer;
/// an established account brings its paid invoices from the previous system (go-live), a new one starts capped.
/// </summary>
internal static class SyntheticCustomers
{
    private static readonly PaymentTerms[] Terms =
    [
        PaymentTerms.LegalDefault,
        new(30, PaymentTermBasis.InvoiceDate),
        new(45, PaymentTermBasis.EndOfMonth),
        new(60, PaymentTermBasis.InvoiceDate),
    ];

    /// <summary>About 21 working days a month, 250 a year.</summary>
    private const double WorkingDaysPerMonth = 21;

    /// <summary>An order is 1 to 3 lines of 1 to 10 units at 50 % to 150 % of a tenth of the typical order: 1.1 × typical on average, incl. 20 % VAT.</summary>
    private const decimal MeanOrderGrossFactor = 1.1m * 1.2m;

    public static string IdPrefix(int seed) => string.Create(CultureInfo.InvariantCulture, $"SIM{seed}-");

    /// <summary>
    /// The named demo customers, each with a behaviour that shows one side of the product on the portal and the order
    /// rhythm of its trade: the bakery chain and the hotel group order every week or so, the workshop once a month.
    /// </summary>
    public static IReadOnlyList<SyntheticCustomer> Demo(DateOnly start)
    {
        (CustomerBehaviour Behaviour, double OrdersPerDay, decimal TypicalNet)[] profiles =
        [
            (CustomerBehaviour.LatePayer, 0.20, 1_500m),   // C-0001 bakery chain, weekly deliveries
            (CustomerBehaviour.OnTimePayer, 0.30, 6_000m), // C-0002 key account, several orders a week
            (CustomerBehaviour.Disputer, 0.05, 900m),      // C-0003 small workshop, monthly
            (CustomerBehaviour.LatePayer, 0.10, 1_200m),   // C-0004 veterinary clinic, every two weeks
            (CustomerBehaviour.Disputer, 0.25, 5_000m),    // C-0005 hotel group, weekly
            (CustomerBehaviour.InDifficulty, 0.04, 800m),  // C-0006 joinery in difficulty, less than monthly
            (CustomerBehaviour.LatePayer, 0.15, 2_000m),   // C-0007 pharmacy, every week or two
            (CustomerBehaviour.OnTimePayer, 0.05, 1_500m), // C-0008 start-up opened recently, monthly
        ];
        return [.. Core.Demo.DemoCustomers.Create(start).Select((c, i) =>
        {
            var (behaviour, perDay, typical) = profiles[i % profiles.Length];
            c.PaidInvoicesCarriedOver = CarriedOver(c.AccountOpenedOn, start, perDay, behaviour);
            return new SyntheticCustomer(c, behaviour, perDay, typical);
        })];
    }

    public static IReadOnlyList<SyntheticCustomer> Create(int count, int seed, DateOnly start, Random random)
    {
        var customers = new List<SyntheticCustomer>(count);
        for (var n = 1; n <= count; n++)
        {
            // One account in ten is new: the new-customer cap (5,000 EUR until 3 paid invoices and 6 months) applies.
            var isNew = random.NextDouble() < 0.10;
            var segmentRoll = random.NextDouble();
            // Orders per working day: a key account about twice a month, a standard account every two to three months,
            // a small one twice a year (about 5,600 orders a year for 1,000 customers).
            var (segment, ordersPerDay, typical, insured) = segmentRoll switch
            {
                // A key account is an established relationship: a new account is not one yet.
                < 0.10 when !isNew => ("Key", 0.08, 6_000m, 0.9),
                < 0.70 => ("Standard", 0.018, 1_800m, 0.6),
                _ => ("Small", 0.008, 600m, 0.2),
            };
            var behaviourRoll = random.NextDouble();
            var behaviour = behaviourRoll switch
            {
                < 0.45 => CustomerBehaviour.OnTimePayer,
                < 0.80 => CustomerBehaviour.LatePayer,
                < 0.92 => CustomerBehaviour.Disputer,
                _ => CustomerBehaviour.InDifficulty,
            };
            var riskRoll = random.NextDouble();
            var risk = behaviour == CustomerBehaviour.InDifficulty ? "D" : riskRoll < 0.3 ? "A" : riskRoll < 0.7 ? "B" : "C";
            var openedOn = isNew ? start.AddDays(-random.Next(10, 90)) : start.AddDays(-random.Next(200, 4_000));
            var terms = Terms[random.Next(Terms.Length)];
            var (internalLimit, cover) = Limit(ordersPerDay, typical, terms, random.NextDouble() < insured, random);
            var siren = Siren(random);
            var id = string.Create(CultureInfo.InvariantCulture, $"{IdPrefix(seed)}{n:D5}");
            customers.Add(new SyntheticCustomer(
                new Customer
                {
                    Id = id,
                    LegalName = string.Create(CultureInfo.InvariantCulture, $"Client simulé {n:D5}"),
                    Siren = siren,
                    VatNumber = VatNumber.ForSiren(siren),
                    BillingAddress = new Address(string.Create(CultureInfo.InvariantCulture, $"{random.Next(1, 200)} rue du Commerce"), null, "75011", "Paris", "FR"),
                    Segment = segment,
                    Salesperson = string.Create(CultureInfo.InvariantCulture, $"sim-sales-{n % 25:D2}"),
                    PaymentTerms = terms,
                    InternalCreditLimit = internalLimit,
                    InsurerCover = cover,
                    RiskClass = risk,
                    AccountOpenedOn = openedOn,
                    PaidInvoicesCarriedOver = CarriedOver(openedOn, start, ordersPerDay, behaviour),
                    Contacts = [CustomerContact.Create("Comptabilité fournisseurs", string.Create(CultureInfo.InvariantCulture, $"comptabilite@{id.ToLowerInvariant()}.example"), ContactRole.AccountsPayable)],
                },
                behaviour,
                ordersPerDay,
                typical));
        }

        foreach (var synthetic in customers)
        {
            // Terms beyond the legal default are written in the contract (L441-10 I).
            synthetic.Customer.PaymentTermsAgreedInContract = synthetic.Customer.PaymentTerms != PaymentTerms.LegalDefault;
        }

        return customers;
    }

    /// <summary>
    /// The limit a credit manager grants: the exposure the usual purchases make while unpaid (the terms, plus a month of
    /// orders not yet invoiced and payment delays), and at least three usual orders for an account that orders rarely but
    /// in one go, times 1.5 to 2.5 for seasonal peaks, rounded up to 5,000 EUR. An insured customer has 40 % to 70 % of it covered by the credit insurer, the rest is the internal limit.
    /// </summary>
    private static (decimal InternalLimit, decimal Cover) Limit(double ordersPerDay, decimal typicalNet, PaymentTerms terms, bool insured, Random random)
    {
        var monthlyGross = (decimal)(ordersPerDay * WorkingDaysPerMonth) * typicalNet * MeanOrderGrossFactor;
        var termMonths = (terms.Days + (terms.Basis == PaymentTermBasis.EndOfMonth ? 15 : 0)) / 30m;
        var exposure = Math.Max(monthlyGross * (termMonths + 1m), 3m * typicalNet * MeanOrderGrossFactor);
        var limit = Math.Max(5_000m, Math.Ceiling(exposure * (decimal)(1.5 + random.NextDouble()) / 5_000m) * 5_000m);
        var cover = insured ? Math.Round(limit * (decimal)(0.4 + (0.3 * random.NextDouble())) / 1_000m) * 1_000m : 0m;
        return (limit - cover, cover);
    }

    /// <summary>
    /// The invoices an established customer paid in the previous system over the last two years (its orders, less those
    /// still unpaid or given up), carried over at go-live; none for an account opened less than six months ago.
    /// </summary>
    private static int CarriedOver(DateOnly openedOn, DateOnly start, double ordersPerDay, CustomerBehaviour behaviour)
    {
        var days = Math.Min(730, start.DayNumber - openedOn.DayNumber);
        if (days < 180)
        {
            return 0;
        }

        var paidShare = behaviour == CustomerBehaviour.InDifficulty ? 0.7 : 0.95;
        return (int)(ordersPerDay * days * 5 / 7 * paidShare);
    }

    /// <summary>Eight random digits and the Luhn key that makes a valid SIREN.</summary>
    private static string Siren(Random random)
    {
        var digits = new int[9];
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            digits[i] = random.Next(i == 0 ? 1 : 0, 10);
            // From the right, the key is position 1; the payload digits in even positions are doubled.
            var value = i % 2 == 1 ? digits[i] * 2 : digits[i];
            sum += value > 9 ? value - 9 : value;
        }

        digits[8] = (10 - (sum % 10)) % 10;
        return string.Concat(digits.Select(d => (char)('0' + d)));
    }
}
