using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrderToCash.Engine.Handlers;

namespace OrderToCash.Core.Steps;

public static class StepsServiceCollectionExtensions
{
    /// <summary>
    /// The generic steps a process owner wires without code (ADR 0068): set variables, send an e-mail from a template,
    /// call an allow-listed HTTP endpoint. Register after the reminders (<c>AddOrderToCashDunning</c>): e-mails go
    /// through their outbox.
    /// </summary>
    public static IServiceCollection AddOrderToCashSteps(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var http = new HttpCallOptions();
        configuration.GetSection(HttpCallOptions.SectionName).Bind(http);
        services.AddSingleton(http);
        services.AddWorkflowHandler<SetVariablesHandler>();
        services.AddWorkflowHandler<SendEmailHandler>();
        services.AddSingleton<IWorkflowHandler>(sp => new HttpCallHandler(http, new HttpClient(new SocketsHttpHandler
        {
            // A redirect could leave the allowed base URLs: it is an answer like any other (3xx, an incident).
            AllowAutoRedirect = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        })
        { Timeout = Timeout.InfiniteTimeSpan }));
        return services;
    }
}
