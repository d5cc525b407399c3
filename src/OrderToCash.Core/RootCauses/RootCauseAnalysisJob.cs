using Microsoft.Extensions.Logging;
using Quartz;

namespace OrderToCash.Core.RootCauses;

/// <summary>The nightly root-cause analysis. One run at a time across the cluster; a run missed while down fires once at start.</summary>
[DisallowConcurrentExecution]
public sealed partial class RootCauseAnalysisJob(RootCauseAnalyzer analyzer, ILogger<RootCauseAnalysisJob> logger) : IJob
{
    public static readonly JobKey Key = new("root-cause-analysis", "analytics");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var analysis = await analyzer.AnalyzeAsync(cancellationToken).ConfigureAwait(false);
        LogRan(logger, analysis.Current.Causes.Count, analysis.TasksCreated.Count, analysis.TasksVerified.Count, analysis.TasksReopened.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Root-cause analysis: {Causes} causes, {Created} tasks opened, {Verified} verified, {Reopened} reopened")]
    private static partial void LogRan(ILogger logger, int causes, int created, int verified, int reopened);
}
