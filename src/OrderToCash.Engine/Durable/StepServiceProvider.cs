using Microsoft.EntityFrameworkCore;

namespace OrderToCash.Engine.Durable;

/// <summary>The services a handler sees during a step: the step's own database context first, then the application's.</summary>
internal sealed class StepServiceProvider(DbContext db, IServiceProvider? root) : IServiceProvider
{
    public object? GetService(Type serviceType)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceType.IsInstanceOfType(db) ? db : root?.GetService(serviceType);
    }
}
