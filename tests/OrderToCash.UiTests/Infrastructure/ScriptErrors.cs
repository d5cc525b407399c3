using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace OrderToCash.UiTests.Infrastructure;

/// <summary>
/// The script errors a page logged: uncaught exceptions, and errors bpmn-js catches in its event listeners (which
/// it logs instead of throwing, so a broken panel would otherwise go unnoticed).
/// </summary>
internal static class ScriptErrors
{
    private static readonly ConditionalWeakTable<IPage, List<string>> Errors = [];

    public static void Watch(IPage page)
    {
        var errors = Errors.GetOrCreateValue(page);
        page.PageError += (_, error) => Add(errors, $"{page.Url}: {error}");
        page.Console += (_, message) =>
        {
            // The browser logs every non-2xx answer; the pages expect 401 from /api/auth/me before sign-in.
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                Add(errors, $"{page.Url}: {message.Text}");
            }
        };
    }

    public static void ShouldHaveNoScriptErrors(this IPage page) =>
        (Errors.TryGetValue(page, out var errors) ? Snapshot(errors) : []).Should().BeEmpty("the page must run without script errors");

    private static void Add(List<string> errors, string error)
    {
        lock (errors)
        {
            errors.Add(error);
        }
    }

    private static List<string> Snapshot(List<string> errors)
    {
        lock (errors)
        {
            return [.. errors];
        }
    }
}
