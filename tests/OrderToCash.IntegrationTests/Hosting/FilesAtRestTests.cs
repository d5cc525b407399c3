using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Dunning;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.IntegrationTests.Infrastructure;

namespace OrderToCash.IntegrationTests.Hosting;

public sealed class FilesAtRestTests : IDisposable
{
    private const UnixFileMode OwnerFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private readonly TempDirectory directory = new();

    [Fact]
    public async Task The_sqlite_database_its_wal_and_shm_its_lock_and_a_new_folder_are_readable_by_their_owner_only()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var folder = Path.Combine(directory.Path, "data");
        var database = Path.Combine(folder, "ordertocash.db");
        await using var host = new TestHost(new Dictionary<string, string?>(TestUsers.Settings.ToDictionary(s => s.Key, s => s.Value))
        {
            ["Database:ConnectionString"] = $"Data Source={database}",
            ["Scheduler:AutoStart"] = "false",
        });
        using var client = host.ClientFor("claire");
        (await client.GetAsync(new Uri("/api/customers", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);

        File.GetUnixFileMode(folder).Should().Be(OwnerFolder);
        foreach (var file in new[] { database, database + "-wal", database + "-shm", database + ".lock" })
        {
            File.Exists(file).Should().BeTrue(file);
            File.GetUnixFileMode(file).Should().Be(OwnerFile, file);
        }
    }

    [Fact]
    public async Task An_existing_world_readable_database_is_narrowed_to_its_owner_at_start()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var database = directory.File("ordertocash.db");
        await File.WriteAllBytesAsync(database, []);
        File.SetUnixFileMode(database, OwnerFile | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        await using var host = TestHost.Sqlite(directory, ("Scheduler:AutoStart", "false"));
        host.CreateClient().Dispose();

        File.GetUnixFileMode(database).Should().Be(OwnerFile);
    }

    [Fact]
    public async Task Reminders_in_the_outbox_are_readable_by_their_owner_only()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var outbox = directory.File("outbox");
        var channel = new FolderReminderChannel(outbox);
        var reminder = new Reminder
        {
            InvoiceNumber = "FA-2026-000001", CustomerId = "C-0001", Step = "formal", Recipient = "compta@example.fr",
            Subject = "Relance", Body = "Madame, Monsieur,", Currency = "EUR",
        };

        await channel.DeliverAsync(reminder, CancellationToken.None);

        var file = Path.Combine(outbox, FolderReminderChannel.RelativePath(reminder));
        File.GetUnixFileMode(file).Should().Be(OwnerFile);
        File.GetUnixFileMode(outbox).Should().Be(OwnerFolder);
        File.GetUnixFileMode(Path.GetDirectoryName(file)!).Should().Be(OwnerFolder);
    }

    [Fact]
    public async Task With_a_configured_certificate_the_cookie_keys_are_encrypted_in_the_database_and_sessions_still_work()
    {
        var pfx = directory.File("keys.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=OrderToCash cookie keys", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2036, 1, 1, 0, 0, 0, TimeSpan.Zero));
            await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pkcs12, "pfx-password"));
        }

        (string, string?)[] settings = [("Scheduler:AutoStart", "false"), ("DataProtection:Certificate:Path", pfx), ("DataProtection:Certificate:Password", "pfx-password")];
        string cookie;
        await using (var host = TestHost.Sqlite(directory, settings))
        {
            cookie = await SessionTests.SignInAsync(host, "claire");
        }

        await using (var restarted = TestHost.Sqlite(directory, settings))
        {
            (await SessionTests.MeAsync(restarted, cookie)).Should().Be(HttpStatusCode.OK, "the restarted host decrypts the key ring with the same certificate");
        }

        await using var db = DatabaseConfigurator.CreateContext(DatabaseProvider.Sqlite, directory.SqliteConnectionString());
        var keys = await db.DataProtectionKeys.Select(k => k.Xml).ToListAsync();
        keys.Should().NotBeEmpty().And.OnlyContain(xml => xml!.Contains("EncryptedData") && !xml.Contains("unencrypted form"));
    }

    [Fact]
    public void A_certificate_file_that_does_not_exist_stops_the_host_with_the_setting_named()
    {
        using var host = TestHost.Sqlite(directory, ("Scheduler:AutoStart", "false"), ("DataProtection:Certificate:Path", directory.File("missing.pfx")));

        var start = () => host.CreateClient();

        start.Should().Throw<InvalidOperationException>().WithMessage("DataProtection:Certificate:Path '*missing.pfx' does not exist*");
    }

    public void Dispose() => directory.Dispose();
}
