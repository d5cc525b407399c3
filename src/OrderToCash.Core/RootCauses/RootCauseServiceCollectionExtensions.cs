using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace OrderToCash.Core.RootCauses;

public static class RootCauseServiceCollectionExtensions
{
    /// <summary>The root-cause analysis and its nightly Quartz job.</summary>
    public static IServiceCollection AddOrderToCashRootCauses(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(RootCauseOptions.SectionName).Get<RootCauseOptions>() ?? new RootCauseOptions();
        if (options.ObservationDays is < 1 or > 730)
        {
            throw new InvalidOperationException($"RootCause:ObservationDays must be between 1 and 730 days, not {options.ObservationDays}.");
        }

        services.AddSingleton(options);
        services.AddSingleton<RootCauseAnalyzer>();
        services.AddQuartz(q =>
        {
            q.AddJob<RootCauseAnalysisJob>(job => job.WithIdentity(RootCauseAnalysisJob.Key).StoreDurably().WithDescription("Groups disputes and late payments, opens and verifies process-improvement tasks"));
            q.AddTrigger(trigger => trigger
                .ForJob(RootCauseAnalysisJob.Key)
                .WithIdentity("root-cause-nightly", "analytics")
                .WithSchedule(CronScheduleBuilder.Create(options.NightlyCron).InTimeZone(TimeZoneInfo.Utc).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
                .WithDescription("Every night; a run missed while every host was down fires once at the next start"));
        });
        return services;
    }
}
