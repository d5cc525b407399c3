using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OrderToCash.IntegrationTests.Infrastructure;

namespace OrderToCash.IntegrationTests.Hosting;

/// <summary>
/// Roles are data (ADR 0132): a process owner creates a business role, a user task may be for it, an administrator gives
/// it to a configured user, who then sees, claims and completes its tasks — no code, no restart.
/// </summary>
public sealed class RoleApiTests : IDisposable
{
    private const string Payout = """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:o2c="https://ordertocash.dev/schema/bpmn" id="d" targetNamespace="t">
          <process id="payout" isExecutable="true">
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="approvePayout"/>
            <userTask id="approvePayout" name="Approve the payout" o2c:candidateRole="Treasury"/>
            <sequenceFlow id="f2" sourceRef="approvePayout" targetRef="end"/>
            <endEvent id="end"/>
          </process>
        </definitions>
        """;

    private readonly TempDirectory directory = new();
    private readonly TestHost host;

    public RoleApiTests() => host = TestHost.Sqlite(directory, ("Scheduler:AutoStart", "false"));

    [Fact]
    public async Task A_process_owner_creates_a_business_role_listed_after_the_built_in_ones_and_offered_by_the_catalog()
    {
        using var owner = host.ClientFor("olivia");

        var created = await owner.PostAsJsonAsync(new Uri("/api/roles", UriKind.Relative), new { name = "Treasury", label = "Trésorerie" });

        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        created.Headers.Location!.ToString().Should().Be("/api/roles/Treasury");
        var roles = JsonDocument.Parse(await owner.GetStringAsync(new Uri("/api/roles", UriKind.Relative))).RootElement.EnumerateArray().ToList();
        roles.Select(r => r.GetProperty("name").GetString()).Should().Equal([.. Core.Infrastructure.Security.Roles.BuiltIn, "Treasury"]);
        var treasury = roles[^1];
        treasury.GetProperty("label").GetString().Should().Be("Trésorerie");
        treasury.GetProperty("builtIn").GetBoolean().Should().BeFalse();
        treasury.GetProperty("createdBy").GetString().Should().Be("olivia");
        roles[0].GetProperty("builtIn").GetBoolean().Should().BeTrue();
        JsonDocument.Parse(await owner.GetStringAsync(new Uri("/api/catalog", UriKind.Relative))).RootElement.GetProperty("roles").EnumerateArray()
            .Select(r => r.GetString()).Should().Contain("Treasury");
    }

    [Theory]
    [InlineData("", null, HttpStatusCode.UnprocessableEntity, "The role name is required.")]
    [InlineData("Finance department", null, HttpStatusCode.UnprocessableEntity, "The role name 'Finance department' is not valid: use 2 to 50 letters (A-Z, a-z), digits, '-' or '_', starting with a letter (e.g. Finance, TreasuryDesk).")]
    [InlineData("1stLine", null, HttpStatusCode.UnprocessableEntity, "The role name '1stLine' is not valid: use 2 to 50 letters (A-Z, a-z), digits, '-' or '_', starting with a letter (e.g. Finance, TreasuryDesk).")]
    [InlineData("Treasury", "   ", HttpStatusCode.UnprocessableEntity, "The label, when given, is not blank.")]
    [InlineData("processowner", null, HttpStatusCode.Conflict, "'processowner' is the built-in role 'ProcessOwner'; a business role needs another name.")]
    [InlineData("Finance", null, HttpStatusCode.Conflict, "The role 'Finance' exists already.")]
    [InlineData("FINANCE", null, HttpStatusCode.Conflict, "The role 'Finance' exists already; role names differ by more than case.")]
    public async Task A_bad_or_taken_role_name_is_refused_with_the_reason_and_nothing_is_created(string name, string? label, HttpStatusCode status, string reason)
    {
        using var owner = host.ClientFor("olivia");
        (await owner.PostAsJsonAsync(new Uri("/api/roles", UriKind.Relative), new { name = "Finance" })).StatusCode.Should().Be(HttpStatusCode.Created);

        var refused = await owner.PostAsJsonAsync(new Uri("/api/roles", UriKind.Relative), new { name, label });

        refused.StatusCode.Should().Be(status);
        JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("title").GetString().Should().Be(reason);
        var roles = JsonDocument.Parse(await owner.GetStringAsync(new Uri("/api/roles", UriKind.Relative))).RootElement.EnumerateArray().Where(r => !r.GetProperty("builtIn").GetBoolean());
        roles.Select(r => r.GetProperty("name").GetString()).Should().Equal("Finance");
    }

