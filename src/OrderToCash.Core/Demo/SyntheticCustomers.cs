using System.Globalization;
using OrderToCash.Core.Customers;
using OrderToCash.Core.Invoicing;

namespace OrderToCash.Core.Demo;

/// <summary>A synthetic customer: its master record, how it pays, and how often it orders.</summary>
internal sealed record SyntheticCustomer(Customer Customer, CustomerBehaviour Behaviour, double OrdersPerWorkingDay, decimal TypicalOrderNet);

/// <summary>
/// Generates the simulation's customers from the seeded random source: a realistic B2B mix of segments (10 % key
/// accounts, 60 % standard, 30 % small), payment terms the payment-terms rules allow, limits by segment, and behaviours
/// (55 % on-time payers, 25 % late payers, 12 % disputers, 8 % in difficulty).
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

    public static string IdPrefix(int seed) => string.Create(CultureInfo.InvariantCulture, $"SIM{seed}-");

    /// <summary>The named demo customers, each with a behaviour that shows one side of the product on the portal.</summary>
    public static IReadOnlyList<SyntheticCustomer> Demo(DateOnly start)
    {
        CustomerBehaviour[] behaviours =
        [
            CustomerBehaviour.LatePayer, CustomerBehaviour.OnTimePayer, CustomerBehaviour.Disputer, CustomerBehaviour.OnTimePayer,
            CustomerBehaviour.Disputer, CustomerBehaviour.InDifficulty, CustomerBehaviour.LatePayer, CustomerBehaviour.OnTimePayer,
        ];
        return [.. Core.Demo.DemoCustomers.Create(start).Select((c, i) => new SyntheticCustomer(c, behaviours[i % behaviours.Length], 0.25, c.Segment == "Key" ? 6_000m : 2_000m))];
    }

    public static IReadOnlyList<SyntheticCustomer> Create(int count, int seed, DateOnly start, Random random)
    {
        var customers = new List<SyntheticCustomer>(count);
        for (var n = 1; n <= count; n++)
        {
            var segmentRoll = random.NextDouble();
            // Orders per working day: a key account about twice a month, a standard account every two to three months,
            // a small one twice a year (about 5,600 orders a year for 1,000 customers).
            var (segment, limit, cover, ordersPerDay, typical) = segmentRoll switch
            {
                < 0.10 => ("Key", 200_000m, 100_000m, 0.08, 6_000m),
                < 0.70 => ("Standard", 60_000m, 30_000m, 0.018, 1_800m),
                _ => ("Small", 15_000m, 0m, 0.008, 600m),
            };
            var behaviourRoll = random.NextDouble();
            var behaviour = behaviourRoll switch
            {
                < 0.55 => CustomerBehaviour.OnTimePayer,
                < 0.80 => CustomerBehaviour.LatePayer,
                < 0.92 => CustomerBehaviour.Disputer,
                _ => CustomerBehaviour.InDifficulty,
            };
            var risk = behaviour == CustomerBehaviour.InDifficulty ? "D" : "ABC"[random.Next(3)].ToString();
            // One account in ten is new: the new-customer cap (5,000 EUR until 3 paid invoices and 6 months) applies.
            var openedOn = random.NextDouble() < 0.10 ? start.AddDays(-random.Next(10, 90)) : start.AddDays(-random.Next(200, 4_000));
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
                    PaymentTerms = Terms[random.Next(Terms.Length)],
                    InternalCreditLimit = limit,
                    InsurerCover = cover,
                    RiskClass = risk,
                    AccountOpenedOn = openedOn,
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
