using Microsoft.Extensions.DependencyInjection;
using OrderToCash.Core.Infrastructure.Housekeeping;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Infrastructure.Workflows;
using Quartz;

namespace OrderToCash.Core.Infrastructure.Scheduling;

public static class SchedulerServiceCollectionExtensions
{
    public const string SchedulerName = "OrderToCash";

    /// <summary>
    /// Quartz with its clustered ADO store in the product's own database: jobs and triggers survive restarts,
    /// and several hosts share the work without running a job twice.
    /// </summary>
    public static IServiceCollection AddOrderToCashScheduler(this IServiceCollection services, DatabaseOptions database, SchedulerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        options ??= new SchedulerOptions();
        services.AddSingleton(options);
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s =>
            {
                s.InstanceName = SchedulerName;
                if (options.InstanceId is not null)
                {
                    s.InstanceId = options.InstanceId;
                }
            });
            q.UsePersistentStore(store =>
            {
                store.ProvisionSchema();
                // Quartz refuses clustering on SQLite (file locking); an embedded database has one host anyway.
                if (database.Provider != DatabaseProvider.Sqlite)
                {
                    store.UseClustering(c => c.CheckinInterval = options.ClusterCheckinInterval);
                }

                store.UseSystemTextJsonSerializer();
                var connectionString = database.ResolveConnectionString();
                switch (database.Provider)
                {
                    case DatabaseProvider.Sqlite:
                        store.UseSqlite(connectionString);
                        break;
                    case DatabaseProvider.SqlServer:
                        store.UseSqlServer(connectionString);
                        break;
                    case DatabaseProvider.PostgreSql:
                        store.UsePostgres(connectionString);
                        break;
                    default:
                        throw new InvalidOperationException($"No Quartz store for provider {database.Provider}.");
                }
            });

            q.AddJob<HousekeepingJob>(job => job.WithIdentity(HousekeepingJob.Key).StoreDurably().WithDescription("Daily clean-up of operational tables"));
            q.AddTrigger(trigger => trigger
                .ForJob(HousekeepingJob.Key)
                .WithIdentity("housekeeping-daily", "maintenance")
                .WithSchedule(CronScheduleBuilder.Create(options.HousekeepingCron).InTimeZone(TimeZoneInfo.Utc).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
                .WithDescription("Every day; a run missed while every host was down fires once at the next start"));

            q.AddJob<WorkflowDispatchJob>(job => job.WithIdentity(WorkflowDispatchJob.Key).StoreDurably().WithDescription("Fires due workflow timers and retries incidents"));
            q.AddTrigger(trigger => trigger
                .ForJob(WorkflowDispatchJob.Key)
                .WithIdentity("workflow-dispatch", "workflows")
                .WithSchedule(SimpleScheduleBuilder.Create().WithInterval(options.WorkflowDispatchInterval < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : options.WorkflowDispatchInterval).RepeatForever())
                .WithDescription("Looks for due timers and incidents to retry"));
        });

        // A restart must keep the stored triggers (and their next fire times), not overwrite them.
        services.Configure<QuartzOptions>(o =>
        {
            o.Scheduling.OverwriteExistingData = false;
            o.Scheduling.IgnoreDuplicates = true;
        });

        services.AddQuartzHostedService(o =>
        {
            o.WaitForJobsToComplete = true;
            o.StartDelay = options.StartDelay;
            o.AutoStart = options.AutoStart;
        });
        return services;
    }
}
