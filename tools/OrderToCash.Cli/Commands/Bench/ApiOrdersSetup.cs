using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using OrderToCash.Core.Infrastructure.Content;

namespace OrderToCash.Cli.Commands.Bench;

/// <summary>
/// What order entry needs on a fresh host, done through the API as a credit manager and process owner would: the
/// shipped credit-limit rules, then credit-release, dunning and order-to-cash (which calls both).
/// </summary>
internal static class ApiOrdersSetup
{
    private static readonly string[] Workflows = ["credit-release.bpmn", "dunning.bpmn", "order-to-cash.bpmn"];

    public static async Task PublishAsync(Uri host, string userName, string password, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = host, Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{userName}:{password}")));
        var (rules, _) = await ShippedContent.LoadRulesAsync(Directory.GetCurrentDirectory(), cancellationToken).ConfigureAwait(false);
        var creditLimit = rules.Single(r => Path.GetFileName(r.Path) == "credit-limit.json");
        using (var published = await http.PostAsJsonAsync(new Uri("/api/rules/publish", UriKind.Relative), new
        {
            files = new[] { new { name = "credit-limit.json", content = creditLimit.Content } },
            comment = "Shipped credit limits (bench)",
        }, cancellationToken).ConfigureAwait(false))
        {
            await EnsureCreatedAsync(published, "credit-limit rules", cancellationToken).ConfigureAwait(false);
        }

        var workflows = await ShippedContent.LoadWorkflowsAsync(Directory.GetCurrentDirectory(), cancellationToken).ConfigureAwait(false);
        foreach (var name in Workflows)
        {
            var file = workflows.Single(w => w.Name == name);
            using var content = new StringContent(file.Content, Encoding.UTF8, "application/xml");
            using var published = await http.PostAsync(new Uri($"/api/definitions?file={name}", UriKind.Relative), content, cancellationToken).ConfigureAwait(false);
            await EnsureCreatedAsync(published, name, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task EnsureCreatedAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"Publishing {what} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)}");
        }
    }
}
