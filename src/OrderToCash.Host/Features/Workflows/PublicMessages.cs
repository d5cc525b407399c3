using System.Security.Claims;
using OrderToCash.Core.Infrastructure.Security;
using OrderToCash.Core.Invoicing;
using OrderToCash.Core.Processes;

namespace OrderToCash.Host.Features.Workflows;

/// <summary>
/// Which messages <c>POST /api/messages</c> accepts, from which roles (<c>Messages:Public</c>, e.g.
/// <c>"Messages": { "Public": { "CarrierScanned": [ "SalesAdministration" ] } }</c>). The messages the domain sends
/// (<see cref="CycleMessages.Internal"/>) are never accepted from outside, whatever the configuration says: the
/// configuration that lists one stops the host at start. Nothing is public unless configured. ADR 0093.
/// </summary>
internal sealed class PublicMessages
{
    public const string SectionName = "Messages:Public";

    private readonly Dictionary<string, string[]> _roles;

    public PublicMessages(IConfiguration configuration)
    {
        _roles = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var message in configuration.GetSection(SectionName).GetChildren())
        {
            var roles = message.GetChildren().Select(r => r.Value).OfType<string>().ToArray();
            if (CycleMessages.Internal.Contains(message.Key))
            {
                problems.Add($"'{message.Key}' is sent by the application itself and cannot be made public.");
            }

            problems.AddRange(roles.Where(r => !Roles.BuiltIn.Contains(r)).Select(r => $"'{message.Key}' names the unknown role '{r}' (roles: {string.Join(", ", Roles.BuiltIn)})."));
            _roles[message.Key] = roles;
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"The configuration section {SectionName} is invalid: {string.Join(" ", problems)}");
        }
    }

    /// <summary>Why <paramref name="user"/> may not post <paramref name="name"/>; null when they may.</summary>
    public string? Refusal(string name, ClaimsPrincipal user)
    {
        if (CycleMessages.Internal.Contains(name))
        {
            return $"The message '{name}' is sent by the application itself when the fact is recorded (for instance OrderDelivered by POST /api/orders/{{number}}/delivery); it cannot be posted.";
        }

        if (!_roles.TryGetValue(name, out var roles))
        {
            return $"The message '{name}' is not a public message; the messages that may be posted, and by which roles, are configured in {SectionName}.";
        }

        return roles.Any(user.IsInRole)
            ? null
            : $"The message '{name}' may be posted by {string.Join(", ", roles)} only ({SectionName}).";
    }
}
