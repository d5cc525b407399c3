using Microsoft.Extensions.DependencyInjection;

namespace OrderToCash.Core.Kpis;

public static class KpiServiceCollectionExtensions
{
    /// <summary>The KPI calculator (DSO, ADD, CEI, aged balance...).</summary>
    public static IServiceCollection AddOrderToCashKpis(this IServiceCollection services) => services.AddSingleton<KpiCalculator>();
}
