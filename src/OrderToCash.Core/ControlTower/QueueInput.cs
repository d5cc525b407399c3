namespace OrderToCash.Core.ControlTower;

/// <summary>One workflow element's queue (input name <c>queue</c> of the <c>control-tower</c> rules), measured now.</summary>
/// <param name="ProcessId">The process.</param>
/// <param name="ElementId">The BPMN element (a user task, a message wait, a timer...).</param>
/// <param name="WaitingNow">Tokens in the element now.</param>
/// <param name="OldestWaitHours">How long the longest-waiting token has been there.</param>
/// <param name="MeanHours">Mean time spent by the passages that ended in the period.</param>
/// <param name="P90Hours">90th percentile of that time.</param>
/// <param name="EnteredLast24Hours">Tokens that arrived in the last 24 hours.</param>
/// <param name="LeftLast24Hours">Tokens that left in the last 24 hours: more arrivals than departures is a growing queue.</param>
public sealed record QueueInput(
    string ProcessId,
    string ElementId,
    int WaitingNow,
    double OldestWaitHours,
    double MeanHours,
    double P90Hours,
    int EnteredLast24Hours,
    int LeftLast24Hours)
{
    /// <summary>The rule set written against this input: rules/control-tower.json.</summary>
    public const string RuleSet = "control-tower";
}
