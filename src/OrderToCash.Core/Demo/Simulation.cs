using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderToCash.Core.Customers;
using OrderToCash.Core.Dunning;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Infrastructure.Security;
using OrderToCash.Core.Invoicing;
using OrderToCash.Core.Orders;
using OrderToCash.Core.Payments;
using OrderToCash.Engine.Durable;

namespace OrderToCash.Core.Demo;

/// <summary>
/// Runs the order-to-cash cycle day by day on a simulated clock, through the product's own services (order entry,
/// delivery, the cycle workflow and its invoicing step, cash application, credit notes, write-offs) and the durable
/// workflow runtime (credit managers' tasks, due timers fired each evening). Every random choice comes from one
/// seeded source, taken in a fixed order, so the same seed on an empty database gives the same ledger.
/// </summary>
internal sealed class Simulation(IServiceProvider services, SimulatedClock clock, SimulationSettings settings)
{
    private static readonly string[] DisputeReasons = ["PRICE_ERROR", "QUANTITY_SHORT", "DAMAGED_OR_QUALITY", "MISSING_PO_OR_REFERENCE"];

    private readonly Random random = new(settings.Seed);
    private readonly Dictionary<string, SyntheticCustomer> customers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> orderCustomers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateOnly> plannedDeliveries = new(StringComparer.Ordinal);
    private readonly SortedDictionary<DateOnly, List<PlannedAction>> agenda = [];
    private readonly Dictionary<string, string> unappliedPayments = new(StringComparer.Ordinal);
    private int paymentCounter;
    private SimulatedBackOffice? backOffice;

    /// <summary>How many customers of each behaviour the seed produced.</summary>
    public IReadOnlyDictionary<string, int> CustomersByBehaviour() =>
        customers.Values.GroupBy(c => c.Behaviour).OrderBy(g => g.Key).ToDictionary(g => g.Key.ToString(), g => g.Count());

    private Func<OrderToCashDbContext> CreateContext => services.GetRequiredService<Func<OrderToCashDbContext>>();

