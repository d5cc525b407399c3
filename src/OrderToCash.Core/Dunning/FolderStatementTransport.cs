using MimeKit;

namespace OrderToCash.Core.Dunning;

/// <summary>
/// Development channel: each statement is written as <c>&lt;outbox&gt;/&lt;customer&gt;/statement-&lt;id&gt;.eml</c>, the
/// exact message an SMTP server would get (open it in a mail client). Rewriting the same file makes a repeat harmless.
/// </summary>
public sealed class FolderStatementTransport(string folder) : IStatementTransport
{
    public async Task SendAsync(MimeMessage message, string customerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var directory = Path.Combine(folder, Safe(customerId));
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"statement-{Safe(message.MessageId ?? Guid.NewGuid().ToString())}.eml");
        var temporary = path + ".tmp";
        await message.WriteToAsync(temporary, cancellationToken).ConfigureAwait(false);
        File.Move(temporary, path, overwrite: true);
    }

    private static string Safe(string name)
    {
        var invalid = Path.GetInvalidFileNameChars();
        return new string([.. name.Select(c => invalid.Contains(c) || c is '.' or '@' ? '_' : c)]);
    }
}
