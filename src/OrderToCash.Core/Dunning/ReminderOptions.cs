using Microsoft.Data.Sqlite;
using OrderToCash.Core.Infrastructure.Persistence;

namespace OrderToCash.Core.Dunning;

/// <summary>Where the default channel writes reminders, and how delivery retries (section <c>Reminders</c>).</summary>
public sealed class ReminderOptions
{
    public const string SectionName = "Reminders";

    /// <summary>The outbox folder; by default <c>outbox/</c> beside the SQLite file (or in the user's local data folder).</summary>
    public string? OutboxFolder { get; set; }

    /// <summary>Where e-mailed statements go: <c>Folder</c> (.eml files in the outbox, development) or <c>Smtp</c> (section <c>Smtp</c>).</summary>
    public string Channel { get; set; } = "Folder";

    /// <summary>The wait before the second attempt of a statement; each further attempt waits twice as long (at most 6 hours).</summary>
    public TimeSpan RetryBackOff { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Attempts before a reminder is marked Failed and left to a person.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>How often the delivery job looks for pending reminders.</summary>
    public TimeSpan DeliveryInterval { get; set; } = TimeSpan.FromSeconds(30);

    public string ResolveOutboxFolder(DatabaseOptions database)
    {
        ArgumentNullException.ThrowIfNull(database);
        if (!string.IsNullOrWhiteSpace(OutboxFolder))
        {
            return OutboxFolder;
        }

        if (database.Provider == DatabaseProvider.Sqlite)
        {
            var file = new SqliteConnectionStringBuilder(database.ResolveConnectionString()).DataSource;
            if (!string.IsNullOrEmpty(file) && file != ":memory:" && Path.GetDirectoryName(Path.GetFullPath(file)) is { } folder)
            {
                return Path.Combine(folder, "outbox");
            }
        }

        return Path.Combine(Path.GetDirectoryName(DatabaseOptions.DefaultSqlitePath)!, "outbox");
    }
}
