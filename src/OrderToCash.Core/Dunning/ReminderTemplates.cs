using System.Collections.Concurrent;
using System.Globalization;
using Fluid;
using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Invoicing;

namespace OrderToCash.Core.Dunning;

/// <summary>
/// The Liquid templates (Fluid) of the e-mailed ladder steps: the latest version of a step (else the built-in French
/// default), new versions checked before they are saved (they must parse and render on a sample statement within the
/// budget), and rendering. Templates are sandboxed: the model is plain dictionaries (no .NET member reached), and a
/// render is bounded in steps and output size.
/// </summary>
public sealed class ReminderTemplates(TimeProvider clock)
{
    public const int MaxBodyLength = 20_000;
    public const int MaxSubjectLength = 300;

    /// <summary>The steps whose reminders are e-mailed (and so have a template).</summary>
    public static readonly IReadOnlyList<string> EmailedSteps = ["PreDueNotice", "FormalReminder"];

    private static readonly FluidParser Parser = new();
    private static readonly ConcurrentDictionary<string, IFluidTemplate> Parsed = new(StringComparer.Ordinal);
    private static readonly TemplateOptions Options = new TemplateOptionsBuilder()
        .WithCultureInfo(CultureInfo.InvariantCulture)
        .WithMaxSteps(100_000)
        .WithMaxRecursion(20)
        .WithMaxOutputSize(200_000)
        .Build();

    /// <summary>The same budget, unknown filters refused: what a template is checked with before it is saved or previewed.</summary>
    private static readonly TemplateOptions StrictOptions = new TemplateOptionsBuilder()
        .WithCultureInfo(CultureInfo.InvariantCulture)
        .WithMaxSteps(100_000)
        .WithMaxRecursion(20)
        .WithMaxOutputSize(200_000)
        .WithStrictFilters(true)
        .Build();

    public static async Task<ReminderTemplate> LatestAsync(OrderToCashDbContext db, string step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Set<ReminderTemplate>().AsNoTracking().Where(t => t.Step == step).OrderByDescending(t => t.Version).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false)
            ?? DefaultReminderTemplates.For(step);
    }

    public static async Task<IReadOnlyList<ReminderTemplate>> VersionsAsync(OrderToCashDbContext db, string step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var stored = await db.Set<ReminderTemplate>().AsNoTracking().Where(t => t.Step == step).OrderByDescending(t => t.Version).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. stored, DefaultReminderTemplates.For(step)];
    }

    /// <summary>Adds the next version of <paramref name="step"/>'s template; <see cref="LedgerException"/> (422) naming the problem when it does not parse or render.</summary>
    public async Task<ReminderTemplate> SaveAsync(OrderToCashDbContext db, string step, string? subject, string? body, string author, string? comment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!EmailedSteps.Contains(step))
        {
            throw new KeyNotFoundException($"Step '{step}' has no e-mail template; the e-mailed steps are {string.Join(", ", EmailedSteps)}.");
        }

        var problems = Check(subject, body);
        if (problems.Count > 0)
        {
            throw new LedgerException($"The template of {step} was not saved: {string.Join(" ", problems)}");
        }

        var latest = await db.Set<ReminderTemplate>().Where(t => t.Step == step).MaxAsync(t => (int?)t.Version, cancellationToken).ConfigureAwait(false) ?? 0;
        var template = new ReminderTemplate
        {
            Step = step,
            Version = latest + 1,
            Subject = subject!,
            Body = body!,
            Author = author,
            Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(),
            CreatedAt = clock.GetUtcNow(),
        };
        db.Add(template);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return template;
    }

    /// <summary>What is wrong with a subject and body (empty when they parse and render on a sample statement).</summary>
    public static List<string> Check(string? subject, string? body)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(subject) || subject.Length > MaxSubjectLength)
        {
            problems.Add($"The subject must have 1 to {MaxSubjectLength} characters.");
        }

        if (string.IsNullOrWhiteSpace(body) || body.Length > MaxBodyLength)
        {
            problems.Add($"The body must have 1 to {MaxBodyLength} characters.");
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        foreach (var (what, source) in new[] { ("subject", subject!), ("body", body!) })
        {
            if (!Parser.TryParse(source, out var template, out var error))
            {
                problems.Add($"The {what} is not valid Liquid: {error}");
                continue;
            }

            // Liquid renders an unknown name as nothing: each name is checked against the statement, with its line.
            problems.AddRange(TemplateVariables.Problems(source).Select(p => $"The {what}, {p}"));
            try
            {
                _ = template.Render(new TemplateContext(StatementModel.Sample(), StrictOptions));
            }
            catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or FluidException)
            {
                problems.Add($"The {what} fails on a sample statement: {ex.Message}");
            }
        }

        return problems;
    }

    /// <summary>The subject (one line) and body of a statement rendered with <paramref name="template"/>.</summary>
    /// <param name="template">The template version.</param>
    /// <param name="model">A <see cref="StatementModel"/>.</param>
    /// <param name="cache">Keep the parsed template (stored versions); a preview of unsaved text is parsed and forgotten.</param>
    public static (string Subject, string Body) Render(ReminderTemplate template, IDictionary<string, object?> model, bool cache = true)
    {
        ArgumentNullException.ThrowIfNull(template);
        var subject = Parse(template.Subject, cache).Render(new TemplateContext(model, Options)).ReplaceLineEndings(" ").Trim();
        var body = Parse(template.Body, cache).Render(new TemplateContext(model, Options));
        return (subject.Length > MaxSubjectLength ? subject[..MaxSubjectLength] : subject, body);
    }

    private static IFluidTemplate Parse(string source, bool cache)
    {
        if (cache && Parsed.TryGetValue(source, out var known))
        {
            return known;
        }

        var parsed = Parser.TryParse(source, out var template, out var error)
            ? template
            : throw new InvalidOperationException($"A reminder template does not parse: {error}");
        if (cache && Parsed.Count < 1_000)
        {
            Parsed[source] = parsed;
        }

        return parsed;
    }
}
