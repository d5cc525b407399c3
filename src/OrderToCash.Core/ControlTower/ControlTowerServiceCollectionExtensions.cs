using Microsoft.Extensions.DependencyInjection;

namespace OrderToCash.Core.ControlTower;

public static class ControlTowerServiceCollectionExtensions
{
    /// <summary>The control tower: each workflow element's waiting line judged by the control-tower rules.</summary>
    public static IServiceCollection AddOrderToCashControlTower(this IServiceCollection services) => services.AddSingleton<WaitingLines>();
}
