using OrderToCash.Core.ReferenceTables;

namespace OrderToCash.Core.Payments;

/// <summary>
/// workflows/ecb-rate.bpmn: the credit manager's one task per missing semester ("Saisir le taux BCE du 2nd semestre",
/// business key <c>2026-H2</c>). Started by <see cref="Missing"/> (one message id per semester: never twice), ended by
/// the task's answer or by <see cref="Entered"/> when the rate arrives another way (API, page, o2c).
/// </summary>
public static class EcbRateWorkflow
{
    public const string ProcessId = "ecb-rate";
    public const string Missing = "EcbRateMissing";
    public const string Entered = "EcbRateEntered";

    public static Engine.Durable.IncomingMessage MissingMessage(Semester semester) =>
        new(Missing, semester.ToString(), $"ecb-rate-missing:{semester}", new Dictionary<string, object?>
        {
            ["semester"] = semester.ToString(),
            ["half"] = semester.Half,
            ["semesterLabel"] = semester.FrenchLabel,
        });

    public static Engine.Durable.IncomingMessage EnteredMessage(Semester semester, int tableVersion) =>
        new(Entered, semester.ToString(), $"ecb-rate-entered:{semester}:{tableVersion}", TimeToLive: TimeSpan.FromHours(1));
}
