namespace OrderToCash.Core.Infrastructure.Security;

/// <summary>The configured API keys, checked once at start like the users: a mistake stops the host with its reason.</summary>
public sealed class ApiKeyStore
{
    private readonly List<ApiKey> keys = [];

    public ApiKeyStore(IEnumerable<ApiKey> configured)
    {
        ArgumentNullException.ThrowIfNull(configured);
        var problems = new List<string>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var index = 0;
        foreach (var key in configured)
        {
            var where = $"Auth:ApiKeys:{index++}";
            if (string.IsNullOrWhiteSpace(key.Name) || !names.Add(key.Name))
            {
                problems.Add($"{where}: Name is empty or used twice ('{key.Name}').");
            }

            if (!key.KeyHash.StartsWith(ApiKeyHashing.Prefix, StringComparison.OrdinalIgnoreCase) || key.KeyHash.Length != ApiKeyHashing.Prefix.Length + 64)
            {
                problems.Add($"{where}: KeyHash must be 'sha256:' and 64 hex digits (create one with 'o2c users create-api-key'); never put the key itself in configuration.");
            }

            if (key.Roles.Count == 0)
            {
                problems.Add($"{where}: key '{key.Name}' has no role.");
            }

            foreach (var role in key.Roles.Where(r => !Roles.BuiltIn.Contains(r, StringComparer.Ordinal)))
            {
                problems.Add($"{where}: key '{key.Name}' has unknown role '{role}'; known roles: {string.Join(", ", Roles.BuiltIn)}.");
            }

            if (key.Roles.Contains(Roles.Customer) && string.IsNullOrWhiteSpace(key.CustomerId))
            {
                problems.Add($"{where}: key '{key.Name}' has the Customer role but no CustomerId.");
            }

            keys.Add(key);
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The Auth configuration is invalid:" + Environment.NewLine + string.Join(Environment.NewLine, problems));
        }
    }

    /// <summary>The key's configuration when it matches one; null otherwise.</summary>
    public ApiKey? Authenticate(string presented) => keys.FirstOrDefault(k => ApiKeyHashing.Matches(presented, k.KeyHash));
}
