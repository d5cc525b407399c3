using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OrderToCash.Core.Customers;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Engine.Durable;
using OrderToCash.IntegrationTests.Orders;

namespace OrderToCash.IntegrationTests.Steps;

/// <summary>The shipped monthly credit-limit review (workflows/credit-limit-review.bpmn): started by its timer, a task per customer due.</summary>
public sealed class CreditLimitReviewTests : IDisposable
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly OrdersHost orders;

    public CreditLimitReviewTests() => orders = new OrdersHost(clock: clock);

    [Fact]
    public async Task On_the_first_of_the_month_the_review_opens_one_credit_manager_task_per_customer_whose_review_date_is_due()
    {
        await using (var db = orders.Host.Services.GetRequiredService<Func<OrderToCashDbContext>>()())
        {
            foreach (var customer in await db.Set<Customer>().ToListAsync())
            {
                customer.NextReviewOn = customer.Id switch
                {
                    "C-0001" => new DateOnly(2026, 11, 15),
                    "C-0002" => new DateOnly(2026, 12, 1),
                    _ => new DateOnly(2027, 6, 30),
                };
            }

            await db.SaveChangesAsync();
        }

        using var owner = orders.Client("olivia");
        var xml = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "workflows", "credit-limit-review.bpmn"));
        var published = await owner.PostAsync(new Uri("/api/definitions?file=credit-limit-review.bpmn", UriKind.Relative), new StringContent(xml, Encoding.UTF8, "application/xml"));
        published.StatusCode.Should().Be(HttpStatusCode.Created, await published.Content.ReadAsStringAsync());
        var dispatcher = orders.Host.Services.GetRequiredService<WorkflowDispatcher>();
        (await dispatcher.StartDueProcessesAsync(CancellationToken.None)).Should().Be(0, "the 1st of December has not come");

        clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 6, 0, 0, TimeSpan.Zero));
        (await dispatcher.StartDueProcessesAsync(CancellationToken.None)).Should().Be(1);
        (await dispatcher.StartDueProcessesAsync(CancellationToken.None)).Should().Be(0, "once a month");

        using var credit = orders.Client("claire");
        var tasks = JsonDocument.Parse(await credit.GetStringAsync(new Uri("/api/tasks", UriKind.Relative))).RootElement.EnumerateArray()
            .Where(t => t.GetProperty("name").GetString() == "Revoir la limite de crédit du client").ToList();
        tasks.Should().HaveCount(2, "C-0001 (15 November) and C-0002 (today) are due; the others in June");
        var instanceId = tasks.Select(t => t.GetProperty("instanceId").GetString()).Distinct().Should().ContainSingle().Subject;
        var instance = JsonDocument.Parse(await owner.GetStringAsync(new Uri($"/api/instances/{instanceId}", UriKind.Relative))).RootElement;
        instance.GetProperty("businessKey").GetString().Should().Be("timer 2026-12-01T06:00:00Z");
        var customers = instance.GetProperty("variables").GetProperty("customerIds").EnumerateArray().Select(c => c.GetString()).ToList();
        customers.Should().BeEquivalentTo(["C-0001", "C-0002"]);
    }

    public void Dispose() => orders.Dispose();
}
