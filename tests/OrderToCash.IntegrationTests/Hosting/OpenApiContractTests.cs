using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using OrderToCash.IntegrationTests.Infrastructure;

namespace OrderToCash.IntegrationTests.Hosting;

/// <summary>
/// The OpenAPI document is a contract: every operation documented (generic test, catches endpoints added later), and
/// the whole document equal to its reviewed snapshot (openapi.v1.json beside this file; the diff is the review).
/// Regenerate the snapshot with O2C_UPDATE_OPENAPI_SNAPSHOT=1 (see docs/operations.md, "OpenAPI").
/// </summary>
public sealed class OpenApiContractTests : IDisposable
{
    private static readonly string SnapshotPath = Path.Combine(RepositoryPaths.Root, "tests", "OrderToCash.IntegrationTests", "Hosting", "openapi.v1.json");

    private readonly TempDirectory directory = new();
    private readonly TestHost host;

    public OpenApiContractTests() => host = TestHost.Sqlite(directory, ("Scheduler:AutoStart", "false"));

    [Fact]
    public async Task Every_operation_has_an_id_a_written_summary_a_typed_success_a_problem_response_and_its_security()
    {
        var document = await DocumentAsync();
        var schemes = document["components"]!["securitySchemes"]!.AsObject().Select(s => s.Key).ToList();
        schemes.Should().BeEquivalentTo("cookie", "basic", "apiKey");

        var operations = Operations(document).ToList();
        operations.Should().HaveCountGreaterThan(60);
        var problems = new List<string>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, operation) in operations)
        {
            var id = operation["operationId"]?.GetValue<string>();
            if (string.IsNullOrWhiteSpace(id) || !ids.Add(id))
            {
                problems.Add($"{name}: operationId missing or not unique ({id})");
            }

            // A summary written for the reader (WithSummary), not one made from the handler's name: at least four words.
            var summary = operation["summary"]?.GetValue<string>() ?? string.Empty;
            if (summary.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length < 4)
            {
                problems.Add($"{name}: no written summary ('{summary}')");
            }

            var responses = operation["responses"]!.AsObject();
            if (!responses.Any(r => r.Key.StartsWith('4') && r.Value?["content"]?["application/problem+json"] is not null))
            {
                problems.Add($"{name}: no 4xx problem response");
            }

            if (!responses.Any(r => r.Key == "204" || (r.Key.StartsWith('2') && r.Value?["content"]?.AsObject().Any(c => c.Value?["schema"] is not null) == true)))
            {
                problems.Add($"{name}: no success response with its schema");
            }

            var anonymous = name.StartsWith("GET /health", StringComparison.Ordinal) || name is "POST /api/auth/login" or "GET /openapi/v1.json";
            if (!anonymous && operation["security"] is not JsonArray { Count: > 0 })
            {
                problems.Add($"{name}: no security requirement");
            }
        }

        problems.Should().BeEmpty();
    }

    [Fact]
    public async Task Order_entry_is_documented_as_201_created_with_the_order()
    {
        var document = await DocumentAsync();

        var responses = document["paths"]!["/api/orders"]!["post"]!["responses"]!.AsObject();

        responses.Select(r => r.Key).Should().Contain("201").And.NotContain("200");
        responses["201"]!["content"]!["application/json"]!["schema"].Should().NotBeNull();
    }

    [Fact]
    public async Task The_document_equals_its_reviewed_snapshot()
    {
        var actual = (await DocumentAsync()).ToJsonString(new JsonSerializerOptions { WriteIndented = true }).ReplaceLineEndings("\n") + "\n";
        if (Environment.GetEnvironmentVariable("O2C_UPDATE_OPENAPI_SNAPSHOT") == "1")
        {
            await File.WriteAllTextAsync(SnapshotPath, actual);
        }

        File.Exists(SnapshotPath).Should().BeTrue($"the snapshot {SnapshotPath} is committed (O2C_UPDATE_OPENAPI_SNAPSHOT=1 writes it)");
        var expected = (await File.ReadAllTextAsync(SnapshotPath)).ReplaceLineEndings("\n");
        actual.Should().Be(expected, "the API changed: review the diff, then regenerate with O2C_UPDATE_OPENAPI_SNAPSHOT=1 dotnet test tests/OrderToCash.IntegrationTests --filter OpenApiContract");
    }

    [Fact]
    public async Task The_reference_page_is_served_without_signing_in()
    {
        using var client = host.CreateClient();

        var response = await client.GetAsync(new Uri("/scalar/v1", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        // Scalar's page loads its configuration (the document's address) from its own script.
        (await response.Content.ReadAsStringAsync()).Should().Contain("<title>Scalar API Reference</title>").And.Contain("scalar.aspnetcore.js");
    }

    private async Task<JsonNode> DocumentAsync()
    {
        using var client = host.CreateClient();
        return JsonNode.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)))!;
    }

    private static IEnumerable<(string Name, JsonNode Operation)> Operations(JsonNode document)
    {
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                if (method is "get" or "post" or "put" or "delete" or "patch")
                {
                    yield return ($"{method.ToUpperInvariant()} {path}", operation!);
                }
            }
        }
    }

    public void Dispose()
    {
        host.Dispose();
        directory.Dispose();
    }
}
