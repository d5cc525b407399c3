using System.Net;
using OrderToCash.Core.Customers;
using OrderToCash.IntegrationTests.Infrastructure;
using OrderToCash.TestSupport;

namespace OrderToCash.IntegrationTests.Cycle;

[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlPaymentTermsTests(PostgresServer server)
{
    [PostgresFact]
    public async Task On_postgresql_refused_terms_wait_for_sales_administration_and_the_corrected_terms_are_invoiced()
    {
        using var cycle = new CycleScenario(await server.CreateDatabaseAsync());
        await cycle.InitializeAsync();
        await cycle.SetContractAsync("C-0001", new PaymentTerms(45, PaymentTermBasis.EndOfMonth), agreedInContract: false, periodicInvoicing: false);
        var order = await cycle.AcceptedOrderAsync("C-0001", 1m, 100m);

        (await cycle.DeliverAsync(order)).StatusCode.Should().Be(HttpStatusCode.OK);

        var task = (await cycle.Orders.TasksAsync("sandra", order)).Should().ContainSingle().Subject;
        task.GetProperty("elementId").GetString().Should().Be("correctTerms");
        var form = await cycle.GetAsync("sandra", $"/api/tasks/{task.GetProperty("id").GetString()}/form");
        form.GetProperty("context").GetProperty("termsRefusal").GetString().Should().Contain("45 days end of month is allowed only when written in the contract");

        await cycle.SetContractAsync("C-0001", new PaymentTerms(45, PaymentTermBasis.EndOfMonth), agreedInContract: true, periodicInvoicing: false);
        await cycle.CompleteTaskAsync("sandra", task.GetProperty("id").GetString()!, new { comment = "Contrat signé" });

        (await cycle.OrderStatusAsync(order)).Should().Be("Invoiced");
        (await cycle.GetAsync("sandra", $"/api/decisions/order/{order}")).EnumerateArray()
            .Count(d => d.GetProperty("decision").GetProperty("ruleSetName").GetString() == "payment-terms").Should().Be(2);
    }
}
