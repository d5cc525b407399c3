using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OrderToCash.IntegrationTests.Infrastructure;

namespace OrderToCash.IntegrationTests.Workflows;

/// <summary>POST /api/definitions/{processId}/migrations: a process owner moves waiting instances to another version over HTTP.</summary>
public sealed class InstanceMigrationApiTests : IDisposable
{
    private static readonly string[] Nobody = ["nobody"];

    private readonly TempDirectory directory = new();
    private readonly TestHost host;

    public InstanceMigrationApiTests() => host = TestHost.Sqlite(directory, ("Scheduler:AutoStart", "false"));

    private static Uri Migrations { get; } = new("/api/definitions/settle/migrations", UriKind.Relative);

    [Fact]
    public async Task A_process_owner_is_refused_with_the_instance_and_element_named_then_moves_the_instances_with_a_mapping_recorded_in_their_history()
    {
        using var owner = host.ClientFor("olivia");
        await PublishAsync(owner, InstanceMigrationTests.Version1);
        var review = await StartAsync(owner, "SO-1", "task");
        var payment = await StartAsync(owner, "SO-3", "message");
        await PublishAsync(owner, InstanceMigrationTests.Version2);

        var preview = await owner.PostAsJsonAsync(Migrations, new { sourceVersion = 1, targetVersion = 2, dryRun = true });
        var refused = await owner.PostAsJsonAsync(Migrations, new { sourceVersion = 1, targetVersion = 2 });
        var instanceAfterRefusal = await InstanceAsync(owner, payment);
        var moved = await owner.PostAsJsonAsync(Migrations, new { sourceVersion = 1, targetVersion = 2, mappings = new[] { new { sourceElementId = "paid", targetElementId = "paymentReceived" } } });

        preview.StatusCode.Should().Be(HttpStatusCode.OK);
        var previewed = JsonDocument.Parse(await preview.Content.ReadAsStringAsync()).RootElement;
        previewed.GetProperty("migrated").GetBoolean().Should().BeFalse();
        previewed.GetProperty("refusals")[0].GetProperty("elementId").GetString().Should().Be("paid");
        refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        problem.GetProperty("title").GetString().Should().Be("1 instance cannot move to version 2; no instance was migrated.");
        problem.GetProperty("detail").GetString().Should().Be($"The instance '{payment}' (SO-3) waits in intermediateCatchEvent 'paid', which version 2 does not have; map it to an element of version 2.");
        problem.GetProperty("refusals")[0].GetProperty("instanceId").GetString().Should().Be(payment);
        instanceAfterRefusal.GetProperty("version").GetInt32().Should().Be(1);
        moved.StatusCode.Should().Be(HttpStatusCode.OK, await moved.Content.ReadAsStringAsync());
        var result = JsonDocument.Parse(await moved.Content.ReadAsStringAsync()).RootElement;
        result.GetProperty("migrated").GetBoolean().Should().BeTrue();
        result.GetProperty("instances").GetArrayLength().Should().Be(2);
        var instance = await InstanceAsync(owner, payment);
        instance.GetProperty("version").GetInt32().Should().Be(2);
        instance.GetProperty("waiting")[0].GetProperty("elementId").GetString().Should().Be("paymentReceived");
        var migration = instance.GetProperty("migrations").EnumerateArray().Should().ContainSingle().Subject;
        (migration.GetProperty("fromVersion").GetInt32(), migration.GetProperty("toVersion").GetInt32(), migration.GetProperty("migratedBy").GetString()).Should().Be((1, 2, "olivia"));
        migration.GetProperty("elements").GetProperty("paid").GetString().Should().Be("paymentReceived");
        (await InstanceAsync(owner, review)).GetProperty("migrations")[0].GetProperty("elements").GetProperty("review").GetString().Should().Be("review");
        var versions = JsonDocument.Parse(await owner.GetStringAsync(new Uri("/api/definitions/settle/versions", UriKind.Relative))).RootElement;
        versions.EnumerateArray().Select(v => (v.GetProperty("version").GetInt32(), v.GetProperty("running").GetInt32())).Should().Equal((2, 2), (1, 0));
    }

    [Fact]
    public async Task Only_a_process_owner_migrates_and_a_malformed_request_is_refused_naming_the_field()
    {
        using var owner = host.ClientFor("olivia");
        using var credit = host.ClientFor("claire");
        await PublishAsync(owner, InstanceMigrationTests.Version1);
        await StartAsync(owner, "SO-1", "task");
        await PublishAsync(owner, InstanceMigrationTests.Version2);

        var forbidden = await credit.PostAsJsonAsync(Migrations, new { sourceVersion = 1, targetVersion = 2 });
        var noTarget = await owner.PostAsJsonAsync(Migrations, new { sourceVersion = 1 });
        var twice = await owner.PostAsJsonAsync(Migrations, new { sourceVersion = 1, targetVersion = 2, mappings = new[] { new { sourceElementId = "paid", targetElementId = "paymentReceived" }, new { sourceElementId = "paid", targetElementId = "review" } } });
        var unknownVersion = await owner.PostAsJsonAsync(Migrations, new { sourceVersion = 1, targetVersion = 9 });
        var unknownInstance = await owner.PostAsJsonAsync(Migrations, new { sourceVersion = 1, targetVersion = 2, instanceIds = Nobody });

        forbidden.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        noTarget.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await noTarget.Content.ReadAsStringAsync()).Should().Contain("targetVersion");
        twice.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await twice.Content.ReadAsStringAsync()).Should().Contain("'paid' is mapped twice.");
        unknownVersion.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await unknownVersion.Content.ReadAsStringAsync()).Should().Contain("Process 'settle' version 9 is not published.");
        unknownInstance.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await unknownInstance.Content.ReadAsStringAsync()).Should().Contain("Instance 'nobody' was not found.");
    }

    public void Dispose()
    {
        host.Dispose();
        directory.Dispose();
    }

    private static async Task<JsonElement> InstanceAsync(HttpClient owner, string id) =>
        JsonDocument.Parse(await owner.GetStringAsync(new Uri($"/api/instances/{id}", UriKind.Relative))).RootElement;

    private static async Task PublishAsync(HttpClient owner, string xml)
    {
        var response = await owner.PostAsync(new Uri("/api/definitions?file=settle.bpmn", UriKind.Relative), new StringContent(xml, Encoding.UTF8, "application/xml"));
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    private static async Task<string> StartAsync(HttpClient owner, string businessKey, string path)
    {
        var response = await owner.PostAsJsonAsync(new Uri("/api/instances", UriKind.Relative), new { processId = "settle", businessKey, variables = new { path, orderId = businessKey } });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
    }
}
