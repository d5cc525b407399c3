using OrderToCash.Core.RootCauses;

namespace OrderToCash.Tests.RootCauses;

public class ImprovementTaskTests
{
    private static readonly DateTimeOffset Now = new(2026, 7, 1, 9, 0, 0, TimeSpan.Zero);

    private static ImprovementTask NewTask() => ImprovementTask.Open(
        new RecurringCause("PRICE_ERROR", "ADV", new DateOnly(2026, 1, 1), new DateOnly(2026, 4, 1), 18, 5, 2_160m, 20m),
        "RecurringAcrossCustomers", 42, Now);

    [Fact]
    public void A_new_task_is_open_owns_its_cause_key_and_keeps_the_rate_before()
    {
        var task = NewTask();

        task.Status.Should().Be(ImprovementTaskStatus.Open);
        task.OpenCauseKey.Should().Be("PRICE_ERROR|ADV");
        task.Number.Should().MatchRegex("^IT-2026-[0-9A-F]{8}$");
        (task.OccurrencesBefore, task.AmountBefore, task.RatePer1000Before).Should().Be((18, 2_160m, 20m));
    }

    [Fact]
    public void The_lifecycle_runs_open_acknowledged_fix_in_progress_fix_deployed_verified_and_frees_the_cause()
    {
        var task = NewTask();

        task.Acknowledge("sabine", Now);
        task.StartFix("sabine", Now);
        task.DeployFix(new DateOnly(2026, 7, 1), "  Price list synchronised with CRM deals ", "sabine", Now);
        task.Verify(3.3333m, "dropped", Now.AddDays(90));

        task.Status.Should().Be(ImprovementTaskStatus.Verified);
        task.FixDescription.Should().Be("Price list synchronised with CRM deals");
        task.OpenCauseKey.Should().BeNull("a verified cause may recur later and get a new task");
        task.RatePer1000After.Should().Be(3.3333m);
    }

    [Fact]
    public void A_reopened_task_keeps_its_cause_and_can_go_round_again()
    {
        var task = NewTask();
        task.Acknowledge("sabine", Now);
        task.StartFix("sabine", Now);
        task.DeployFix(new DateOnly(2026, 7, 1), "First try", "sabine", Now);

        task.Reopen(20m, "not dropped", Now.AddDays(90));
        task.StartFix("sabine", Now.AddDays(91));

        task.Status.Should().Be(ImprovementTaskStatus.FixInProgress);
        task.ReopenCount.Should().Be(1);
        task.OpenCauseKey.Should().Be("PRICE_ERROR|ADV");
    }

    [Fact]
    public void Refused_moves_say_where_the_task_is_and_change_nothing()
    {
        var task = NewTask();

        var skip = () => task.DeployFix(new DateOnly(2026, 7, 1), "Fix", "sabine", Now);
        var verifyOpen = () => task.Verify(1m, "x", Now);

        skip.Should().Throw<ImprovementTaskException>().WithMessage("Task IT-* is Open: it can move to FixDeployed only from FixInProgress.");
        verifyOpen.Should().Throw<ImprovementTaskException>().WithMessage("*is Open: it can move to Verified only from FixDeployed.");
        task.Status.Should().Be(ImprovementTaskStatus.Open);
        task.FixDeployedOn.Should().BeNull();
    }

    [Fact]
    public void A_fix_needs_a_description_and_a_date_that_is_not_in_the_future()
    {
        var task = NewTask();
        task.Acknowledge("sabine", Now);
        task.StartFix("sabine", Now);

        ((Action)(() => task.DeployFix(new DateOnly(2026, 7, 1), " ", "sabine", Now))).Should().Throw<ImprovementTaskException>().WithMessage("*needs a description*");
        ((Action)(() => task.DeployFix(new DateOnly(2026, 7, 2), "Fix", "sabine", Now))).Should().Throw<ImprovementTaskException>().WithMessage("*2026-07-02 is in the future*");
        task.Status.Should().Be(ImprovementTaskStatus.FixInProgress);
    }
}
