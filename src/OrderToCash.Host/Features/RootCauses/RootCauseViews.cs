using OrderToCash.Core.RootCauses;

namespace OrderToCash.Host.Features.RootCauses;

/// <summary>What the API shows of the analysis, its groups and the tasks (also the shape `o2c rootcause analyze` prints).</summary>
internal static class RootCauseViews
{
    public static AnalysisView Analysis(RootCauseAnalysis analysis) => new(
        analysis.AsOf,
        analysis.Current.From,
        analysis.Current.To,
        analysis.Current.InvoicesIssued,
        analysis.Current.Groups,
        analysis.Current.Causes,
        analysis.TasksCreated.Count,
        analysis.TasksVerified.Count,
        analysis.TasksReopened.Count,
        [.. analysis.TasksCreated.Concat(analysis.TasksVerified).Concat(analysis.TasksReopened).Select(Task)]);

    public static GroupsView Groups(RootCausePeriod period) => new(period.From, period.To, period.InvoicesIssued, period.Groups, period.Causes);

    public static TaskView Task(ImprovementTask t) => new(
        t.Number, t.ReasonCode, t.Department, t.Status, t.TriggeredBy, t.DecisionId, t.CreatedAt, t.EvidenceFrom, t.EvidenceTo,
        t.OccurrencesBefore, t.AmountBefore, t.RatePer1000Before, t.FixDeployedOn, t.FixDescription, t.RatePer1000After,
        t.VerificationNote, t.VerifiedAt, t.ReopenCount, t.UpdatedBy, t.UpdatedAt, null);

    public static EvidenceView Evidence(ImprovementTaskEvidence e) => new(e.InvoiceNumber, e.DisputeNumber, e.Amount, e.OccurredOn);
}

/// <summary>One run of the root-cause loop: the period's groups and causes, and the improvement tasks it created, verified or reopened.</summary>
internal sealed record AnalysisView(DateOnly AsOf, DateOnly PeriodFrom, DateOnly PeriodTo, int InvoicesIssued, IReadOnlyList<RootCauseGroup> Groups,
    IReadOnlyList<RecurringCause> Causes, int TasksCreated, int TasksVerified, int TasksReopened, IReadOnlyList<TaskView> Tasks);

/// <summary>Disputes and late payments of a period grouped by reason, department, segment and product family, and the recurring causes.</summary>
internal sealed record GroupsView(DateOnly From, DateOnly To, int InvoicesIssued, IReadOnlyList<RootCauseGroup> Groups, IReadOnlyList<RecurringCause> Causes);

internal sealed record TaskView(
    string Number,
    string Reason,
    string Department,
    ImprovementTaskStatus Status,
    string TriggeredBy,
    long? DecisionId,
    DateTimeOffset CreatedAt,
    DateOnly EvidenceFrom,
    DateOnly EvidenceTo,
    int OccurrencesBefore,
    decimal AmountBefore,
    decimal RatePer1000Before,
    DateOnly? FixDeployedOn,
    string? FixDescription,
    decimal? RatePer1000After,
    string? VerificationNote,
    DateTimeOffset? VerifiedAt,
    int ReopenCount,
    string? UpdatedBy,
    DateTimeOffset? UpdatedAt,
    IReadOnlyList<EvidenceView>? Evidence);

internal sealed record EvidenceView(string InvoiceNumber, string? DisputeNumber, decimal Amount, DateOnly OccurredOn);
