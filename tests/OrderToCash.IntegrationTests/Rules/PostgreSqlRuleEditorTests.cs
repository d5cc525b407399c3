using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrderToCash.IntegrationTests.Infrastructure;

namespace OrderToCash.IntegrationTests.Rules;

[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlRuleEditorTests(PostgresServer server)
{
    [PostgresFact]
    public async Task On_postgresql_an_edit_is_published_compared_and_rolled_back()
    {
        using var host = TestHost.PostgreSql(await server.CreateDatabaseAsync(), ("Scheduler:AutoStart", "false"), ("Rules:Folder", RepositoryPaths.Rules));
        using var credit = host.ClientFor("claire");
        var shipped = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Rules, "credit-limit.json"));
        var raised = shipped.Replace("\"Expression\": \"500\"", "\"Expression\": \"1000\"", StringComparison.Ordinal);

        (await credit.PostAsJsonAsync(new Uri("/api/rules/credit-limit/versions", UriKind.Relative), new { content = shipped })).StatusCode.Should().Be(HttpStatusCode.Created);
        (await credit.PostAsJsonAsync(new Uri("/api/rules/credit-limit/versions", UriKind.Relative), new { content = raised })).StatusCode.Should().Be(HttpStatusCode.Created);
        var diff = JsonDocument.Parse(await credit.GetStringAsync(new Uri("/api/rules/credit-limit/diff?from=1&to=2", UriKind.Relative))).RootElement;
        var rolledBack = await credit.PostAsync(new Uri("/api/rules/credit-limit/versions/1/rollback", UriKind.Relative), null);

        diff.GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("change").GetString() == "Changed").GetProperty("name").GetString().Should().Be("NoOldOverdueItems");
        rolledBack.StatusCode.Should().Be(HttpStatusCode.Created, await rolledBack.Content.ReadAsStringAsync());
        var latest = JsonDocument.Parse(await credit.GetStringAsync(new Uri("/api/rules/credit-limit/latest", UriKind.Relative))).RootElement;
        latest.GetProperty("version").GetInt32().Should().Be(3);
        latest.GetProperty("comment").GetString().Should().Be("rollback to v1");
    }
}
