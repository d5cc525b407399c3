using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrderToCash.Engine.Handlers;
using OrderToCash.IntegrationTests.Infrastructure;
using OrderToCash.IntegrationTests.Workflows;

namespace OrderToCash.IntegrationTests.Hosting;

/// <summary>The Prometheus endpoint and the incident log line, on the real host running a real workflow.</summary>
public sealed class TelemetryTests : IDisposable
{
    private readonly TempDirectory directory = new();
    private readonly CapturingLoggerProvider logs = new();
    private readonly TestHost host;

    public TelemetryTests() => host = TestHost.Sqlite(
        directory,
        services =>
        {
            services.AddWorkflowHandler<FlakyHandler>();
            services.AddSingleton<ILoggerProvider>(logs);
        },
        ("Scheduler:AutoStart", "false"),
        ("OpenTelemetry:Prometheus:Enabled", "true"));

    [Fact]
    public async Task The_metrics_endpoint_exposes_the_workflow_metrics_after_a_workflow_ran()
    {
        await StartFlakyAsync("SO-METRICS");
        using var admin = host.ClientFor("ada");

        var response = await admin.GetAsync(new Uri("/metrics", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var text = await response.Content.ReadAsStringAsync();
        text.Should().MatchRegex("o2c_workflow_steps_total\\{[^}]*o2c_process=\"flaky\"[^}]*\\} [1-9]");
        text.Should().MatchRegex("o2c_workflow_incidents_total\\{[^}]*o2c_process=\"flaky\"[^}]*\\} [1-9]");
        text.Should().Contain("o2c_workflow_step_duration_seconds_bucket");
        text.Should().Contain("http_server_request_duration_seconds", "ASP.NET Core's own metrics are exported too");
    }

    [Fact]
    public async Task The_metrics_endpoint_needs_an_administrator()
    {
        using var anonymous = host.CreateClient();
        using var owner = host.ClientFor("olivia");

        (await anonymous.GetAsync(new Uri("/metrics", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await owner.GetAsync(new Uri("/metrics", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_failing_handler_logs_its_incident_with_the_exception_and_the_scope()
    {
        var instanceId = await StartFlakyAsync("SO-LOGGED");

        var entry = logs.Entries.Should().ContainSingle(e => e.Category == "OrderToCash.Engine.Incidents" && e.Scope.Contains(instanceId)).Subject;
        entry.Level.Should().Be(LogLevel.Error);
        entry.Exception.Should().BeOfType<InvalidOperationException>().Which.Message.Should().Be("The downstream system is unavailable.");
        entry.Message.Should().Contain("The handler 'test.flaky' failed");
        entry.Scope.Should().Contain("ProcessId=flaky").And.Contain("ProcessVersion=1").And.Contain($"InstanceId={instanceId}")
            .And.Contain("ElementId=call").And.Contain("BusinessKey=SO-LOGGED");
    }

    private async Task<string> StartFlakyAsync(string businessKey)
    {
        using var owner = host.ClientFor("olivia");
        var bpmn = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Workflows", "Fixtures", "flaky.bpmn"));
        var published = await owner.PostAsync(new Uri("/api/definitions?file=flaky.bpmn", UriKind.Relative), new StringContent(bpmn, Encoding.UTF8, "application/xml"));
        published.IsSuccessStatusCode.Should().BeTrue(await published.Content.ReadAsStringAsync());
        var started = await owner.PostAsJsonAsync(new Uri("/api/instances", UriKind.Relative), new { processId = "flaky", businessKey });
        started.StatusCode.Should().Be(HttpStatusCode.Created, await started.Content.ReadAsStringAsync());
        var instance = JsonDocument.Parse(await started.Content.ReadAsStringAsync()).RootElement;
        instance.GetProperty("status").GetString().Should().Be("Incident");
        return instance.GetProperty("id").GetString()!;
    }

    public void Dispose()
    {
        host.Dispose();
        directory.Dispose();
    }

    /// <summary>Keeps every log entry with its scopes rendered as "Key=Value" pairs.</summary>
    private sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
    {
        private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();

        public ConcurrentQueue<LogEntry> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new CapturingLogger(this, categoryName);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

        public void Dispose()
        {
        }

        private sealed class CapturingLogger(CapturingLoggerProvider provider, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => provider.scopes.Push(state);

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var scope = new StringBuilder();
                provider.scopes.ForEachScope(
                    (value, sb) =>
                    {
                        if (value is IEnumerable<KeyValuePair<string, object?>> pairs)
                        {
                            foreach (var (key, item) in pairs)
                            {
                                sb.Append(key).Append('=').Append(item).Append(';');
                            }
                        }
                    },
                    scope);
                provider.Entries.Enqueue(new LogEntry(category, logLevel, formatter(state, exception), exception, scope.ToString()));
            }
        }
    }

    private sealed record LogEntry(string Category, LogLevel Level, string Message, Exception? Exception, string Scope);
}
