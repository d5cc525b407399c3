namespace OrderToCash.Core.Dunning;

/// <summary>The mail server statements are sent through when <c>Reminders:Channel</c> is <c>Smtp</c> (section <c>Smtp</c>).</summary>
public sealed class SmtpOptions
{
    public const string SectionName = "Smtp";

    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    /// <summary>The sender, e.g. "Minoterie Exemple &lt;recouvrement@minoterie-exemple.fr&gt;".</summary>
    public string? From { get; set; }

    /// <summary>Optional credentials (the password comes from a secret store or an environment variable, never a tracked file).</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>None, Auto (STARTTLS when offered), StartTls (required) or SslOnConnect.</summary>
    public string Security { get; set; } = "Auto";

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>What is wrong with the settings for sending (empty when they can be used).</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Host))
        {
            problems.Add("Smtp:Host is required when Reminders:Channel is Smtp.");
        }

        if (Port is < 1 or > 65535)
        {
            problems.Add($"Smtp:Port {Port} is not a TCP port.");
        }

        if (string.IsNullOrWhiteSpace(From) || !MimeKit.MailboxAddress.TryParse(From, out _))
        {
            problems.Add($"Smtp:From '{From}' is not a sender address such as \"Société <recouvrement@societe.fr>\".");
        }

        if (!Enum.TryParse<MailKit.Security.SecureSocketOptions>(Security, ignoreCase: true, out _))
        {
            problems.Add($"Smtp:Security '{Security}' must be None, Auto, StartTls or SslOnConnect.");
        }

        return problems;
    }
}
