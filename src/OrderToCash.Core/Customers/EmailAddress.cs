using System.Net.Mail;

namespace OrderToCash.Core.Customers;

/// <summary>An e-mail address a reminder can be sent to: one mailbox, local part @ a domain with a dot, no display name.</summary>
public static class EmailAddress
{
    /// <summary>Null when valid, otherwise why not.</summary>
    public static string? Problem(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return "The e-mail address is missing.";
        }

        if (email.Length > 254)
        {
            return $"E-mail address '{email[..40]}…' is longer than 254 characters.";
        }

        if (!MailAddress.TryCreate(email, out var parsed) || parsed.Address != email || !string.IsNullOrEmpty(parsed.DisplayName))
        {
            return $"E-mail address '{email}' is not a single address like comptabilite@exemple.fr.";
        }

        var domain = parsed.Host;
        return domain.Contains('.', StringComparison.Ordinal) && !domain.StartsWith('.') && !domain.EndsWith('.')
            ? null
            : $"E-mail address '{email}' has no domain with a dot after the @.";
    }
}
