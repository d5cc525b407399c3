using System.Text.RegularExpressions;

namespace OrderToCash.Core.Infrastructure.Security;

/// <summary>What a role's name and label may be: a name is written in diagrams (<c>o2c:candidateRole</c>) and configuration.</summary>
public static partial class RoleName
{
    public const int MaxLength = 50;

    public const int MaxLabelLength = 100;

    /// <summary>What is wrong with <paramref name="name"/> as a role name, or null.</summary>
    public static string? Problem(string? name) =>
        string.IsNullOrWhiteSpace(name) ? "The role name is required."
        : !Pattern().IsMatch(name) ? $"The role name '{name}' is not valid: use 2 to {MaxLength} letters (A-Z, a-z), digits, '-' or '_', starting with a letter (e.g. Finance, TreasuryDesk)."
        : null;

    /// <summary>What is wrong with <paramref name="label"/> as a role's label, or null.</summary>
    public static string? LabelProblem(string? label) =>
        label is null ? null
        : label.Trim().Length == 0 ? "The label, when given, is not blank."
        : label.Length > MaxLabelLength ? $"The label has {label.Length} characters; at most {MaxLabelLength}."
        : label.Any(char.IsControl) ? "The label has a control character."
        : null;

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]{1,49}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
