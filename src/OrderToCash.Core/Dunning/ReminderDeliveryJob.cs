using Quartz;

namespace OrderToCash.Core.Dunning;

/// <summary>The scheduler's entry to <see cref="ReminderDelivery"/>: pending reminders are delivered every few seconds.</summary>
[DisallowConcurrentExecution]
public sealed class ReminderDeliveryJob(ReminderDelivery delivery, ReminderStatements statements) : IJob
{
    public static readonly JobKey Key = new("reminder-delivery", "dunning");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await statements.DeliverAsync(cancellationToken).ConfigureAwait(false);
        await delivery.DeliverPendingAsync(cancellationToken).ConfigureAwait(false);
    }
}
