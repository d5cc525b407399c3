using OrderToCash.Core.Demo;

namespace OrderToCash.Core.Demo;

/// <summary>The demo data set (<c>o2c seed</c> and the host's first start): a small company's last months, ending today.</summary>
public static class DemoCompany
{
    public const int ActivityDays = 120;
    public const int SyntheticCustomers = 24;
    public const int Seed = 2026;

    /// <summary>The eight named customers and a few synthetic ones; nobody works the inboxes on the last day, so tasks wait.</summary>
    public static SimulationSettings Settings(DateOnly today) =>
        new(SyntheticCustomers, ActivityDays, Seed, today.AddDays(-ActivityDays), WithDemoCustomers: true, PeopleRestOnLastDay: true);
}
