using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrderToCash.Core.Infrastructure.Security;
using OrderToCash.IntegrationTests.Infrastructure;
using OrderToCash.IntegrationTests.Rules;

namespace OrderToCash.IntegrationTests.Orders;

/// <summary>
/// The host with the demo customers, the shipped credit-limit rules and workflows/credit-release.bpmn published, plus a
/// second credit manager (cyril) for four-eyes and a sales administrator (sabine).
/// </summary>
internal sealed class OrdersHost : IDisposable
{
    private readonly TempDirectory directory = new();
    private readonly (string, string?)[] settings;
    private readonly string? postgresConnectionString;

    private readonly TimeProvider? clock;

    /// <param name="postgresConnectionString">A PostgreSQL database to run on; SQLite in a temporary folder when null.</param>
    /// <param name="clock">The host's clock (a fake one to let invoices fall due); the system clock when null.</param>
    public OrdersHost(string? postgresConnectionString = null, TimeProvider? clock = null)
    {
        this.postgresConnectionString = postgresConnectionString;
        this.clock = clock;
        var extra = new List<(string, string?)> { ("Demo:Seed", "true"), ("Scheduler:AutoStart", "false") };
        var index = TestUsers.People.Length;
        foreach (var (name, role) in new[] { ("cyril", Roles.CreditManager), ("sabine", Roles.SalesAdministration) })
        {
            extra.Add(($"Auth:Users:{index}:UserName", name));
            extra.Add(($"Auth:Users:{index}:PasswordHash", PasswordHashing.Hash(TestUsers.Password(name))));
            extra.Add(($"Auth:Users:{index}:Roles:0", role));
            index++;
        }

        settings = [.. extra];
        Host = Start();
    }

    public TestHost Host { get; private set; }

    /// <summary>The database the host runs on (for the command line run beside it).</summary>
    public string ConnectionString => postgresConnectionString ?? directory.SqliteConnectionString();

    /// <summary>Every log line of the host (with exceptions), to explain a failure.</summary>
    public LogCollector Logs { get; } = new();

    /// <summary>Stops the host and starts a new one on the same database (what a restart after a crash does).</summary>
    public void Restart()
    {
        Host.Dispose();
        Host = Start();
    }

    private TestHost Start()
    {
        Action<IServiceCollection> services = s =>
        {
            s.AddSingleton<ILoggerProvider>(Logs);
            if (clock is not null)
            {
                s.AddSingleton(clock);
            }
        };
        return postgresConnectionString is null
            ? TestHost.Sqlite(directory, services, settings)
            : TestHost.PostgreSql(postgresConnectionString, services, settings);
    }

    public HttpClient Client(string userName) => Host.ClientFor(userName);

    public async Task PublishRulesAndWorkflowAsync()
    {
        using var credit = Client("claire");
        var rules = await credit.PostAsJsonAsync(new Uri("/api/rules/publish", UriKind.Relative), new
        {
            files = new[] { RepoFile("rules/credit-limit.json") },
            comment = "Shipped credit limits",
        });
        rules.StatusCode.Should().Be(HttpStatusCode.Created, await rules.Content.ReadAsStringAsync());
        await PublishWorkflowAsync();
    }

    public async Task PublishRulesOnlyAsync()
    {
        using var credit = Client("claire");
        var rules = await credit.PostAsJsonAsync(new Uri("/api/rules/publish", UriKind.Relative), new { files = new[] { RepoFile("rules/credit-limit.json") } });
        rules.StatusCode.Should().Be(HttpStatusCode.Created, await rules.Content.ReadAsStringAsync());
    }

    /// <summary>Publishes the cycle: credit-release, dunning and order-to-cash, which calls both.</summary>
    public async Task PublishWorkflowAsync()
    {
        await PublishDefinitionAsync(Path.Combine(RepositoryPaths.Root, "workflows", "credit-release.bpmn"));
        await PublishDefinitionAsync(Path.Combine(RepositoryPaths.Root, "workflows", "dunning.bpmn"));
        await PublishDefinitionAsync(Path.Combine(RepositoryPaths.Root, "workflows", "order-to-cash.bpmn"));
    }

