using OrderToCash.Core.Infrastructure.Security;

namespace OrderToCash.UiTests.Infrastructure;

/// <summary>Users configured through Auth:Users, one per role the pages care about; password "&lt;user&gt;-secret".</summary>
internal static class UiUsers
{
    public const string ProcessOwner = "olivia";
    public const string CreditManager = "claire";

    /// <summary>The second credit manager, for the four-eyes release of a large order.</summary>
    public const string SecondCreditManager = "cyril";

    public const string SalesAdministration = "sabine";
    public const string Collector = "cora";

    /// <summary>The salesperson of the demo customers (Demo:Seed), who enters orders for them.</summary>
    public const string Salesperson = "salesperson";

    public const string Quality = "quentin";

    /// <summary>Manages users and operations: sees an incident's technical detail.</summary>
    public const string Administrator = "adrien";

    /// <summary>A customer's portal user: none of the back-office pages is for them.</summary>
    public const string Customer = "carl";

    /// <summary>The finance department: configured with the business role "Finance", which a process owner creates (ADR 0132).</summary>
    public const string Finance = "fanny";

    public const string FinanceRole = "Finance";

    /// <summary>A finance controller with no configured role: what they may do comes from an administrator's grants.</summary>
    public const string FinanceController = "felix";

    private static readonly (string UserName, string DisplayName, string? Role)[] People =
    [
        (ProcessOwner, "Olivia Martin", Roles.ProcessOwner),
        (CreditManager, "Claire Dubois", Roles.CreditManager),
        (SecondCreditManager, "Cyril Bernard", Roles.CreditManager),
        (SalesAdministration, "Sabine Garnier", Roles.SalesAdministration),
        (Collector, "Cora Petit", Roles.Collector),
        (Salesperson, "Sami Roux", Roles.Salesperson),
        (Quality, "Quentin Moreau", Roles.Quality),
        (Customer, "Carl Lefebvre", Roles.Customer),
        (Administrator, "Adrien Fabre", Roles.Administrator),
        (Finance, "Fanny Leroy", FinanceRole),
        (FinanceController, "Félix Garnier", null),
    ];

    public static string Password(string userName) => $"{userName}-secret";

    public static IEnumerable<KeyValuePair<string, string?>> Settings()
    {
        for (var i = 0; i < People.Length; i++)
        {
            var (userName, displayName, role) = People[i];
            yield return new($"Auth:Users:{i}:UserName", userName);
            yield return new($"Auth:Users:{i}:DisplayName", displayName);
            yield return new($"Auth:Users:{i}:PasswordHash", PasswordHashing.Hash(Password(userName)));
            if (role is not null)
            {
                yield return new($"Auth:Users:{i}:Roles:0", role);
            }

            if (role == Roles.Customer)
            {
                yield return new($"Auth:Users:{i}:CustomerId", "C-0001");
            }
        }
    }
}