    public async Task RunAsync(IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var created = SyntheticCustomers.Create(settings.Customers, settings.Seed, settings.Start, random);
        if (settings.WithDemoCustomers)
        {
            // The demo company's other accounts are shared between its two salespeople, who sign in to see them.
            for (var i = 0; i < created.Count; i++)
            {
                created[i].Customer.Salesperson = DemoPeople.Salespeople[i % DemoPeople.Salespeople.Count];
            }

            created = [.. SyntheticCustomers.Demo(settings.Start), .. created];
        }

        await using (var db = CreateContext())
        {
            db.AddRange(created.Select(c => c.Customer));
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (var customer in created)
        {
            customers[customer.Customer.Id] = customer;
        }

        // Tasks of the cycle carry the order number as business key; disputes carry their own number.
        backOffice = new SimulatedBackOffice(services.GetRequiredService<DurableWorkflowRuntime>(), services.GetRequiredService<WorkflowReader>(), clock, random,
            key => orderCustomers.TryGetValue(key, out var customerId) ? customers[customerId] : null);

        for (var day = 0; day < settings.Days; day++)
        {
            var date = settings.Start.AddDays(day);
            clock.MoveTo(date, new TimeOnly(8, 0));
            if (IsWorkingDay(date))
            {
                await PlaceOrdersAsync(cancellationToken).ConfigureAwait(false);
                // A demo ends on a weekend as often as not: people stop three days before the end, so work waits.
                if (!(settings.PeopleRestOnLastDay && day >= settings.Days - 3))
                {
                    await backOffice.WorkAsync(cancellationToken).ConfigureAwait(false);
                }
                clock.MoveTo(date, new TimeOnly(12, 0));
                await DeliverAsync(date, cancellationToken).ConfigureAwait(false);
                await PlanNewInvoicesAsync(date, cancellationToken).ConfigureAwait(false);
            }

            clock.MoveTo(date, new TimeOnly(16, 0));
            await RunAgendaAsync(date, cancellationToken).ConfigureAwait(false);
            await ApplyUnappliedCashAsync(cancellationToken).ConfigureAwait(false);
            clock.MoveTo(date, new TimeOnly(20, 0));
            await FireDueTimersAsync(cancellationToken).ConfigureAwait(false);
            progress?.Report(day + 1);
        }
    }

    private static bool IsWorkingDay(DateOnly date) => date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>The day's orders arrive as one import (EDI), entered one by one and their cycles started together.</summary>
    private async Task PlaceOrdersAsync(CancellationToken cancellationToken)
    {
        var requests = new List<NewOrder>();
        foreach (var customer in customers.Values)
        {
            if (random.NextDouble() >= customer.OrdersPerWorkingDay)
            {
                continue;
            }

            var lines = Enumerable.Range(1, random.Next(1, 4))
                .Select(i => new NewOrderLine(
                    string.Create(CultureInfo.InvariantCulture, $"Article {random.Next(100, 999)}"),
                    random.Next(1, 11),
                    decimal.Round(customer.TypicalOrderNet / 10m * (decimal)(0.5 + random.NextDouble()), 2),
                    20m))
                .ToList();
            requests.Add(new NewOrder(customer.Customer.Id, lines));
        }

        var results = await services.GetRequiredService<OrderEntry>().EnterManyAsync(requests, "sim-edi-import", cancellationToken).ConfigureAwait(false);
        foreach (var (request, result) in requests.Zip(results))
        {
            var order = result.Order ?? throw new InvalidOperationException(
                $"The simulation's order for {request.CustomerId} was refused: {result.UnavailableReason ?? string.Join(" ", result.Problems!.Values.SelectMany(p => p))}");
            orderCustomers[order.Number] = request.CustomerId!;
        }
    }

    /// <summary>
    /// Accepted orders leave one to four working days after acceptance; one blocked by the credit check at delivery waits
    /// for the credit managers' inbox (released, it leaves on the release day), and one whose cycle could not take it
    /// is tried again a week later.
    /// </summary>
    private async Task DeliverAsync(DateOnly today, CancellationToken cancellationToken)
    {
        List<string> accepted;
        await using (var db = CreateContext())
        {
            accepted = await db.Set<Order>().AsNoTracking().Where(o => o.Status == OrderStatus.Accepted)
                .OrderBy(o => o.Number).Select(o => o.Number).ToListAsync(cancellationToken).ConfigureAwait(false);
        }

        var due = new List<(string, DateOnly)>();
        foreach (var number in accepted)
        {
            if (!plannedDeliveries.TryGetValue(number, out var planned))
            {
                plannedDeliveries[number] = AddWorkingDays(today, random.Next(1, 5));
            }
            else if (planned <= today)
            {
                due.Add((number, today));
            }
        }

        var results = await services.GetRequiredService<OrderDelivery>().DeliverManyAsync(due, cancellationToken).ConfigureAwait(false);
        foreach (var ((number, _), result) in due.Zip(results))
        {
            if (result.Order is null)
            {
                plannedDeliveries[number] = today.AddDays(7);
            }
            else
            {
                plannedDeliveries.Remove(number);
            }
        }
    }

    /// <summary>Each invoice issued today gets its customer's behaviour: when and how it will be paid, contested or given up.</summary>
    private async Task PlanNewInvoicesAsync(DateOnly today, CancellationToken cancellationToken)
    {
        List<Invoice> issued;
        await using (var db = CreateContext())
        {
            issued = await db.Set<Invoice>().AsNoTracking().Where(i => i.IssueDate == today).OrderBy(i => i.Number).ToListAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (var invoice in issued)
        {
            var behaviour = customers[invoice.CustomerId].Behaviour;
            var due = invoice.DueDate;
            switch (behaviour)
            {
                case CustomerBehaviour.OnTimePayer:
                    Plan(due.AddDays(-random.Next(0, 6)), Payment(invoice, 1m));
                    break;
                case CustomerBehaviour.LatePayer when random.NextDouble() < 0.2:
                    Plan(due.AddDays(random.Next(5, 20)), Payment(invoice, 0.5m));
                    Plan(due.AddDays(random.Next(25, 60)), Payment(invoice, 1m));
                    break;
                case CustomerBehaviour.LatePayer:
                    // Most late payers are one to three weeks late (the French average delay is about two weeks); one
                    // invoice in five waits three to six weeks.
                    var paysOn = due.AddDays(random.NextDouble() < 0.8 ? random.Next(5, 21) : random.Next(21, 46));
                    if (paysOn > due.AddDays(7) && random.NextDouble() < 0.8)
                    {
                        // Called by the collector a few days after the due date, four customers in five give a date:
                        // mostly the day they will pay (kept), one time in four a week or so too early (broken: they pay
                        // after the promised date and its tolerance).
                        var calledOn = due.AddDays(random.Next(2, 6));
                        var promisedFor = random.NextDouble() < 0.75 ? paysOn : paysOn.AddDays(-random.Next(5, 10));
                        Plan(calledOn, new PlannedPromise(invoice.Number, promisedFor));
                    }
                    else if (paysOn > due.AddDays(7))
                    {
                        // Called, nobody commits: the collector plans to call again.
                        Plan(due.AddDays(random.Next(3, 9)), new PlannedCall(invoice.Number, random.NextDouble() < 0.5 ? "NoAnswer" : "LeftMessage", random.Next(2, 6)));
                    }

                    Plan(paysOn, Payment(invoice, 1m));
                    break;
                case CustomerBehaviour.Disputer when random.NextDouble() < 0.4:
                    Plan(invoice.IssueDate.AddDays(random.Next(3, 15)), new PlannedDispute(invoice.Number, random.Next(5, 31) / 100m, DisputeReasons[random.Next(DisputeReasons.Length)]));
                    // The undisputed part on time; what a rejected dispute leaves owed, later.
                    Plan(due.AddDays(random.Next(0, 21)), Payment(invoice, 1m));
                    Plan(due.AddDays(random.Next(45, 75)), Payment(invoice, 1m));
                    break;
                case CustomerBehaviour.Disputer:
                    Plan(due.AddDays(random.Next(-3, 10)), Payment(invoice, 1m));
                    break;
                case CustomerBehaviour.InDifficulty when random.NextDouble() < 0.5:
                    // Chased, it promises to pay within the month, and pays half of it a month or two later.
                    Plan(due.AddDays(random.Next(8, 15)), new PlannedPromise(invoice.Number, due.AddDays(random.Next(20, 30))));
                    Plan(due.AddDays(random.Next(30, 90)), Payment(invoice, 0.5m));
                    Plan(due.AddDays(random.Next(100, 160)), Payment(invoice, 1m));
                    break;
                case CustomerBehaviour.InDifficulty:
                    Plan(due.AddDays(120), new PlannedWriteOff(invoice.Number));
                    break;
            }
        }
    }

    private PlannedPayment Payment(Invoice invoice, decimal share) =>
        new(invoice.Number, share, QuotesInvoice: random.NextDouble() < 0.85, OverPayment: random.NextDouble() < 0.02 ? random.Next(1, 5_000) / 100m : 0m);

    private void Plan(DateOnly on, PlannedAction action)
    {
        if (!agenda.TryGetValue(on, out var actions))
        {
            agenda[on] = actions = [];
        }

        actions.Add(action);
    }

    private async Task RunAgendaAsync(DateOnly today, CancellationToken cancellationToken)
    {
        // Anything planned for a day already past (a plan made late) happens today.
        var actions = new List<PlannedAction>();
        foreach (var day in agenda.Keys.TakeWhile(d => d <= today).ToList())
        {
            actions.AddRange(agenda[day]);
            agenda.Remove(day);
        }

        if (actions.Count == 0)
        {
            return;
        }

        var numbers = actions.Select(a => a.InvoiceNumber).Distinct(StringComparer.Ordinal).ToList();
        Dictionary<string, Invoice> invoices;
        await using (var db = CreateContext())
        {
            invoices = await db.Set<Invoice>().AsNoTracking().Where(i => numbers.Contains(i.Number)).ToDictionaryAsync(i => i.Number, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);
        }

        // The day's bank statement is imported once, after the back office's own actions of the day.
        var statement = new List<(ReceivedPayment Line, PlannedPayment Plan)>();
        foreach (var action in actions)
        {
            var invoice = invoices[action.InvoiceNumber];
            if (invoice.IsSettled)
            {
                continue;
            }

            switch (action)
            {
                case PlannedPayment payment when StatementLine(invoice, payment) is { } line:
                    statement.Add((line, payment));
                    break;
                case PlannedDispute dispute:
                    var amount = Math.Min(decimal.Round(invoice.GrossAmount * dispute.ShareOfGross, 2, MidpointRounding.AwayFromZero), invoice.OpenAmount - invoice.DisputedAmount);
                    if (amount > 0m)
                    {
                        await SimulationHooks.RaiseDisputeAsync(services, new DisputeIntent(invoice.Number, invoice.CustomerId, amount, dispute.ReasonCode, "Contested by the simulated customer"), cancellationToken).ConfigureAwait(false);
                    }

                    break;
                case PlannedPromise promise when promise.PromisedFor > today && invoice.OpenAmount - invoice.DisputedAmount > 0m:
                    await SimulationHooks.PromiseToPayAsync(services, new PromiseIntent(invoice.Number, invoice.OpenAmount - invoice.DisputedAmount, promise.PromisedFor), cancellationToken).ConfigureAwait(false);
                    break;
                case PlannedCall call:
                    await SimulationHooks.LogCallAsync(services, call, cancellationToken).ConfigureAwait(false);
                    break;
                case PlannedCreditNote note:
                    await services.GetRequiredService<InvoiceAdjustments>()
                        .IssueCreditNoteAsync(invoice.Number, Math.Min(note.Amount, invoice.OpenAmount), note.Reason, "sim-adv", cancellationToken).ConfigureAwait(false);
                    break;
                case PlannedWriteOff:
                    await services.GetRequiredService<InvoiceAdjustments>().WriteOffAsync(invoice.Number, "Customer insolvent: no payment 120 days after the due date", cancellationToken).ConfigureAwait(false);
                    break;
            }
        }

        await ImportStatementAsync(statement, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The bank line of a planned payment: a share of what is open when it was planned to be paid (at least what the plan read).</summary>
    private ReceivedPayment? StatementLine(Invoice invoice, PlannedPayment payment)
    {
        // A customer pays what it does not contest; the disputed part waits for the dispute's outcome.
        var amount = decimal.Round((invoice.OpenAmount - invoice.DisputedAmount) * payment.ShareOfOpen, 2, MidpointRounding.AwayFromZero) + payment.OverPayment;
        if (amount <= 0m)
        {
            return null;
        }

        var reference = string.Create(CultureInfo.InvariantCulture, $"{SyntheticCustomers.IdPrefix(settings.Seed)}P{++paymentCounter:D7}");
        return new ReceivedPayment(reference, invoice.CustomerId, amount, invoice.Currency, clock.Today, payment.QuotesInvoice ? $"Paiement {invoice.Number}" : "Paiement fournisseur");
    }

    private async Task ImportStatementAsync(List<(ReceivedPayment Line, PlannedPayment Plan)> statement, CancellationToken cancellationToken)
    {
        if (statement.Count == 0)
        {
            return;
        }

        var results = await services.GetRequiredService<CashApplication>().ReceiveManyAsync([.. statement.Select(s => s.Line)], "sim-bank-import", cancellationToken).ConfigureAwait(false);
        foreach (var ((line, plan), result) in statement.Zip(results))
        {
            var recorded = result.Payment ?? throw new InvalidOperationException($"The simulation's payment {line.Reference} was refused: {result.DuplicateReason ?? string.Join(" ", result.Problems!.Values.SelectMany(p => p))}");
            if (recorded.UnappliedAmount > 0m && !plan.QuotesInvoice)
            {
                unappliedPayments[line.Reference!] = plan.InvoiceNumber;
            }
        }
    }

    /// <summary>The collector applies cash that matched nothing to the invoice the customer meant (they phone to ask).</summary>
    private async Task ApplyUnappliedCashAsync(CancellationToken cancellationToken)
    {
        if (unappliedPayments.Count == 0)
        {
            return;
        }

        var cash = services.GetRequiredService<CashApplication>();
        foreach (var (reference, invoiceNumber) in unappliedPayments.OrderBy(p => p.Key, StringComparer.Ordinal).ToList())
        {
            unappliedPayments.Remove(reference);
            Payment payment;
            Invoice invoice;
            await using (var db = CreateContext())
            {
                payment = await db.Set<Payment>().AsNoTracking().SingleAsync(p => p.Reference == reference, cancellationToken).ConfigureAwait(false);
                invoice = await db.Set<Invoice>().AsNoTracking().SingleAsync(i => i.Number == invoiceNumber, cancellationToken).ConfigureAwait(false);
            }

            if (payment.UnappliedAmount > 0m && !invoice.IsSettled)
            {
                await cash.ApplyAsync(payment.Id, invoiceNumber, null, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>What the dispatcher and the delivery job do in the host: due timers, buffered messages, the reminder outbox.</summary>
    private async Task FireDueTimersAsync(CancellationToken cancellationToken)
    {
        var dispatcher = services.GetRequiredService<WorkflowDispatcher>();
        while (await dispatcher.FireDueTimersAsync(cancellationToken).ConfigureAwait(false) + await dispatcher.DeliverBufferedMessagesAsync(cancellationToken).ConfigureAwait(false) > 0)
        {
        }

        await services.GetRequiredService<ReminderDelivery>().DeliverPendingAsync(cancellationToken).ConfigureAwait(false);
    }

    private static DateOnly AddWorkingDays(DateOnly from, int days)
    {
        var date = from;
        while (days > 0)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date))
            {
                days--;
            }
        }

        return date;
    }
}

/// <param name="Customers">How many synthetic customers.</param>
/// <param name="Days">How many days to simulate.</param>
/// <param name="Seed">The random seed: the same seed gives the same result.</param>
/// <param name="Start">The first simulated day.</param>
/// <param name="WithDemoCustomers">Also run the eight named demo customers (C-0001...), whose portal users the demo signs in as.</param>
/// <param name="PeopleRestOnLastDay">Nobody works the inboxes in the last three days, so a demo ends with blocked orders and tasks waiting.</param>
public sealed record SimulationSettings(int Customers, int Days, int Seed, DateOnly Start, bool WithDemoCustomers = false, bool PeopleRestOnLastDay = false);
