using System.Diagnostics.Metrics;

namespace OrderToCash.Core;

/// <summary>
/// The order-to-cash metrics the engine cannot know (System.Diagnostics.Metrics; the host's OpenTelemetry listens to
/// <see cref="Name"/>, beside the engine's <c>OrderToCash.Engine</c>).
/// </summary>
public static class OrderToCashTelemetry
{
    public const string Name = "OrderToCash";

    public static readonly Meter Meter = new(Name);

    public static readonly Counter<long> RemindersSent = Meter.CreateCounter<long>("o2c.reminders.sent", "{reminder}", "Reminders delivered through their channel.");

    /// <summary>Every failed attempt (a reminder is retried until it fails for good).</summary>
    public static readonly Counter<long> RemindersFailed = Meter.CreateCounter<long>("o2c.reminders.failed", "{attempt}", "Failed reminder delivery attempts.");
}
