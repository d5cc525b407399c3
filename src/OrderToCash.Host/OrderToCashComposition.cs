using OrderToCash.Core.Infrastructure.Hosting;
using OrderToCash.Host.Features.Auth;
using OrderToCash.Host.Features.Catalog;
using OrderToCash.Host.Features.Collections;
using OrderToCash.Host.Features.Credit;
using OrderToCash.Host.Features.Customers;
using OrderToCash.Host.Features.Disputes;
using OrderToCash.Host.Features.Dunning;
using OrderToCash.Host.Features.Errors;
using OrderToCash.Host.Features.Health;
using OrderToCash.Host.Features.Invoicing;
using OrderToCash.Host.Features.Orders;
using OrderToCash.Host.Features.Payments;
using OrderToCash.Host.Features.Reasons;
using OrderToCash.Host.Features.Rules;
using OrderToCash.Host.Features.Sales;
using OrderToCash.Host.Features.Startup;
using OrderToCash.Host.Features.Transport;
using OrderToCash.Host.Features.Web;
using OrderToCash.Host.Features.Workflows;

namespace OrderToCash.Host;

/// <summary>The host's composition root: one call to register, one to map.</summary>
internal static class OrderToCashComposition
{
    public static WebApplicationBuilder AddOrderToCash(this WebApplicationBuilder builder)
    {
        var seedDemoData = builder.Configuration.GetValue<bool?>("Demo:Seed") ?? builder.Environment.IsDevelopment();
        // As with the rules: in development the repository's reason file is the source; elsewhere it seeds the codes the
        // database lacks and the quality team's edits through the API last.
        builder.Services.AddOrderToCashRuntime(builder.Configuration, builder.Environment.ContentRootPath, seedDemoData,
            reasonsFileWins: builder.Configuration.GetValue<bool?>("Reasons:FileWins") ?? builder.Environment.IsDevelopment());
        // In development the rules/ folder is the source: published at start and on every edit. In production rules
        // are published explicitly (o2c rules publish), each version with an author and a comment.
        if (builder.Configuration.GetValue<bool?>("Rules:Watch") ?? builder.Environment.IsDevelopment())
        {
            var folder = builder.Configuration["Rules:Folder"] ?? Core.Infrastructure.Content.RuleFolder.Find(builder.Environment.ContentRootPath);
            if (folder is not null)
            {
                Core.Infrastructure.Rules.RulesServiceCollectionExtensions.AddRuleFileWatcher(builder.Services, folder);
            }
        }

        if (builder.Configuration.GetValue<bool?>("Workflows:PublishFolderOnStart") ?? builder.Environment.IsDevelopment())
        {
            var folder = builder.Configuration["Workflows:Folder"] ?? Core.Infrastructure.Workflows.WorkflowFolderPublisher.Find(builder.Environment.ContentRootPath);
            if (folder is not null)
            {
                builder.Services.AddHostedService(sp => new Core.Infrastructure.Workflows.WorkflowFolderPublisher(
                    folder, sp.GetRequiredService<Engine.Durable.DefinitionStore>(), sp.GetRequiredService<ILogger<Core.Infrastructure.Workflows.WorkflowFolderPublisher>>()));
            }
        }

        // Enums travel as their names: an API reader sees "Approved", not 1.
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi(Features.OpenApi.OpenApiContract.Configure);
        builder.Services.AddExceptionHandler<DomainExceptionHandler>();
        builder.AddOrderToCashTransport();
        builder.AddOrderToCashAuth();
        builder.AddOrderToCashOptionsValidation();
        // The generic steps: the e-mail step reaches the configured users (the host's user store), so only a host has them.
        Core.Steps.StepsServiceCollectionExtensions.AddOrderToCashSteps(builder.Services, builder.Configuration);
        builder.Services.AddProcessCatalog();
        Features.Telemetry.TelemetrySetup.AddOrderToCashTelemetry(builder);
        builder.Services.AddSingleton<PublicMessages>();
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [HealthEndpoint.ReadyTag], timeout: TimeSpan.FromSeconds(10))
            .AddCheck<DatabaseWriteCheck>("databaseWrite", tags: [HealthEndpoint.ReadyTag], timeout: TimeSpan.FromSeconds(10))
            .AddCheck<SchedulerHealthCheck>("scheduler");
        return builder;
    }

    public static WebApplication MapOrderToCash(this WebApplication app)
    {
        // Resolved now so that a wrong Auth configuration stops the host at start with its reasons.
        app.Services.GetRequiredService<Core.Infrastructure.Security.BuiltInUserStore>();
        app.Services.GetRequiredService<PublicMessages>();
        app.UseOrderToCashTransport();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseWebAssets();
        app.UseCrossSiteWriteGuard();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHealth();
        Features.Telemetry.TelemetrySetup.MapTelemetry(app);
        // The API's description is public, like the sign-in page: it reveals routes and shapes, never data.
        app.MapOpenApi().AllowAnonymous();
        // The interactive reference of that document (Scalar), public like it.
        Scalar.AspNetCore.ScalarEndpointRouteBuilderExtensions.MapScalarApiReference(app).AllowAnonymous();
        app.MapAuth();
        app.MapRoles();
        app.MapCustomers();
        app.MapCustomerWrites();
        app.MapCreditLimitRequests();
        app.MapOrders();
        app.MapReminders();
        app.MapReminderTemplates();
        app.MapPromises();
        app.MapCollections();
        app.MapContactLog();
        app.MapSalesCockpit();
        app.MapCreditCockpit();
        app.MapDisputes();
        app.MapLifecycle();
        app.MapReasons();
        Features.RootCauses.RootCauseEndpoints.MapRootCauses(app);
        Features.Kpis.KpiEndpoints.MapKpis(app);
        Features.ControlTower.ControlTowerEndpoints.MapControlTower(app);
        app.MapDelivery();
        app.MapInvoices();
        app.MapPayments();
        app.MapBankStatements();
        app.MapDefinitions();
        app.MapInstances();
        app.MapMigrations();
        app.MapMessages();
        app.MapTasks();
        app.MapRules();
        Features.ReferenceTables.EcbRateEndpoints.MapReferenceTables(app);
        app.MapCatalog();
        app.MapWebPages();
        return app;
    }
}
