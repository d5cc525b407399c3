using System.Net;
using System.Text;
using System.Text.Json;
using OrderToCash.IntegrationTests.Infrastructure;

namespace OrderToCash.IntegrationTests.Workflows;

/// <summary>Development's folder publishing never replaces a version the process owner published since (issue 12, item 5).</summary>
public sealed class WorkflowFolderRestartTests : IDisposable
{
    private readonly TempDirectory directory = new();
    private readonly string folder;

    public WorkflowFolderRestartTests()
    {
        folder = Path.Combine(directory.Path, "workflows");
        Directory.CreateDirectory(folder);
    }

    private static string Approval(string taskName) => $"""
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:o2c="https://ordertocash.dev/schema/bpmn" id="d" targetNamespace="t">
          <process id="approval" isExecutable="true">
            <startEvent id="s"/>
            <sequenceFlow id="f1" sourceRef="s" targetRef="approve"/>
            <userTask id="approve" name="{taskName}" o2c:candidateRole="CreditManager"/>
            <sequenceFlow id="f2" sourceRef="approve" targetRef="e"/>
            <endEvent id="e"/>
          </process>
        </definitions>
        """;

    private (TestHost Host, LogCapture Log) Start()
    {
        var log = new LogCapture("OrderToCash.Core.Infrastructure.Workflows");
        var host = TestHost.Sqlite(directory, log.AddTo, ("Scheduler:AutoStart", "false"), ("Workflows:PublishFolderOnStart", "true"), ("Workflows:Folder", folder));
        host.CreateClient().Dispose();
        return (host, log);
    }

    private static async Task<List<(int Version, string PublishedBy)>> VersionsAsync(TestHost host)
    {
        using var owner = host.ClientFor("olivia");
        var versions = JsonDocument.Parse(await owner.GetStringAsync(new Uri("/api/definitions/approval/versions", UriKind.Relative))).RootElement;
        return [.. versions.EnumerateArray().Select(v => (v.GetProperty("version").GetInt32(), v.GetProperty("publishedBy").GetString()!))];
    }

    [Fact]
    public async Task A_restart_publishes_the_folder_only_when_a_file_changed_and_never_over_the_owners_newer_version()
    {
        await File.WriteAllTextAsync(Path.Combine(folder, "approval.bpmn"), Approval("Approve"));
        var (first, firstLog) = Start();
        await using (first)
        {
            (await VersionsAsync(first)).Should().ContainSingle().Which.Version.Should().Be(1);
            firstLog.Lines.Should().Contain(l => l.Contains("approval version 1 published from approval.bpmn (first publication from the folder)"));
            using var owner = first.ClientFor("olivia");
            var published = await owner.PostAsync(new Uri("/api/definitions?file=approval.bpmn", UriKind.Relative), new StringContent(Approval("Approve (designer)"), Encoding.UTF8, "application/xml"));
            published.StatusCode.Should().Be(HttpStatusCode.Created, await published.Content.ReadAsStringAsync());
        }

        var (second, secondLog) = Start();
        await using (second)
        {
            (await VersionsAsync(second)).Select(v => v.Version).Should().Equal(2, 1);
            (await VersionsAsync(second))[0].PublishedBy.Should().Be("olivia", "the designer's version stays the latest");
            secondLog.Lines.Should().Contain(l => l.StartsWith("Warning:", StringComparison.Ordinal)
                && l.Contains("approval.bpmn unchanged since it was published from the folder as approval version 1: not published again, version 2 published by olivia stays the latest"));
        }

        await File.WriteAllTextAsync(Path.Combine(folder, "approval.bpmn"), Approval("Approve (edited file)"));
        var (third, thirdLog) = Start();
        await using (third)
        {
            var versions = await VersionsAsync(third);
            versions.Select(v => v.Version).Should().Equal(3, 2, 1);
            versions[0].PublishedBy.Should().StartWith("workflow-folder@");
            thirdLog.Lines.Should().Contain(l => l.Contains("approval version 3 published from approval.bpmn (the file changed since it was last published from the folder)"));
        }

        var (fourth, fourthLog) = Start();
        await using (fourth)
        {
            (await VersionsAsync(fourth)).Should().HaveCount(3);
            fourthLog.Lines.Should().Contain(l => l.Contains("approval.bpmn unchanged since it was published from the folder as approval version 3: not published again"));
        }
    }

    public void Dispose() => directory.Dispose();
}