    [Fact]
    public async Task Only_process_owners_and_administrators_create_roles()
    {
        using var creditManager = host.ClientFor("claire");
        using var finance = host.ClientFor("fanny");

        (await creditManager.PostAsJsonAsync(new Uri("/api/roles", UriKind.Relative), new { name = "Treasury" })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await finance.GetAsync(new Uri("/api/roles", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        using var admin = host.ClientFor("ada");
        (await admin.PostAsJsonAsync(new Uri("/api/roles", UriKind.Relative), new { name = "Treasury" })).StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_user_task_for_a_role_that_does_not_exist_is_refused_at_publication_naming_the_task_and_the_role()
    {
        using var owner = host.ClientFor("olivia");

        var refused = await PublishAsync(owner);

        refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var body = await refused.Content.ReadAsStringAsync();
        body.Should().Contain("BPMN055")
            .And.Contain("The userTask 'approvePayout' is for the role 'Treasury', which does not exist (roles: Administrator, Collector, CreditManager, Customer, ProcessOwner, Quality, SalesAdministration, Salesperson)")
            .And.Contain("create it first (POST /api/roles)");
        (await owner.PostAsJsonAsync(new Uri("/api/roles", UriKind.Relative), new { name = "treasury" })).StatusCode.Should().Be(HttpStatusCode.Created);
        (await (await PublishAsync(owner)).Content.ReadAsStringAsync()).Should().Contain("is for the role 'Treasury', which does not exist; did you mean 'treasury'? (role names are case-sensitive)");
        (await owner.GetStringAsync(new Uri("/api/definitions", UriKind.Relative))).Should().NotContain("payout");
    }

    [Fact]
    public async Task An_administrator_gives_a_user_a_business_role_who_then_claims_and_completes_its_task_and_loses_it_when_taken_back()
    {
        using var owner = host.ClientFor("olivia");
        using var admin = host.ClientFor("ada");
        using var fanny = host.ClientFor("fanny");
        (await owner.PostAsJsonAsync(new Uri("/api/roles", UriKind.Relative), new { name = "Treasury", label = "Trésorerie" })).StatusCode.Should().Be(HttpStatusCode.Created);
        (await PublishAsync(owner)).StatusCode.Should().Be(HttpStatusCode.Created);
        (await owner.PostAsJsonAsync(new Uri("/api/instances", UriKind.Relative), new { processId = "payout" })).StatusCode.Should().Be(HttpStatusCode.Created);
        (await InboxAsync(fanny)).Should().BeEmpty("fanny has no role yet");

        var granted = await admin.PutAsync(new Uri("/api/users/fanny/roles/Treasury", UriKind.Relative), null);

        granted.StatusCode.Should().Be(HttpStatusCode.OK, await granted.Content.ReadAsStringAsync());
        var view = JsonDocument.Parse(await granted.Content.ReadAsStringAsync()).RootElement;
        view.GetProperty("roles").GetArrayLength().Should().Be(0);
        view.GetProperty("grantedRoles").EnumerateArray().Select(r => r.GetString()).Should().Equal("Treasury");
        var me = JsonDocument.Parse(await fanny.GetStringAsync(new Uri("/api/auth/me", UriKind.Relative))).RootElement;
        me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).Should().Equal("Treasury");
        me.GetProperty("roleLabels").GetProperty("Treasury").GetString().Should().Be("Trésorerie", "the inbox shows what people read, not the role's code");
        var task = (await InboxAsync(fanny)).Should().ContainSingle().Subject;
        task.GetProperty("candidateRole").GetString().Should().Be("Treasury");
        var taskId = task.GetProperty("id").GetString();

        (await admin.DeleteAsync(new Uri("/api/users/fanny/roles/Treasury", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await InboxAsync(fanny)).Should().BeEmpty("the role was taken back, effective at the next call");
        (await fanny.PostAsync(new Uri($"/api/tasks/{taskId}/claim", UriKind.Relative), null)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await admin.DeleteAsync(new Uri("/api/users/fanny/roles/Treasury", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.NotFound);

        (await admin.PutAsync(new Uri("/api/users/fanny/roles/Treasury", UriKind.Relative), null)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await fanny.PostAsync(new Uri($"/api/tasks/{taskId}/claim", UriKind.Relative), null)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await fanny.PostAsJsonAsync(new Uri($"/api/tasks/{taskId}/complete", UriKind.Relative), new { outputs = new { } })).StatusCode.Should().Be(HttpStatusCode.OK);
        var users = JsonDocument.Parse(await admin.GetStringAsync(new Uri("/api/users", UriKind.Relative))).RootElement.EnumerateArray();
        users.Single(u => u.GetProperty("userName").GetString() == "fanny").GetProperty("grantedRoles").EnumerateArray().Select(r => r.GetString()).Should().Equal("Treasury");
    }

    [Theory]
    [InlineData("fanny", "ProcessOwner", HttpStatusCode.UnprocessableEntity, "'ProcessOwner' is a built-in role: built-in roles open parts of the API and are given in the configuration (Auth:Users:N:Roles), reviewed with the deployment.")]
    [InlineData("fanny", "Treasurer", HttpStatusCode.UnprocessableEntity, "There is no role 'Treasurer'; a process owner creates it first (POST /api/roles).")]
    [InlineData("nobody", "Treasury", HttpStatusCode.NotFound, "There is no user 'nobody' (users are configured in Auth:Users).")]
    public async Task Only_business_roles_that_exist_are_given_and_only_to_configured_users(string user, string role, HttpStatusCode status, string reason)
    {
        using var owner = host.ClientFor("olivia");
        using var admin = host.ClientFor("ada");
        (await owner.PostAsJsonAsync(new Uri("/api/roles", UriKind.Relative), new { name = "Treasury" })).StatusCode.Should().Be(HttpStatusCode.Created);

        var refused = await admin.PutAsync(new Uri($"/api/users/{user}/roles/{role}", UriKind.Relative), null);

        refused.StatusCode.Should().Be(status);
        JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("title").GetString().Should().Be(reason);
        (await owner.PutAsync(new Uri("/api/users/fanny/roles/Treasury", UriKind.Relative), null)).StatusCode.Should().Be(HttpStatusCode.Forbidden, "administrators give roles");
        var fanny = JsonDocument.Parse(await admin.GetStringAsync(new Uri("/api/users", UriKind.Relative))).RootElement.EnumerateArray().Single(u => u.GetProperty("userName").GetString() == "fanny");
        fanny.GetProperty("grantedRoles").GetArrayLength().Should().Be(0);
    }

    public void Dispose()
    {
        host.Dispose();
        directory.Dispose();
    }

    private static Task<HttpResponseMessage> PublishAsync(HttpClient owner) =>
        owner.PostAsync(new Uri("/api/definitions?file=payout.bpmn", UriKind.Relative), new StringContent(Payout, Encoding.UTF8, "application/xml"));

    private static async Task<List<JsonElement>> InboxAsync(HttpClient client) =>
        [.. JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/tasks", UriKind.Relative))).RootElement.EnumerateArray()];
}
