using MimeKit;

namespace OrderToCash.Core.Dunning;

/// <summary>
/// Where a statement's e-mail goes: a mail server (<see cref="SmtpStatementTransport"/>) or, in development, a folder
/// of .eml files (<see cref="FolderStatementTransport"/>). Sending the same message twice must be harmless for the
/// folder and is recognisable for a mail server (same Message-ID).
/// </summary>
public interface IStatementTransport
{
    Task SendAsync(MimeMessage message, string customerId, CancellationToken cancellationToken);
}
