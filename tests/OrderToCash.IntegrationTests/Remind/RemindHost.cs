using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OrderToCash.Core;
using OrderToCash.Core.Credit;
using OrderToCash.Core.Customers;
using OrderToCash.Core.Dunning;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Infrastructure.Security;
using OrderToCash.Core.Invoicing;
using OrderToCash.Engine.Durable;
using OrderToCash.IntegrationTests.Infrastructure;

namespace OrderToCash.IntegrationTests.Remind;

/// <summary>
/// The real host on a SQLite file with a fake clock, the demo customers, the shipped escalation and dispute-routing rules
/// and workflows/dunning.bpmn + dispute.bpmn published. Time moves only when a test advances it; each day the test does
/// what the scheduler does (fire due timers, deliver buffered messages, deliver the outbox). Extra users: sabine (sales
/// administration) and cyril (a second credit manager).
/// </summary>
internal sealed class RemindHost : IAsyncDisposable, IDisposable
{
    /// <summary>Monday 2 March 2026, 08:00 UTC: invoices due in 2026-H1 are covered by the penalty rate table.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory directory = new();
    private readonly string? postgresConnectionString;
    private readonly (string Key, string? Value)[] extraSettings;
    private Factory factory;

    /// <param name="postgresConnectionString">A PostgreSQL database to run on; SQLite in a temporary folder when null.</param>
    /// <param name="extraSettings">Configuration added to the defaults (e.g. Reasons:File).</param>
    public RemindHost(string? postgresConnectionString = null, params (string Key, string? Value)[] extraSettings)
    {
        this.postgresConnectionString = postgresConnectionString;
        this.extraSettings = extraSettings;
        factory = new Factory(Settings(), Clock);
        try
        {
            _ = factory.Server;
        }
        catch
        {
            factory.Dispose();
            directory.Dispose();
            throw;
        }
    }

    public FakeTimeProvider Clock { get; } = new(Start);

    public string OutboxFolder => directory.File("outbox");

    public DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

    public IServiceProvider Services => factory.Services;

    public HttpClient Client(string userName)
    {
        var client = factory.CreateClient();
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{userName}:{TestUsers.Password(userName)}"));
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", credentials);
        return client;
    }

    public HttpClient Anonymous() => factory.CreateClient();

    /// <summary>Stops the host (as a crash would, between two steps) and starts a new one on the same database and clock.</summary>
    public async Task RestartAsync()
    {
        await factory.DisposeAsync();
        factory = new Factory(Settings(), Clock);
        _ = factory.Server;
    }

