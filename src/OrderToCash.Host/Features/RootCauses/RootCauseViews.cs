using OrderToCash.Core.RootCauses;

namespace OrderToCash.Host.Features.RootCauses;

/// <summary>What the API shows of the analysis, its groups and the tasks (also the shape `o2c rootcause analyze` prints).</summary>
internal static class RootCauseViews
{
    public static object Analysis(RootCauseAnalysis analysis) => new
    {
        asOf = analysis.AsOf,
        periodFrom = analysis.Current.From,
        periodTo = analysis.Current.To,
        invoicesIssued = analysis.Current.InvoicesIssued,
        groups = analysis.Current.Groups.Select(Group),
        causes = analysis.Current.Causes,
        tasksCreated = analysis.TasksCreated.Count,
        tasksVerified = analysis.TasksVerified.Count,
        tasksReopened = analysis.TasksReopened.Count,
        tasks = analysis.TasksCreated.Concat(analysis.TasksVerified).Concat(analysis.TasksReopened).Select(Task),
    };

    public static object Group(RootCauseGroup g) => new
    {
        reason = g.Reason,
        kind = g.Kind,
        department = g.Department,
        segment = g.Segment,
        productFamily = g.ProductFamily,
        from = g.From,
        to = g.To,
        count = g.Count,
        amount = g.Amount,
        ratePer1000Invoices = g.RatePer1000Invoices,
    };

    public static TaskView Task(ImprovementTask t) => new(
        t.Number, t.ReasonCode, t.Department, t.Status, t.TriggeredBy, t.DecisionId, t.CreatedAt, t.EvidenceFrom, t.EvidenceTo,
        t.OccurrencesBefore, t.AmountBefore, t.RatePer1000Before, t.FixDeployedOn, t.FixDescription, t.RatePer1000After,
        t.VerificationNote, t.VerifiedAt, t.ReopenCount, t.UpdatedBy, t.UpdatedAt, null);

    public static EvidenceView Evidence(ImprovementTaskEvidence e) => new(e.InvoiceNumber, e.DisputeNumber, e.Amount, e.OccurredOn);
}

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
