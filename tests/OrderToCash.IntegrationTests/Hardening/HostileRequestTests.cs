using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OrderToCash.IntegrationTests.Infrastructure;

namespace OrderToCash.IntegrationTests.Hardening;

/// <summary>
/// The attacks of issue 15 on the host, each through the real API: every one gets a clear 4xx answer (or a clear
/// diagnostic), and /health keeps answering after it.
/// </summary>
public sealed class HostileRequestTests : IDisposable
{
    private static readonly string DeepParentheses = new string('(', 1995) + "1" + new string(')', 1995);

    private readonly TempDirectory directory = new();
    private readonly TestHost host;

    public HostileRequestTests() => host = TestHost.Sqlite(directory, ("Scheduler:AutoStart", "false"));

    [Fact]
    public async Task An_expression_of_1995_nested_parentheses_sent_to_check_expression_is_a_400_and_the_host_answers()
    {
        using var credit = host.ClientFor("claire");

        var response = await credit.PostAsJsonAsync(Url("/api/rules/check-expression"), new { ruleSet = "credit-limit", expression = DeepParentheses + " > 0" });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("The expression nests brackets more than 64 levels deep (at character 65); split it into parameters.");
        await HealthAnswersAsync();
    }

    [Fact]
    public async Task A_runaway_expression_evaluated_on_sample_inputs_is_stopped_by_its_time_budget()
    {
        using var credit = host.ClientFor("claire");

        var response = await credit.PostAsJsonAsync(Url("/api/rules/check-expression"), new
        {
            ruleSet = "credit-limit",
            expression = "\"x\".PadLeft(30000).Any(c => \"x\".PadLeft(30000).Any(d => d == 'y'))",
            content = """{ "WorkflowName": "credit-limit", "Rules": [] }""",
            inputs = new
            {
                check = new { orderAmount = 1000m, exposure = 0m, internalLimit = 50_000m, insurerCover = 30_000m, overdueAmount = 0m, oldestOverdueDays = 0, riskClass = "B", accountAgeDays = 900, paidInvoiceCount = 40 },
            },
        });

        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        response.StatusCode.Should().Be(HttpStatusCode.OK, body.ToString());
        body.GetProperty("value").GetBoolean().Should().BeFalse();
        body.GetProperty("message").GetString().Should().Contain("With these inputs it fails").And.Contain("ran longer than the time budget of 1 s and was stopped");
        await HealthAnswersAsync();
    }

    [Fact]
    public async Task A_rule_set_with_a_deep_global_parameter_is_refused_by_what_if_and_publish()
    {
        using var credit = host.ClientFor("claire");
        var content = $$"""{ "WorkflowName": "credit-limit", "GlobalParams": [ { "Name": "deep", "Expression": "{{DeepParentheses}}" } ], "Rules": [ { "RuleName": "R", "Expression": "deep > 0" } ] }""";

        var whatIf = JsonDocument.Parse(await (await credit.PostAsJsonAsync(Url("/api/rules/what-if"), new { content })).Content.ReadAsStringAsync()).RootElement;
        var publish = await credit.PostAsJsonAsync(Url("/api/rules/credit-limit/versions"), new { content });

        whatIf.GetProperty("valid").GetBoolean().Should().BeFalse();
        whatIf.GetProperty("diagnostics").EnumerateArray().Should().Contain(d => d.GetProperty("message").GetString()!.Contains("GlobalParams 'deep' is refused before parsing", StringComparison.Ordinal));
        publish.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        await HealthAnswersAsync();
    }

    [Theory]
    [InlineData(1995, "nests brackets more than 64 levels deep")]
    [InlineData(3000, "characters long; at most 4,000 are allowed")]
    public async Task A_bpmn_condition_nested_thousands_deep_is_a_diagnostic_from_validate_and_a_422_from_publish(int depth, string reason)
    {
        using var owner = host.ClientFor("olivia");
        var condition = new string('(', depth) + "amount &gt; 1" + new string(')', depth);
        var xml = $$"""
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:o2c="https://ordertocash.dev/schema/bpmn" id="d" targetNamespace="t">
              <process id="deep" isExecutable="true">
                <extensionElements><o2c:variable name="amount" type="decimal"/></extensionElements>
                <startEvent id="start"/>
                <sequenceFlow id="f1" sourceRef="start" targetRef="route"/>
                <exclusiveGateway id="route" default="small"/>
                <sequenceFlow id="big" sourceRef="route" targetRef="end"><conditionExpression>{{condition}}</conditionExpression></sequenceFlow>
                <sequenceFlow id="small" sourceRef="route" targetRef="end"/>
                <endEvent id="end"/>
              </process>
            </definitions>
            """;

        var check = JsonDocument.Parse(await (await PostXmlAsync(owner, "/api/definitions/validate?file=deep.bpmn", xml)).Content.ReadAsStringAsync()).RootElement;
        var publish = await PostXmlAsync(owner, "/api/definitions?file=deep.bpmn", xml);

        check.GetProperty("valid").GetBoolean().Should().BeFalse();
        check.GetProperty("diagnostics").EnumerateArray().Should().Contain(d => d.GetProperty("element").GetString() == "big"
            && d.GetProperty("message").GetString()!.Contains(reason, StringComparison.Ordinal));
        publish.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        await HealthAnswersAsync();
    }

