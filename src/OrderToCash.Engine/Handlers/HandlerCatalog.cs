namespace OrderToCash.Engine.Handlers;

/// <summary>The registered handlers by name: what the executor runs and what the designer lists.</summary>
public sealed class HandlerCatalog
{
    private readonly Dictionary<string, IWorkflowHandler> _handlers = new(StringComparer.Ordinal);

    public HandlerCatalog(IEnumerable<IWorkflowHandler> handlers)
    {
        ArgumentNullException.ThrowIfNull(handlers);
        foreach (var handler in handlers)
        {
            if (!_handlers.TryAdd(handler.Descriptor.Name, handler))
            {
                throw new InvalidOperationException($"Two handlers are registered under the name '{handler.Descriptor.Name}': {_handlers[handler.Descriptor.Name].GetType().FullName} and {handler.GetType().FullName}.");
            }
        }
    }

    public IReadOnlyList<HandlerDescriptor> Descriptors => [.. _handlers.Values.Select(h => h.Descriptor).OrderBy(d => d.Name, StringComparer.Ordinal)];

    /// <summary>The registered handler instances.</summary>
    public IEnumerable<IWorkflowHandler> Handlers => _handlers.Values;

    public bool TryGet(string name, out IWorkflowHandler handler) => _handlers.TryGetValue(name, out handler!);

    /// <summary>
    /// Describes every concrete <see cref="WorkflowHandler{TInput, TOutput}"/> in <paramref name="assemblies"/> without
    /// creating one: how tools without a DI container (the CLI validator) learn the handler names.
    /// </summary>
    public static IReadOnlyList<HandlerDescriptor> Discover(IEnumerable<System.Reflection.Assembly> assemblies)
    {
        ArgumentNullException.ThrowIfNull(assemblies);
        var descriptors = new List<HandlerDescriptor>();
        foreach (var type in assemblies.SelectMany(a => a.GetTypes()).Where(t => t is { IsAbstract: false, IsClass: true }))
        {
            var handlerBase = FindHandlerBase(type);
            if (handlerBase is not null)
            {
                var binderType = typeof(HandlerBinder<,>).MakeGenericType(handlerBase.GetGenericArguments());
                var binder = Activator.CreateInstance(binderType, nonPublic: true)!;
                descriptors.Add((HandlerDescriptor)binderType.GetMethod("Describe")!.Invoke(binder, [type])!);
            }
        }

        return descriptors;
    }

    private static Type? FindHandlerBase(Type type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.IsGenericType && current.GetGenericTypeDefinition() == typeof(WorkflowHandler<,>))
            {
                return current;
            }
        }

        return null;
    }
}
