using System.Collections;
using System.ComponentModel;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace OrderToCash.Engine.Expressions;

/// <summary>
/// The bounded stand-ins <see cref="BudgetRewriter"/> puts in place of the allowed members that can build far more
/// than they are given: a padding width, a replacement, a join, a format. Each checks the size before allocating, so
/// <c>"x".PadLeft(500000000)</c> is refused instead of taking a gigabyte. Not for direct use.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class BoundedOperations
{
    public static string PadLeft(string text, int totalWidth) => text.PadLeft(Width(totalWidth, "PadLeft"));

    public static string PadLeft(string text, int totalWidth, char paddingChar) => text.PadLeft(Width(totalWidth, "PadLeft"), paddingChar);

    public static string PadRight(string text, int totalWidth) => text.PadRight(Width(totalWidth, "PadRight"));

    public static string PadRight(string text, int totalWidth, char paddingChar) => text.PadRight(Width(totalWidth, "PadRight"), paddingChar);

    public static string Replace(string text, string oldValue, string? newValue) =>
        CheckReplace(text, oldValue, newValue).Replace(oldValue, newValue, StringComparison.Ordinal);

    public static string Replace(string text, string oldValue, string? newValue, StringComparison comparison) =>
        CheckReplace(text, oldValue, newValue).Replace(oldValue, newValue, comparison);

    /// <summary>string.Join / string.Concat over a sequence: the length is added up item by item, and the items counted.</summary>
    public static string Join(string? separator, IEnumerable values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var builder = new StringBuilder();
        var count = 0;
        foreach (var value in values)
        {
            if (count++ > 0)
            {
                builder.Append(separator);
            }

            if (count > ExpressionLimits.MaxItems)
            {
                throw TooManyItems();
            }

            ExpressionBudget.Tick();
            var text = Convert.ToString(value, CultureInfo.InvariantCulture);
            if (builder.Length + (text?.Length ?? 0) > ExpressionLimits.MaxTextLength)
            {
                throw TooLong();
            }

            builder.Append(text);
        }

        return builder.ToString();
    }

    public static string Join(char separator, IEnumerable values) => Join(separator.ToString(), values);

    /// <summary>A built text (concatenation, Insert, Format): refused when longer than the budget.</summary>
    public static string Text(string text) => text is { Length: > ExpressionLimits.MaxTextLength } ? throw TooLong() : text;

    /// <summary>
    /// A format string (ToString(format), string.Format): numbers in it are widths and precisions ("D999999999",
    /// "{0,1000000}"), so their sum is bounded by the text budget.
    /// </summary>
    public static string? Format(string? format)
    {
        if (format is null)
        {
            return null;
        }

        if (format.Length > ExpressionLimits.MaxLength)
        {
            throw TooLong();
        }

        long total = 0;
        foreach (Match number in Digits().Matches(format))
        {
            total += number.Length > 9 ? int.MaxValue : long.Parse(number.Value, CultureInfo.InvariantCulture);
            if (total > ExpressionLimits.MaxTextLength)
            {
                throw new ExpressionBudgetException(string.Create(CultureInfo.InvariantCulture,
                    $"the format '{format}' asks for more than {ExpressionLimits.MaxTextLength:N0} characters"));
            }
        }

        return format;
    }

    /// <summary>Every item of a computed sequence is counted (and ticks the time budget) as it is produced.</summary>
    public static IEnumerable<T> Items<T>(IEnumerable<T> source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Counted(source);

        static IEnumerable<T> Counted(IEnumerable<T> source)
        {
            var count = 0;
            foreach (var item in source)
            {
                if (++count > ExpressionLimits.MaxItems)
                {
                    throw TooManyItems();
                }

                ExpressionBudget.Tick();
                yield return item;
            }
        }
    }

    private static int Width(int width, string member) => width > ExpressionLimits.MaxTextLength
        ? throw new ExpressionBudgetException(string.Create(CultureInfo.InvariantCulture,
            $"{member}({width:N0}) would build a text longer than {ExpressionLimits.MaxTextLength:N0} characters"))
        : width;

    private static string CheckReplace(string text, string oldValue, string? newValue)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrEmpty(oldValue);
        var growth = (newValue?.Length ?? 0) - oldValue.Length;
        if (growth > 0 && text.Length + ((long)text.Length / oldValue.Length * growth) > ExpressionLimits.MaxTextLength)
        {
            throw new ExpressionBudgetException(string.Create(CultureInfo.InvariantCulture,
                $"Replace could build a text longer than {ExpressionLimits.MaxTextLength:N0} characters"));
        }

        return text;
    }

    private static ExpressionBudgetException TooLong() => new(string.Create(CultureInfo.InvariantCulture,
        $"it would build a text longer than {ExpressionLimits.MaxTextLength:N0} characters"));

    private static ExpressionBudgetException TooManyItems() => new(string.Create(CultureInfo.InvariantCulture,
        $"it would go through more than {ExpressionLimits.MaxItems:N0} items of a computed sequence"));

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();
}
