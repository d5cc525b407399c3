namespace OrderToCash.Core.RootCauses;

/// <summary>The <c>RootCause</c> configuration section.</summary>
public sealed class RootCauseOptions
{
    public const string SectionName = "RootCause";

    /// <summary>The length of an analysis period; the root-cause rules compare the last one with the one before.</summary>
    public const int PeriodDays = 90;

    /// <summary>Days after the fix date before the fix is judged (the rate is measured over exactly this window).</summary>
    public int ObservationDays { get; set; } = 90;

    /// <summary>Cron (UTC) of the nightly analysis.</summary>
    public string NightlyCron { get; set; } = "0 0 3 * * ?";

    /// <summary>How many disputes or invoices are linked to a new task as evidence (the newest first).</summary>
    public int EvidenceLimit { get; set; } = 200;
}