    /// <summary>order-to-cash and dunning, without the credit-release process it calls for a blocked order.</summary>
    public async Task PublishOrderToCashWithoutCreditReleaseAsync()
    {
        await PublishDefinitionAsync(Path.Combine(RepositoryPaths.Root, "workflows", "dunning.bpmn"));
        await PublishDefinitionAsync(Path.Combine(RepositoryPaths.Root, "workflows", "order-to-cash.bpmn"));
    }

    /// <summary>Everything the whole cycle needs: the credit, payment-terms and escalation rules, and the workflows.</summary>
    public async Task PublishCycleAsync()
    {
        using var credit = Client("claire");
        var rules = await credit.PostAsJsonAsync(new Uri("/api/rules/publish", UriKind.Relative), new
        {
            files = new[] { RepoFile("rules/credit-limit.json"), RepoFile("rules/payment-terms.json"), RepoFile("rules/escalation.json") },
            comment = "Shipped rules",
        });
        rules.StatusCode.Should().Be(HttpStatusCode.Created, await rules.Content.ReadAsStringAsync());
        await PublishWorkflowAsync();
    }

    private async Task PublishDefinitionAsync(string path)
    {
        using var owner = Client("olivia");
        var xml = await File.ReadAllTextAsync(path);
        var workflow = await owner.PostAsync(new Uri($"/api/definitions?file={Path.GetFileName(path)}", UriKind.Relative), new StringContent(xml, Encoding.UTF8, "application/xml"));
        workflow.StatusCode.Should().Be(HttpStatusCode.Created, await workflow.Content.ReadAsStringAsync());
    }

    /// <summary>One-line order: <paramref name="quantity"/> × <paramref name="unitPrice"/> at 20 % VAT.</summary>
    public static object OneLine(string customerId, decimal quantity, decimal unitPrice) =>
        new { customerId, lines = new[] { new { description = "Industrial flour, 25 kg", quantity, unitPrice, vatRate = 20m } } };

    public async Task<JsonElement> PlaceAsync(string userName, object order)
    {
        using var client = Client(userName);
        var response = await client.PostAsJsonAsync(new Uri("/api/orders", UriKind.Relative), order);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement;
    }

    public async Task<JsonElement> OrderAsync(string number)
    {
        using var client = Client("claire");
        return JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/orders/{number}", UriKind.Relative))).RootElement;
    }

    public async Task<decimal> ExposureAsync(string customerId)
    {
        using var client = Client("claire");
        var customer = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/customers/{customerId}", UriKind.Relative))).RootElement;
        return customer.GetProperty("exposure").GetProperty("total").GetDecimal();
    }

    /// <summary>The open credit-release tasks about <paramref name="orderNumber"/> in <paramref name="userName"/>'s inbox.</summary>
    public async Task<IReadOnlyList<JsonElement>> TasksAsync(string userName, string orderNumber)
    {
        using var client = Client(userName);
        var inbox = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/tasks", UriKind.Relative))).RootElement;
        return [.. inbox.EnumerateArray().Where(t => t.GetProperty("businessKey").GetString() == orderNumber)];
    }

    /// <summary>Claims the order's single open task as <paramref name="userName"/> and completes it with the decision.</summary>
    public async Task DecideAsync(string userName, string orderNumber, string decision, string comment)
    {
        var task = (await TasksAsync(userName, orderNumber)).Should().ContainSingle().Subject;
        var taskId = task.GetProperty("id").GetString();
        using var client = Client(userName);
        var claimed = await client.PostAsync(new Uri($"/api/tasks/{taskId}/claim", UriKind.Relative), null);
        claimed.StatusCode.Should().Be(HttpStatusCode.OK, await claimed.Content.ReadAsStringAsync());
        var completed = await client.PostAsJsonAsync(new Uri($"/api/tasks/{taskId}/complete", UriKind.Relative), new { outputs = new { decision, comment } });
        completed.StatusCode.Should().Be(HttpStatusCode.OK, await completed.Content.ReadAsStringAsync());
    }

    public void Dispose()
    {
        Host.Dispose();
        directory.Dispose();
    }

    private static object RepoFile(string relative) =>
        new { name = Path.GetFileName(relative), content = File.ReadAllText(Path.Combine(RepositoryPaths.Root, relative)) };
}
