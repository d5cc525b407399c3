using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using netDumbster.smtp;
using OrderToCash.Core.Dunning;
using OrderToCash.IntegrationTests.Remind;

namespace OrderToCash.IntegrationTests.Documents;

/// <summary>
/// Reminders by e-mail through a real SMTP server started in the test (netDumbster on a free loopback port): the host is
/// configured with Reminders:Channel=Smtp and Smtp:*; a customer's invoices of one step go out as one French statement
/// with each invoice's Factur-X PDF attached; a server that is down leaves the statement pending and retried.
/// </summary>
public sealed class ReminderEmailTests : IAsyncLifetime, IDisposable
{
    private readonly int port = FreePort();
    private readonly RemindHost host;
    private SimpleSmtpServer? server;

    public ReminderEmailTests()
    {
        host = new RemindHost(null,
            ("Reminders:Channel", "Smtp"), ("Smtp:Host", "127.0.0.1"), ("Smtp:Port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Smtp:From", "Minoterie Exemple <recouvrement@minoterie-exemple.example>"), ("Smtp:Security", "None"), ("Reminders:RetryBackOff", "00:10:00"));
    }

    public Task InitializeAsync() => host.PublishAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        server?.Stop();
        host.Dispose();
    }

    [Fact]
    public async Task The_formal_reminders_of_a_customer_go_out_as_one_french_statement_to_its_accounts_payable_with_the_pdfs_attached()
    {
        server = SimpleSmtpServer.Start(port);
        var first = await host.IssueInvoiceAsync("C-0001", 2_400m, new DateOnly(2026, 3, 15));
        var second = await host.IssueInvoiceAsync("C-0001", 1_800m, new DateOnly(2026, 3, 15));
        await host.AdvanceToAsync(new DateOnly(2026, 3, 31));

        var messages = server.ReceivedEmail.Select(m => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(m.Data)))).ToList();
        var formal = messages.Should().ContainSingle(m => m.Subject != null && m.Subject.StartsWith("Relance", StringComparison.Ordinal)).Subject;
        formal.To.Mailboxes.Select(m => m.Address).Should().Equal("comptabilite@boulangeries-durand.example");
        formal.TextBody.Should().Contain("Madame, Monsieur").And.Contain(first).And.Contain(second).And.Contain("4\u00A0200,00\u00A0€").And.Contain("40,00\u00A0€");
        formal.Attachments.OfType<MimePart>().Select(a => a.FileName).Should().BeEquivalentTo([$"{first}.pdf", $"{second}.pdf"]);
        formal.Attachments.OfType<MimePart>().Should().OnlyContain(a => a.ContentType.MimeType == "application/pdf");
        messages.Should().ContainSingle(m => m.Subject != null && m.Subject.Contains("arrivant à échéance", StringComparison.Ordinal), "the pre-due notices of both invoices were grouped too");
        (await host.RemindersAsync(first)).Where(r => r.Channel == ReminderChannelKind.Email).Should().OnlyContain(r => r.Status == ReminderDeliveryStatus.Delivered && r.StatementId != null);
    }

    [Fact]
    public async Task A_mail_server_that_is_down_leaves_the_statement_pending_and_retried_never_lost_nor_sent_twice()
    {
        var number = await host.IssueInvoiceAsync("C-0001", 2_400m, new DateOnly(2026, 3, 15));
        // The pre-due notice is due on 8 March; no server is listening.
        await host.AdvanceToAsync(new DateOnly(2026, 3, 8));

        var pending = await StatementsAsync();
        pending.Should().ContainSingle().Which.Status.Should().Be(StatementStatus.Pending);
        pending[0].Attempts.Should().Be(1);
        pending[0].NextAttemptAt.Should().BeAfter(host.Clock.GetUtcNow());
        (await host.RemindersAsync(number)).Single(r => r.Step == "PreDueNotice").Status.Should().Be(ReminderDeliveryStatus.Pending);

        server = SimpleSmtpServer.Start(port);
        await host.DispatchAsync();
        server.ReceivedEmailCount.Should().Be(0, "the next attempt waits for its back-off");
        host.Clock.Advance(TimeSpan.FromMinutes(11));
        await host.DispatchAsync();
        await host.DispatchAsync();

        server.ReceivedEmailCount.Should().Be(1);
        var sent = (await StatementsAsync()).Single();
        sent.Status.Should().Be(StatementStatus.Sent);
        sent.Attempts.Should().Be(2);
        (await host.RemindersAsync(number)).Single(r => r.Step == "PreDueNotice").Status.Should().Be(ReminderDeliveryStatus.Delivered);
    }

    [Fact]
    public async Task A_statement_pending_on_a_mail_server_that_is_down_survives_a_host_restart_and_is_sent_once_when_the_server_is_back()
    {
        var number = await host.IssueInvoiceAsync("C-0001", 2_400m, new DateOnly(2026, 3, 15));
        await host.AdvanceToAsync(new DateOnly(2026, 3, 8));
        (await StatementsAsync()).Should().ContainSingle().Which.Status.Should().Be(StatementStatus.Pending);

        await host.RestartAsync();
        server = SimpleSmtpServer.Start(port);
        host.Clock.Advance(TimeSpan.FromMinutes(11));
        await host.DispatchAsync();
        await host.RestartAsync();
        await host.DispatchAsync();

        server.ReceivedEmailCount.Should().Be(1, "the statement kept in the database is sent once, after a restart as before");
        var sent = (await StatementsAsync()).Single();
        sent.Status.Should().Be(StatementStatus.Sent);
        (await host.RemindersAsync(number)).Single(r => r.Step == "PreDueNotice").Status.Should().Be(ReminderDeliveryStatus.Delivered);
    }

    [Fact]
    public async Task A_customer_without_contacts_gets_no_mail_and_the_statement_is_recorded_as_bounced()
    {
        server = SimpleSmtpServer.Start(port);
        await using (var db = host.NewContext())
        {
            var customer = await db.Set<Core.Customers.Customer>().SingleAsync(c => c.Id == "C-0002");
            customer.Contacts.Clear();
            await db.SaveChangesAsync();
        }

        await host.IssueInvoiceAsync("C-0002", 5_000m, new DateOnly(2026, 3, 15));
        await host.AdvanceToAsync(new DateOnly(2026, 3, 8));

        server.ReceivedEmailCount.Should().Be(0);
        var statement = (await StatementsAsync()).Single();
        statement.Status.Should().Be(StatementStatus.Bounced);
        statement.LastError.Should().Contain("C-0002 has no contact e-mail address");
    }

    private async Task<List<ReminderStatement>> StatementsAsync()
    {
        await using var db = host.NewContext();
        return await db.Set<ReminderStatement>().AsNoTracking().ToListAsync();
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
