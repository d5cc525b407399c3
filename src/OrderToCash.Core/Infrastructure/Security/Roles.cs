namespace OrderToCash.Core.Infrastructure.Security;

/// <summary>The roles of the order-to-cash cycle (see docs/CONTEXT.md); each API call requires one of them.</summary>
public static class Roles
{
    public const string ProcessOwner = "ProcessOwner";
    public const string CreditManager = "CreditManager";
    public const string SalesAdministration = "SalesAdministration";
    public const string Salesperson = "Salesperson";
    public const string Collector = "Collector";
    public const string Quality = "Quality";
    public const string Customer = "Customer";

    /// <summary>The finance department (direction financière): answers the approvals process owners give it in workflows.</summary>
    public const string Finance = "Finance";

    /// <summary>Manages users and configuration; has no business role by itself.</summary>
    public const string Administrator = "Administrator";

    public static readonly IReadOnlyList<string> All =
        [ProcessOwner, CreditManager, SalesAdministration, Salesperson, Collector, Quality, Customer, Finance, Administrator];
}
