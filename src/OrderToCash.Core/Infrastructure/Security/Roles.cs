namespace OrderToCash.Core.Infrastructure.Security;

/// <summary>
/// The built-in roles of the order-to-cash cycle (see docs/CONTEXT.md): each API call requires one of them. Process
/// owners add business roles as data (<see cref="RoleDirectory"/>, ADR 0132), for the tasks of their workflows.
/// </summary>
public static class Roles
{
    public const string ProcessOwner = "ProcessOwner";
    public const string CreditManager = "CreditManager";
    public const string SalesAdministration = "SalesAdministration";
    public const string Salesperson = "Salesperson";
    public const string Collector = "Collector";
    public const string Quality = "Quality";
    public const string Customer = "Customer";

    /// <summary>Manages users and configuration; has no business role by itself.</summary>
    public const string Administrator = "Administrator";

    public static readonly IReadOnlyList<string> BuiltIn =
        [ProcessOwner, CreditManager, SalesAdministration, Salesperson, Collector, Quality, Customer, Administrator];
}
