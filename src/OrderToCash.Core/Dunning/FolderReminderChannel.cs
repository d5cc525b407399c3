using System.Globalization;
using System.Text;

namespace OrderToCash.Core.Dunning;

/// <summary>
/// The default channel: each reminder becomes a text file <c>&lt;outbox&gt;/&lt;customer&gt;/&lt;invoice&gt;-&lt;step&gt;.txt</c>
/// that a user can read (its delivery status is in the database). Rewriting the same file makes a repeated delivery harmless.
/// </summary>
public sealed class FolderReminderChannel(string folder) : IReminderChannel
{
    public string Folder { get; } = folder;

    public static string RelativePath(Reminder reminder)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        return Path.Combine(Safe(reminder.CustomerId), $"{Safe(reminder.InvoiceNumber)}-{Safe(reminder.Step)}.txt");
    }

    public async Task DeliverAsync(Reminder reminder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        var path = Path.Combine(Folder, RelativePath(reminder));
        // Reminders name customers and amounts: the outbox and its files are readable by their owner only.
        Infrastructure.Persistence.OwnerOnlyFiles.CreateFolder(Folder);
        Infrastructure.Persistence.OwnerOnlyFiles.CreateFolder(Path.GetDirectoryName(path)!);
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"Channel: {reminder.Channel}\n")
            .Append(CultureInfo.InvariantCulture, $"To: {reminder.Recipient}\n")
            .Append(CultureInfo.InvariantCulture, $"Subject: {reminder.Subject}\n")
            .Append(CultureInfo.InvariantCulture, $"Date: {reminder.CreatedAt:yyyy-MM-dd}\n\n")
            .Append(reminder.Body)
            .ToString();
        // Written beside, then moved: a reader never sees half a reminder.
        var temporary = path + ".tmp";
        await using (var writer = new StreamWriter(temporary, Encoding.UTF8, Infrastructure.Persistence.OwnerOnlyFiles.NewFile()))
        {
            await writer.WriteAsync(text.AsMemory(), cancellationToken).ConfigureAwait(false);
        }

        File.Move(temporary, path, overwrite: true);
    }

    private static string Safe(string name)
    {
        var invalid = Path.GetInvalidFileNameChars();
        return new string([.. name.Select(c => invalid.Contains(c) || c == '.' ? '_' : c)]);
    }
}
