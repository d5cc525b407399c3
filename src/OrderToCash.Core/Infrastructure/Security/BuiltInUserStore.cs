namespace OrderToCash.Core.Infrastructure.Security;

/// <summary>The configured users, checked once at start: a mistake in the configuration stops the host with its reason.</summary>
public sealed class BuiltInUserStore
{
    private readonly Dictionary<string, BuiltInUser> users;

    public BuiltInUserStore(IEnumerable<BuiltInUser> configured)
    {
        ArgumentNullException.ThrowIfNull(configured);
        users = new Dictionary<string, BuiltInUser>(StringComparer.OrdinalIgnoreCase);
        var problems = new List<string>();
        var index = 0;
        foreach (var user in configured)
        {
            var where = $"Auth:Users:{index++}";
            if (string.IsNullOrWhiteSpace(user.UserName))
            {
                problems.Add($"{where}: UserName is empty.");
                continue;
            }

            if (!users.TryAdd(user.UserName, user))
            {
                problems.Add($"{where}: user '{user.UserName}' is configured twice.");
            }

            if (string.IsNullOrWhiteSpace(user.PasswordHash))
            {
                problems.Add($"{where}: user '{user.UserName}' has no PasswordHash (create one with 'o2c users hash-password').");
            }

            // A user may have no configured role: an administrator gives them business roles through the API (ADR 0132).
            // A configured role is built-in, or the name of a business role (a process owner creates it as data).
            foreach (var role in user.Roles.Where(r => !Roles.BuiltIn.Contains(r, StringComparer.Ordinal)))
            {
                if (RoleName.Problem(role) is { } problem)
                {
                    problems.Add($"{where}: user '{user.UserName}': {problem}");
                }
                else if (Roles.BuiltIn.FirstOrDefault(b => string.Equals(b, role, StringComparison.OrdinalIgnoreCase)) is { } builtIn)
                {
                    problems.Add($"{where}: user '{user.UserName}' has the role '{role}'; the built-in role is spelt '{builtIn}'.");
                }
            }

            if (user.Roles.Contains(Roles.Customer) && string.IsNullOrWhiteSpace(user.CustomerId))
            {
                problems.Add($"{where}: user '{user.UserName}' has the Customer role but no CustomerId.");
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The Auth configuration is invalid:" + Environment.NewLine + string.Join(Environment.NewLine, problems));
        }
    }

    public IReadOnlyCollection<BuiltInUser> Users => users.Values;

    /// <summary>The user of that name, or null.</summary>
    public BuiltInUser? Find(string userName) => users.GetValueOrDefault(userName);

    /// <summary>The user when the name and password match; null otherwise, without saying which was wrong.</summary>
    public BuiltInUser? Authenticate(string userName, string password)
    {
        if (users.TryGetValue(userName, out var user))
        {
            return PasswordHashing.Verify(user, password) ? user : null;
        }

        // Hash anyway, so that response times do not tell which user names exist.
        PasswordHashing.Verify(TimingDecoy, password);
        return null;
    }

    private static readonly BuiltInUser TimingDecoy = new() { PasswordHash = PasswordHashing.Hash(Guid.NewGuid().ToString()) };
}
