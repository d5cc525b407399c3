namespace OrderToCash.Core.Demo;

/// <summary>
/// The people of the demo company, by role: the demo customers' salespeople and the back office who work the
/// simulated inboxes carry the user names the host's demo users sign in with, so each sees their own work.
/// </summary>
public static class DemoPeople
{
    /// <summary>Four-eyes releases need two different credit managers.</summary>
    public static readonly IReadOnlyList<string> CreditManagers = ["credit.manager", "credit.manager2"];

    public static readonly IReadOnlyList<string> Collectors = ["collector", "collector2"];

    /// <summary>Each demo customer belongs to one of them; a salesperson sees only their own accounts.</summary>
    public static readonly IReadOnlyList<string> Salespeople = ["salesperson", "salesperson2"];

    public const string SalesAdministration = "sales.admin";

    /// <summary>The collector in charge of a customer's account: the accounts are split between the two.</summary>
    public static string CollectorOf(string customerId) => Collectors[Math.Abs(StableHash(customerId)) % Collectors.Count];

    private static int StableHash(string text)
    {
        // string.GetHashCode is randomised per process: a seed must give the same people every run.
        var hash = 17;
        foreach (var c in text)
        {
            hash = unchecked((hash * 31) + c);
        }

        return hash == int.MinValue ? 0 : hash;
    }
}
