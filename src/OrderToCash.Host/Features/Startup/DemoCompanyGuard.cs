using Microsoft.Extensions.Options;
using OrderToCash.Core.Invoicing;

namespace OrderToCash.Host.Features.Startup;

/// <summary>
/// Outside Development the fictional demo seller (the <c>Company</c> defaults) must not print on real invoices: the host
/// refuses to start until <c>Company</c> is configured, unless the host is a demonstration (<c>Demo:Company</c>, by default
/// <c>Demo:Seed</c>). ADR 0097.
/// </summary>
internal sealed class DemoCompanyGuard(IHostEnvironment environment, IConfiguration configuration) : IValidateOptions<CompanyOptions>
{
    private static readonly CompanyOptions Demo = new();

    public ValidateOptionsResult Validate(string? name, CompanyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var demonstration = configuration.GetValue<bool?>("Demo:Company") ?? configuration.GetValue<bool?>("Demo:Seed") ?? environment.IsDevelopment();
        if (demonstration || !string.Equals(options.Siren, Demo.Siren, StringComparison.Ordinal))
        {
            return ValidateOptionsResult.Success;
        }

        return ValidateOptionsResult.Fail(
            $"The seller is the fictional demo company ({Demo.LegalName}, SIREN {Demo.Siren}) in the {environment.EnvironmentName} environment: "
            + "configure Company:LegalName, Company:Siren and Company:VatNumber with your company's identity (or Demo:Company=true for a demonstration host).");
    }
}
