namespace OrderToCash.Core.ControlTower;

/// <summary>One element of a process in the control tower: its waiting line, its times, its SLA breaches and the alerts the rules raised.</summary>
/// <param name="ProcessId">The process.</param>
/// <param name="ElementId">The BPMN element.</param>
/// <param name="WaitingNow">Tokens in the element now.</param>
/// <param name="OldestWaitHours">How long the longest-waiting token has been there.</param>
/// <param name="Passages">Passages that ended in the period.</param>
/// <param name="MeanHours">Their mean time.</param>
/// <param name="P90Hours">Their 90th percentile.</param>
/// <param name="EnteredLast24Hours">Arrivals in the last 24 hours.</param>
/// <param name="LeftLast24Hours">Departures in the last 24 hours.</param>
/// <param name="SlaHours">The SLA the rules give a wait (their <c>slaHours</c> property).</param>
/// <param name="SlaBreaches">Tokens waiting now for longer than the SLA.</param>
/// <param name="Alerts">The bottleneck rules that fired, with their messages.</param>
public sealed record ElementWaitingLine(
    string ProcessId,
    string ElementId,
    int WaitingNow,
    double? OldestWaitHours,
    int Passages,
    double? MeanHours,
    double? P90Hours,
    int EnteredLast24Hours,
    int LeftLast24Hours,
    double? SlaHours,
    int SlaBreaches,
    IReadOnlyList<BottleneckAlert> Alerts);

public sealed record BottleneckAlert(string Rule, string Message);
