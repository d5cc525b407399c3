using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrderToCash.Core.Disputes;
using OrderToCash.Core.Persistence;
using OrderToCash.Engine.Handlers;
using Quartz;

namespace OrderToCash.Core.Dunning;

public static class RemindServiceCollectionExtensions
{
    /// <summary>
    /// Remind and Dispute: the dunning and dispute handlers, the reminder outbox with its default folder channel and its
    /// delivery job, and the reason taxonomy loaded from its file at start.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="configuration">Sections <c>Reminders</c> and <c>Reasons:File</c>.</param>
    /// <param name="contentRoot">Where to look upwards for reasons/reason-codes.json when Reasons:File is not set.</param>
    /// <param name="fileWins">
    /// The file is the source (re-applied at every start, as the rules folder is in development); otherwise it only adds
    /// the codes the database lacks, and edits made through the API last.
    /// </param>
    public static IServiceCollection AddOrderToCashRemind(this IServiceCollection services, IConfiguration configuration, string contentRoot, bool fileWins = false)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(ReminderOptions.SectionName).Get<ReminderOptions>() ?? new ReminderOptions();
        services.AddSingleton(options);
        services.AddSingleton<DunningPlanner>();
        services.AddSingleton<IReminderChannel>(sp => new FolderReminderChannel(options.ResolveOutboxFolder(sp.GetRequiredService<DatabaseOptions>())));
        services.AddSingleton<ReminderDelivery>();
        var smtp = configuration.GetSection(SmtpOptions.SectionName).Get<SmtpOptions>() ?? new SmtpOptions();
        services.AddSingleton(smtp);
        switch (options.Channel.ToLowerInvariant())
        {
            case "smtp":
                if (smtp.Problems() is { Count: > 0 } problems)
                {
                    throw new InvalidOperationException($"Reminders:Channel is Smtp but the Smtp section cannot be used: {string.Join(" ", problems)}");
                }

                services.AddSingleton<IStatementTransport>(new SmtpStatementTransport(smtp));
                break;
            case "folder":
                services.AddSingleton<IStatementTransport>(sp => new FolderStatementTransport(options.ResolveOutboxFolder(sp.GetRequiredService<DatabaseOptions>())));
                break;
            default:
                throw new InvalidOperationException($"Reminders:Channel '{options.Channel}' is not known: use Folder (development) or Smtp.");
        }

        services.AddSingleton<ReminderStatements>();
        services.AddSingleton<ReminderTemplates>();
        services.AddSingleton<DisputeWorkflowStarter>();
        services.AddWorkflowHandler<DunningPlanHandler>();
        services.AddWorkflowHandler<DunningEvaluateHandler>();
        services.AddWorkflowHandler<LatePaymentReasonHandler>();
        services.AddWorkflowHandler<DisputeRouteHandler>();
        services.AddWorkflowHandler<DisputeEscalateHandler>();
        services.AddWorkflowHandler<DisputeResolveHandler>();

        var reasonsFile = configuration["Reasons:File"] ?? FindReasonsFile(contentRoot);
        services.AddHostedService(sp => new ReasonCodeLoader(reasonsFile, fileWins, sp.GetRequiredService<DatabaseOptions>(), sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<ILogger<ReasonCodeLoader>>()));
        services.AddHostedService<DisputeWorkflowRepair>();

        // A second AddQuartz adds to the default scheduler configured by AddOrderToCashScheduler (registration is additive).
        services.AddQuartz(quartz =>
        {
            quartz.AddJob<ReminderDeliveryJob>(job => job.WithIdentity(ReminderDeliveryJob.Key).StoreDurably().WithDescription("Delivers the reminders of the outbox"));
            quartz.AddTrigger(trigger => trigger
                .ForJob(ReminderDeliveryJob.Key)
                .WithIdentity("reminder-delivery", "dunning")
                .WithSchedule(SimpleScheduleBuilder.Create().WithInterval(options.DeliveryInterval < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : options.DeliveryInterval).RepeatForever())
                .WithDescription("Delivers pending reminders; failed deliveries are retried at the next run"));
        });
        return services;
    }

    private static string? FindReasonsFile(string contentRoot)
    {
        foreach (var start in new[] { contentRoot, AppContext.BaseDirectory })
        {
            if (RepositoryFolder.FindUpwards(start, "reasons") is { } folder && File.Exists(Path.Combine(folder, "reason-codes.json")))
            {
                return Path.Combine(folder, "reason-codes.json");
            }
        }

        return null;
    }
}
