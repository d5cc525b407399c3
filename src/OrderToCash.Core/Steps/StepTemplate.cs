using System.Globalization;
using Fluid;

namespace OrderToCash.Core.Steps;

/// <summary>
/// A Liquid (Fluid) template of a generic step (an e-mail's subject or body), rendered over the task's inputs with the
/// same budgets as the reminder templates; checked at publication when written as a literal (<see cref="TemplateCheck"/>).
/// </summary>
public static class StepTemplate
{
    public const int MaxLength = 20_000;

    private const int MaxSteps = 100_000;

    private const int MaxRecursion = 20;

    private const int MaxOutputSize = 200_000;

    private static readonly FluidParser Parser = new();

    private static readonly TemplateOptions Options = new TemplateOptionsBuilder()
        .WithCultureInfo(French())
        .WithMaxSteps(MaxSteps)
        .WithMaxRecursion(MaxRecursion)
        .WithMaxOutputSize(MaxOutputSize)
        .WithStrictFilters(true)
        .Build();

    /// <summary>Numbers with a decimal comma (the host runs with invariant globalization; see <see cref="FrenchFormat"/>).</summary>
    private static CultureInfo French()
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.NumberFormat = (NumberFormatInfo)FrenchFormat.Numbers.Clone();
        return culture;
    }

    /// <summary>What is wrong with <paramref name="source"/> as a template, or null.</summary>
    public static string? Problem(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.Length > MaxLength)
        {
            return $"a template has at most {MaxLength} characters (this one has {source.Length}).";
        }

        return Parser.TryParse(source, out _, out var error) ? null : $"it is not valid Liquid: {error}";
    }

    /// <summary>Renders <paramref name="source"/> over <paramref name="model"/>; <see cref="InvalidOperationException"/> naming the problem.</summary>
    public static string Render(string source, IReadOnlyDictionary<string, object?> model)
    {
        if (Problem(source) is { } problem)
        {
            throw new InvalidOperationException($"The template {problem}");
        }

        _ = Parser.TryParse(source, out var template, out _);
        var values = model.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        try
        {
            return template.Render(new TemplateContext(values, Options));
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or FluidException)
        {
            throw new InvalidOperationException($"The template failed: {ex.Message}", ex);
        }
        catch (InvalidOperationException ex)
        {
            // Fluid's own limits: statements run, output size, recursion.
            throw new InvalidOperationException(
                FormattableString.Invariant($"The template went over its budget ({MaxSteps:N0} statements, {MaxOutputSize:N0} characters of output, {MaxRecursion} levels): {ex.Message}"), ex);
        }
    }
}

/// <summary>The publication check of a template input.</summary>
public sealed class TemplateCheck : Engine.Handlers.ILiteralInputCheck
{
    public string? Problem(string literal) => StepTemplate.Problem(literal);
}
