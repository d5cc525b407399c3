using OrderToCash.Core.Infrastructure.Security;

namespace OrderToCash.IntegrationTests.Infrastructure;

/// <summary>
/// Users configured through Auth:Users, one per built-in role, each with password "&lt;user&gt;-secret"; "fanny" has no
/// configured role: she gets business roles through the API (ADR 0132).
/// </summary>
internal static class TestUsers
{
    public static readonly (string UserName, string? Role, string? CustomerId)[] People =
    [
        ("olivia", Roles.ProcessOwner, null),
        ("claire", Roles.CreditManager, null),
        ("sam", Roles.Salesperson, null),
        ("salesperson", Roles.Salesperson, null),
        ("cora", Roles.Collector, null),
        ("quentin", Roles.Quality, null),
        ("carl", Roles.Customer, "C-0001"),
        ("ada", Roles.Administrator, null),
        ("sandra", Roles.SalesAdministration, null),
        ("fanny", null, null),
    ];

    private static readonly Lazy<(string Key, string? Value)[]> Cached = new(Build);

    public static string Password(string userName) => $"{userName}-secret";

    public static (string Key, string? Value)[] Settings => Cached.Value;

    private static (string Key, string? Value)[] Build()
    {
        var settings = new List<(string, string?)>();
        for (var i = 0; i < People.Length; i++)
        {
            var (userName, role, customerId) = People[i];
            settings.Add(($"Auth:Users:{i}:UserName", userName));
            settings.Add(($"Auth:Users:{i}:PasswordHash", PasswordHashing.Hash(Password(userName))));
            if (role is not null)
            {
                settings.Add(($"Auth:Users:{i}:Roles:0", role));
            }

            settings.Add(($"Auth:Users:{i}:CustomerId", customerId));
        }

        return [.. settings];
    }
}
