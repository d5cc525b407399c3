using Microsoft.Extensions.Options;
using OrderToCash.IntegrationTests.Infrastructure;

namespace OrderToCash.IntegrationTests.Hosting;

public sealed class OptionsValidationTests : IDisposable
{
    private readonly TempDirectory directory = new();

    [Theory]
    [InlineData("Company:Siren", "123", "Company:Siren: SIREN '123' must be exactly 9 digits.")]
    [InlineData("Company:Siren", "123456789", "*SIREN '123456789' fails its checksum*")]
    [InlineData("Company:VatNumber", "FR12123456782", "*Company:VatNumber: VAT number 'FR12123456782' has a wrong key: for SIREN 123456782 it is FR11123456782.*")]
    [InlineData("Company:LegalName", "", "*Company:LegalName is empty*")]
    [InlineData("Company:Iban", "FR7630006000011234567890188", "*Company:Iban:*")]
    [InlineData("Reminders:MaxAttempts", "0", "*Reminders:MaxAttempts must be between 1 and 100 (it is 0).*")]
    [InlineData("Reminders:DeliveryInterval", "00:00:00", "*Reminders:DeliveryInterval must be between*")]
    public void A_wrong_setting_stops_the_host_at_start_naming_the_setting_and_the_reason(string key, string value, string message)
    {
        using var host = TestHost.Sqlite(directory, ("Scheduler:AutoStart", "false"), (key, value));

        var start = () => host.CreateClient();

        start.Should().Throw<OptionsValidationException>().Which.Message.Should().Match(message.StartsWith('*') ? message : "*" + message + "*");
    }

    [Fact]
    public void Outside_development_the_fictional_demo_company_stops_a_host_that_is_not_a_demonstration()
    {
        using var host = TestHost.Sqlite(directory, ("Scheduler:AutoStart", "false"), ("Demo:Company", "false"));

        var start = () => host.CreateClient();

        start.Should().Throw<OptionsValidationException>().Which.Message.Should().Contain("fictional demo company").And.Contain("Testing environment");
    }

    [Fact]
    public void A_configured_company_starts_outside_development()
    {
        using var host = TestHost.Sqlite(directory, ("Scheduler:AutoStart", "false"), ("Demo:Company", "false"),
            ("Company:LegalName", "Meunerie Réelle SA"), ("Company:Siren", "261973069"), ("Company:VatNumber", Core.Customers.VatNumber.ForSiren("261973069")));

        var start = () => host.CreateClient().Dispose();

        start.Should().NotThrow();
    }

    public void Dispose() => directory.Dispose();
}
