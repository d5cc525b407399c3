using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Engine.Handlers;
using Quartz;

namespace OrderToCash.Core.Dunning;

public static class DunningServiceCollectionExtensions
{
    /// <summary>
    /// Dunning: the dunning handlers, the reminder outbox with its default folder channel, the e-mailed statements and
    /// their templates, and the delivery job.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="configuration">Sections <c>Reminders</c> and <c>Smtp</c>.</param>
    public static IServiceCollection AddOrderToCashDunning(this IServiceCollection services, IConfiguration configuration)
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
        services.AddWorkflowHandler<DunningPlanHandler>();
        services.AddWorkflowHandler<DunningEvaluateHandler>();
        services.AddWorkflowHandler<LadderSituationHandler>();
        services.AddWorkflowHandler<ReminderStepHandler>();
        services.AddWorkflowHandler<LatePaymentReasonHandler>();

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
}
