using Microsoft.Extensions.Options;

namespace OrderToCash.Core.Dunning;

/// <summary>The <c>Reminders</c> section is checked when the host starts.</summary>
public sealed class ReminderOptionsValidator : IValidateOptions<ReminderOptions>
{
    public ValidateOptionsResult Validate(string? name, ReminderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (options.MaxAttempts is < 1 or > 100)
        {
            problems.Add($"{ReminderOptions.SectionName}:MaxAttempts must be between 1 and 100 (it is {options.MaxAttempts}).");
        }

        if (options.DeliveryInterval < TimeSpan.FromSeconds(1) || options.DeliveryInterval > TimeSpan.FromDays(1))
        {
            problems.Add($"{ReminderOptions.SectionName}:DeliveryInterval must be between 00:00:01 and 1.00:00:00 (it is {options.DeliveryInterval}).");
        }

        if (options.OutboxFolder is { } folder && (string.IsNullOrWhiteSpace(folder) || folder.IndexOfAny(Path.GetInvalidPathChars()) >= 0))
        {
            problems.Add($"{ReminderOptions.SectionName}:OutboxFolder '{folder}' is not a usable folder path.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
