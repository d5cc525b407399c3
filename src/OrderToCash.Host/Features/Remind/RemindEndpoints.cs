namespace OrderToCash.Host.Features.Remind;

/// <summary>Remind and Dispute: reminders, promises to pay, disputes, e-invoicing lifecycle statuses, the reason taxonomy.</summary>
internal static class RemindEndpoints
{
    public static void MapRemind(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapReminders();
        endpoints.MapReminderTemplates();
        endpoints.MapPromises();
        endpoints.MapDisputes();
        endpoints.MapLifecycle();
        endpoints.MapReasons();
    }
}
