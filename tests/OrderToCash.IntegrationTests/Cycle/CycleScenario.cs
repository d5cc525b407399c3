using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Engine.Durable.Storage;
using OrderToCash.IntegrationTests.Orders;

namespace OrderToCash.IntegrationTests.Cycle;

/// <summary>
/// The host on a fake clock (5 January 2026, inside the escalation rules' rate table: 12.15 % for 2026-H1) with the
/// whole cycle published, and the steps of the cycle as API calls.
/// </summary>
internal sealed class CycleScenario : IAsyncLifetime, IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    /// <param name="postgresConnectionString">A PostgreSQL database to run on; SQLite in a temporary folder when null.</param>
    public CycleScenario(string? postgresConnectionString = null)
    {
        Orders = new OrdersHost(postgresConnectionString, Clock);
    }

    public FakeTimeProvider Clock { get; } = new(Start);

    public OrdersHost Orders { get; }

    public DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

    public Task InitializeAsync() => Orders.PublishCycleAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => Orders.Dispose();

    public HttpClient Client(string userName) => Orders.Client(userName);

    public void AdvanceTo(DateOnly day) => Clock.SetUtcNow(new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero));

    /// <summary>Enters an accepted one-line order (20 % VAT) and returns its number.</summary>
    public async Task<string> AcceptedOrderAsync(string customerId, decimal quantity, decimal unitPrice)
    {
        var order = await Orders.PlaceAsync("salesperson", OrdersHost.OneLine(customerId, quantity, unitPrice));
        order.GetProperty("status").GetString().Should().Be("Accepted", order.ToString());
        return order.GetProperty("number").GetString()!;
    }

    public async Task<HttpResponseMessage> DeliverAsync(string orderNumber, DateOnly? on = null)
    {
        using var admin = Client("sabine");
        return await admin.PostAsJsonAsync(new Uri($"/api/orders/{orderNumber}/delivery", UriKind.Relative), new { deliveredOn = (on ?? Today).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
    }

    /// <summary>Order, delivery and the invoice the cycle issues; returns the invoice number.</summary>
    public async Task<string> InvoicedOrderAsync(string customerId, decimal quantity, decimal unitPrice)
    {
        var order = await AcceptedOrderAsync(customerId, quantity, unitPrice);
        var delivered = await DeliverAsync(order);
        delivered.StatusCode.Should().Be(HttpStatusCode.OK, await delivered.Content.ReadAsStringAsync());
        var invoices = await GetAsync("claire", $"/api/invoices?customer={customerId}");
        return invoices.EnumerateArray().Single(i => i.GetProperty("orderNumber").GetString() == order).GetProperty("number").GetString()!;
    }

    public async Task<JsonElement> InvoiceAsync(string number) => await GetAsync("claire", $"/api/invoices/{number}");

    public async Task<JsonElement> GetAsync(string userName, string path)
    {
        using var client = Client(userName);
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement;
    }

    public async Task<HttpResponseMessage> PayAsync(string reference, string customerId, decimal amount, string? remittanceInfo = null, string currency = "EUR", DateOnly? receivedOn = null)
    {
        using var collector = Client("cora");
        return await collector.PostAsJsonAsync(new Uri("/api/payments", UriKind.Relative), new
        {
            reference,
            customerId,
            amount,
            currency,
            receivedOn = (receivedOn ?? Today).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            remittanceInfo,
        });
    }

    public static async Task<JsonElement> BodyAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(expected, body);
        return JsonDocument.Parse(body).RootElement;
    }

    public async Task<InstanceRecord> CycleInstanceAsync(string orderNumber)
    {
        var createContext = Orders.Host.Services.GetRequiredService<Func<OrderToCashDbContext>>();
        await using var db = createContext();
        return await db.Set<InstanceRecord>().AsNoTracking().SingleAsync(i => i.ProcessId == "order-to-cash" && i.BusinessKey == orderNumber);
    }

    public async Task<string> OrderStatusAsync(string orderNumber) =>
        (await Orders.OrderAsync(orderNumber)).GetProperty("status").GetString()!;

    /// <summary>Changes a customer's agreed terms in the master (days from the invoice date).</summary>
    public async Task SetTermsAsync(string customerId, int days)
    {
        var createContext = Orders.Host.Services.GetRequiredService<Func<OrderToCashDbContext>>();
        await using var db = createContext();
        var customer = await db.Set<Core.Customers.Customer>().SingleAsync(c => c.Id == customerId);
        customer.PaymentTerms = new Core.Customers.PaymentTerms(days, Core.Customers.PaymentTermBasis.InvoiceDate);
        await db.SaveChangesAsync();
    }

    /// <summary>Changes a customer's contract data in the master: terms, whether the contract states them, periodic invoicing.</summary>
    public async Task SetContractAsync(string customerId, Core.Customers.PaymentTerms terms, bool agreedInContract, bool periodicInvoicing)
    {
        var createContext = Orders.Host.Services.GetRequiredService<Func<OrderToCashDbContext>>();
        await using var db = createContext();
        var customer = await db.Set<Core.Customers.Customer>().SingleAsync(c => c.Id == customerId);
        (customer.PaymentTerms, customer.PaymentTermsAgreedInContract, customer.PeriodicInvoicing) = (terms, agreedInContract, periodicInvoicing);
        await db.SaveChangesAsync();
    }

    /// <summary>Claims the task as <paramref name="userName"/> and completes it with <paramref name="outputs"/>.</summary>
    public async Task CompleteTaskAsync(string userName, string taskId, object outputs)
    {
        using var client = Client(userName);
        var claimed = await client.PostAsync(new Uri($"/api/tasks/{taskId}/claim", UriKind.Relative), null);
        claimed.StatusCode.Should().Be(HttpStatusCode.OK, await claimed.Content.ReadAsStringAsync());
        var completed = await client.PostAsJsonAsync(new Uri($"/api/tasks/{taskId}/complete", UriKind.Relative), new { outputs });
        completed.StatusCode.Should().Be(HttpStatusCode.OK, await completed.Content.ReadAsStringAsync());
    }

    public async Task<int> CountAsync<T>()
        where T : class
    {
        var createContext = Orders.Host.Services.GetRequiredService<Func<OrderToCashDbContext>>();
        await using var db = createContext();
        return await db.Set<T>().CountAsync();
    }
}