    [Fact]
    public async Task A_document_nested_100000_elements_deep_is_refused_at_the_depth_limit()
    {
        using var owner = host.ClientFor("olivia");
        var xml = "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">"
            + string.Concat(Enumerable.Repeat("<a>", 100_000)) + string.Concat(Enumerable.Repeat("</a>", 100_000)) + "</definitions>";

        var check = JsonDocument.Parse(await (await PostXmlAsync(owner, "/api/definitions/validate?file=deep.bpmn", xml)).Content.ReadAsStringAsync()).RootElement;

        check.GetProperty("diagnostics").EnumerateArray().Should().ContainSingle()
            .Which.GetProperty("message").GetString().Should().Be("The file nests XML elements more than 128 levels deep; BPMN models nest a few dozen at most.");
        await HealthAnswersAsync();
    }

    [Fact]
    public async Task A_chunked_upload_larger_than_4_MB_is_a_413_although_it_announces_no_length()
    {
        using var owner = host.ClientFor("olivia");
        using var content = new ChunkedContent(Encoding.UTF8.GetBytes("<definitions>" + new string(' ', 5 * 1024 * 1024) + "</definitions>"));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/xml");

        var response = await owner.PostAsync(Url("/api/definitions/validate"), content);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        (await response.Content.ReadAsStringAsync()).Should().Contain("The BPMN file is larger than 4 MB.");
        await HealthAnswersAsync();
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData(null)]
    public async Task A_bpmn_endpoint_requires_an_xml_content_type(string? contentType)
    {
        using var owner = host.ClientFor("olivia");
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes("<definitions/>"));
        if (contentType is not null)
        {
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        }

        var response = await owner.PostAsync(Url("/api/definitions"), content);

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        (await response.Content.ReadAsStringAsync()).Should().Contain("sent as application/xml");
    }

    [Fact]
    public async Task A_cookie_authenticated_write_from_a_foreign_origin_is_refused()
    {
        using var browser = await SignedInWithCookieAsync("olivia");
        using var request = new HttpRequestMessage(HttpMethod.Post, Url("/api/definitions")) { Content = new StringContent("<definitions/>", Encoding.UTF8, "text/plain") };
        request.Headers.Add("Origin", "https://evil.example");

        var response = await browser.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync()).Should().Contain("It comes from https://evil.example, not from https://localhost.");
        (await (await browser.GetAsync(Url("/api/definitions"))).Content.ReadAsStringAsync()).Should().Be("[]", "nothing was published");
    }

    [Theory]
    [InlineData("cross-site")]
    [InlineData("same-site")]
    public async Task A_write_the_browser_marks_as_coming_from_another_site_is_refused(string site)
    {
        using var browser = await SignedInWithCookieAsync("cora");
        using var request = new HttpRequestMessage(HttpMethod.Post, Url("/api/messages")) { Content = JsonContent.Create(new { name = "x", messageId = "1" }) };
        request.Headers.Add("Sec-Fetch-Site", site);

        var response = await browser.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync()).Should().Contain($"The browser says it comes from a {site} page (Sec-Fetch-Site).");
    }

    [Fact]
    public async Task A_write_from_the_applications_own_pages_is_accepted()
    {
        using var browser = await SignedInWithCookieAsync("olivia");
        using var request = new HttpRequestMessage(HttpMethod.Post, Url("/api/definitions/validate")) { Content = new StringContent("<definitions/>", Encoding.UTF8, "application/xml") };
        request.Headers.Add("Origin", "http://localhost");
        request.Headers.Add("Sec-Fetch-Site", "same-origin");

        var response = await browser.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("/api/kpis?from=0001-01-01&to=0001-12-31", "from 0001-01-01 is outside the dates this application handles (1900-01-01 to 2999-12-31).")]
    [InlineData("/api/kpis?from=2026-01-01&to=9999-12-31", "to 9999-12-31 is outside the dates")]
    [InlineData("/api/kpis/aged-balance.csv?at=0001-01-01", "at 0001-01-01 is outside the dates")]
    [InlineData("/api/root-causes/groups?to=0001-01-01", "to 0001-01-01 is outside the dates")]
    [InlineData("/api/root-causes/groups.csv?from=0001-01-01&to=0001-06-01", "from 0001-01-01 is outside the dates")]
    public async Task A_date_out_of_range_is_a_400_naming_it_not_a_500(string url, string message)
    {
        using var credit = host.ClientFor("claire");

        var response = await credit.GetAsync(Url(url));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain(message);
        await HealthAnswersAsync();
    }

    public void Dispose()
    {
        host.Dispose();
        directory.Dispose();
    }

    private async Task HealthAnswersAsync()
    {
        using var anonymous = host.CreateClient();
        (await anonymous.GetAsync(Url("/health"))).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private async Task<HttpClient> SignedInWithCookieAsync(string userName)
    {
        var client = host.CreateClient();
        var login = await client.PostAsJsonAsync(Url("/api/auth/login"), new { userName, password = TestUsers.Password(userName) });
        login.StatusCode.Should().Be(HttpStatusCode.OK);
        return client;
    }

    private static Task<HttpResponseMessage> PostXmlAsync(HttpClient client, string url, string xml) =>
        client.PostAsync(Url(url), new StringContent(xml, Encoding.UTF8, "application/xml"));

    private static Uri Url(string path) => new(path, UriKind.Relative);

    /// <summary>A body sent without Content-Length (Transfer-Encoding: chunked), as a streaming client does.</summary>
    private sealed class ChunkedContent(byte[] bytes) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            for (var offset = 0; offset < bytes.Length; offset += 64 * 1024)
            {
                await stream.WriteAsync(bytes.AsMemory(offset, Math.Min(64 * 1024, bytes.Length - offset)));
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = -1;
            return false;
        }
    }
}
