using Microsoft.Extensions.Options;
using OrderToCash.Core.Dunning;
using OrderToCash.Core.Invoicing;

namespace OrderToCash.Host.Features.Startup;

/// <summary>
/// Options checked when the host starts (<c>ValidateOnStart</c>): a mistyped SIREN, a VAT key that does not match, an
/// impossible reminder setting stop the host with the setting's name and the reason, instead of a healthy start and an
/// incident at the first invoice. ADR 0097.
/// </summary>
internal static class OptionsValidation
{
    public static WebApplicationBuilder AddOrderToCashOptionsValidation(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IValidateOptions<CompanyOptions>, CompanyOptionsValidator>();
        builder.Services.AddSingleton<IValidateOptions<CompanyOptions>, DemoCompanyGuard>();
        builder.Services.AddOptions<CompanyOptions>().ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ReminderOptions>, ReminderOptionsValidator>();
        builder.Services.AddOptions<ReminderOptions>().Bind(builder.Configuration.GetSection(ReminderOptions.SectionName)).ValidateOnStart();
        return builder;
    }
}