    public async Task PublishAsync()
    {
        using var credit = Client("claire");
        var rules = await credit.PostAsJsonAsync(new Uri("/api/rules/publish", UriKind.Relative), new
        {
            files = new[] { RepoFile("rules/escalation.json"), RepoFile("rules/dispute-routing.json") },
            comment = "Shipped escalation and dispute routing",
        });
        rules.StatusCode.Should().Be(HttpStatusCode.Created, await rules.Content.ReadAsStringAsync());
        using var owner = Client("olivia");
        foreach (var file in new[] { "dunning.bpmn", "dispute.bpmn" })
        {
            var xml = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "workflows", file));
            var published = await owner.PostAsync(new Uri($"/api/definitions?file={file}", UriKind.Relative), new StringContent(xml, Encoding.UTF8, "application/xml"));
            published.StatusCode.Should().Be(HttpStatusCode.Created, await published.Content.ReadAsStringAsync());
        }
    }

    /// <summary>
    /// An issued invoice as the invoicing side leaves it (number, amounts, due date, exposure moved to receivables), and
    /// its dunning workflow started, as order-to-cash.bpmn's call activity would.
    /// </summary>
    public async Task<string> IssueInvoiceAsync(string customerId, decimal gross, DateOnly dueDate, bool startDunning = true)
    {
        var number = $"FA-2026-{Interlocked.Increment(ref invoiceCounter):000000}";
        await using (var db = NewContext())
        {
            var customer = await db.Set<Customer>().SingleAsync(c => c.Id == customerId);
            var exposure = await db.Set<CreditExposure>().SingleAsync(e => e.CustomerId == customerId);
            var money = Money.Euros(gross);
            exposure.OrderAccepted(money);
            exposure.Delivered(money);
            exposure.Invoiced(money);
            var net = decimal.Round(gross / 1.2m, 2);
            db.Add(new Invoice
            {
                Number = number,
                CustomerId = customerId,
                Currency = "EUR",
                IssueDate = dueDate.AddDays(-45),
                DeliveryDate = dueDate.AddDays(-46),
                DueDate = dueDate,
                PaymentTermsText = "45 days",
                NetAmount = net,
                VatAmount = gross - net,
                GrossAmount = gross,
                Segment = customer.Segment,
                Salesperson = customer.Salesperson,
                ProductFamily = "General",
                SellerSiren = "552100554",
                SellerVatNumber = "FR40552100554",
                CustomerSiren = customer.Siren,
                CustomerVatNumber = customer.VatNumber,
                PenaltyClause = "ECB refinancing rate + 10 points",
                RecoveryIndemnity = 40m,
            });
            await db.SaveChangesAsync();
        }

        if (startDunning)
        {
            await StartDunningAsync(number, customerId);
        }

        return number;
    }

    public async Task StartDunningAsync(string invoiceNumber, string customerId)
    {
        var runtime = Services.GetRequiredService<DurableWorkflowRuntime>();
        await runtime.StartAsync(DunningWorkflow.ProcessId, new Dictionary<string, object?> { ["invoiceNumber"] = invoiceNumber, ["customerId"] = customerId }, invoiceNumber, CancellationToken.None);
        await DispatchAsync();
    }

    /// <summary>What the scheduler's jobs do, until nothing is left to do at this instant.</summary>
    /// <summary>What a settlement does once it committed: tells the invoice's dunning workflow.</summary>
    public async Task SendSettledAsync(string invoiceNumber)
    {
        var invoice = await InvoiceAsync(invoiceNumber);
        await Services.GetRequiredService<SettlementMessages>().SendAsync([invoice], CancellationToken.None);
    }

    public async Task DispatchAsync()
    {
        var dispatcher = Services.GetRequiredService<WorkflowDispatcher>();
        for (var round = 0; round < 20; round++)
        {
            var fired = await dispatcher.FireDueTimersAsync(CancellationToken.None, (s, e) => throw new InvalidOperationException($"Timer of {s} failed", e));
            var delivered = await dispatcher.DeliverBufferedMessagesAsync(CancellationToken.None, (s, e) => throw new InvalidOperationException($"Message {s} failed", e));
            if (fired + delivered == 0)
            {
                break;
            }
        }

        (await Services.GetRequiredService<WorkflowReader>().IncidentsAsync(CancellationToken.None)).Should().BeEmpty("no workflow step may fail");
        await Services.GetRequiredService<ReminderStatements>().DeliverAsync(CancellationToken.None);
        await Services.GetRequiredService<ReminderDelivery>().DeliverPendingAsync(CancellationToken.None);
    }

    /// <summary>Moves the clock a day at a time up to <paramref name="day"/> (08:00 UTC), dispatching each day.</summary>
    public async Task AdvanceToAsync(DateOnly day)
    {
        while (Today < day)
        {
            Clock.Advance(TimeSpan.FromDays(1));
            await DispatchAsync();
        }
    }

    public OrderToCashDbContext NewContext() => Services.GetRequiredService<Func<OrderToCashDbContext>>()();

    public async Task<Invoice> InvoiceAsync(string number)
    {
        await using var db = NewContext();
        return await db.Set<Invoice>().AsNoTracking().SingleAsync(i => i.Number == number);
    }

    public async Task<List<Reminder>> RemindersAsync(string invoiceNumber)
    {
        await using var db = NewContext();
        return (await db.Set<Reminder>().AsNoTracking().Where(r => r.InvoiceNumber == invoiceNumber).ToListAsync()).OrderBy(r => r.Level).ToList();
    }

    /// <summary>The open tasks in <paramref name="userName"/>'s inbox whose business key is <paramref name="businessKey"/>.</summary>
    public async Task<IReadOnlyList<JsonElement>> TasksAsync(string userName, string businessKey)
    {
        using var client = Client(userName);
        var inbox = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/tasks", UriKind.Relative))).RootElement;
        return [.. inbox.EnumerateArray().Where(t => t.GetProperty("businessKey").GetString() == businessKey)];
    }

    /// <summary>Claims the single open task about <paramref name="businessKey"/> as <paramref name="userName"/> and completes it.</summary>
    public async Task CompleteTaskAsync(string userName, string businessKey, object outputs)
    {
        var task = (await TasksAsync(userName, businessKey)).Should().ContainSingle().Subject;
        var taskId = task.GetProperty("id").GetString();
        using var client = Client(userName);
        var claimed = await client.PostAsync(new Uri($"/api/tasks/{taskId}/claim", UriKind.Relative), null);
        claimed.StatusCode.Should().Be(HttpStatusCode.OK, await claimed.Content.ReadAsStringAsync());
        var completed = await client.PostAsJsonAsync(new Uri($"/api/tasks/{taskId}/complete", UriKind.Relative), new { outputs });
        completed.StatusCode.Should().Be(HttpStatusCode.OK, await completed.Content.ReadAsStringAsync());
        await DispatchAsync();
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string userName, string path, object body)
    {
        using var client = Client(userName);
        var response = await client.PostAsJsonAsync(new Uri(path, UriKind.Relative), body);
        var text = await response.Content.ReadAsStringAsync();
        await DispatchAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public async Task<JsonElement> GetAsync(string userName, string path)
    {
        using var client = Client(userName);
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        await factory.DisposeAsync();
        directory.Dispose();
    }

    public void Dispose()
    {
        factory.Dispose();
        directory.Dispose();
    }

    private static int invoiceCounter;

    private (string Key, string? Value)[] Settings()
    {
        var extra = new List<(string, string?)>
        {
            ("Database:Provider", postgresConnectionString is null ? "Sqlite" : "PostgreSql"),
            ("Database:ConnectionString", postgresConnectionString ?? directory.SqliteConnectionString()),
            ("Demo:Seed", "true"),
            ("Scheduler:AutoStart", "false"),
            ("Reminders:OutboxFolder", OutboxFolder),
        };
        var index = TestUsers.People.Length;
        foreach (var (name, role) in new[] { ("cyril", Roles.CreditManager), ("sabine", Roles.SalesAdministration) })
        {
            extra.Add(($"Auth:Users:{index}:UserName", name));
            extra.Add(($"Auth:Users:{index}:PasswordHash", PasswordHashing.Hash(TestUsers.Password(name))));
            extra.Add(($"Auth:Users:{index}:Roles:0", role));
            index++;
        }

        return [.. TestUsers.Settings, .. extra, .. extraSettings];
    }

    private static object RepoFile(string relative) =>
        new { name = Path.GetFileName(relative), content = File.ReadAllText(Path.Combine(RepositoryPaths.Root, relative)) };

    private sealed class Factory : WebApplicationFactory<Program>
    {
        private readonly (string Key, string? Value)[] settings;
        private readonly FakeTimeProvider clock;

        public Factory((string Key, string? Value)[] settings, FakeTimeProvider clock)
        {
            this.settings = settings;
            this.clock = clock;
            ClientOptions.BaseAddress = TestHost.Https;
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock));
        }
    }
}
