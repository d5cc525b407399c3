namespace OrderToCash.Core.Infrastructure.Security;

/// <summary>
/// An API key for an integration (bank feed, e-invoicing platform, ERP), configured in <c>Auth:ApiKeys</c>. Only the
/// key's SHA-256 is stored: a key is 32 random bytes, so a fast hash is enough (there is no dictionary to try), and
/// every request can be checked without the cost of a password hash.
/// </summary>
public sealed class ApiKey
{
    /// <summary>Who uses the key; the name requests are made under (audit, decisions).</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>"sha256:" followed by the hex SHA-256 of the key (<c>o2c users create-api-key</c> produces both).</summary>
    public string KeyHash { get; set; } = string.Empty;

    [System.Text.Json.Serialization.JsonObjectCreationHandling(System.Text.Json.Serialization.JsonObjectCreationHandling.Populate)]
    public IList<string> Roles { get; } = [];

    /// <summary>For a customer's integration: the only customer whose data the key may see.</summary>
    public string? CustomerId { get; set; }
}
