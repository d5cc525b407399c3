using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace OrderToCash.Core.Dunning;

/// <summary>Sends statements through the configured SMTP server with MailKit (TLS as configured, optional authentication).</summary>
public sealed class SmtpStatementTransport(SmtpOptions options) : IStatementTransport
{
    public async Task SendAsync(MimeMessage message, string customerId, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient { Timeout = (int)options.Timeout.TotalMilliseconds };
        var security = Enum.Parse<SecureSocketOptions>(options.Security, ignoreCase: true);
        await client.ConnectAsync(options.Host ?? throw new InvalidOperationException("Smtp:Host is not set."), options.Port, security, cancellationToken).ConfigureAwait(false);
        if (!string.IsNullOrEmpty(options.UserName))
        {
            await client.AuthenticateAsync(options.UserName, options.Password ?? string.Empty, cancellationToken).ConfigureAwait(false);
        }

        await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
        await client.DisconnectAsync(quit: true, cancellationToken).ConfigureAwait(false);
    }
}
