using Xunit;

namespace OrderToCash.TestSupport;

/// <summary>
/// External conformance data in ../shared/conformance beside the repository (OMG MIWG models, RulesEngine's own rule
/// files), read in place and never copied into the project. A clone placed elsewhere skips the tests that read it, with
/// a message saying so; O2C_REQUIRE_CONFORMANCE=1 (as in CI) makes them run and fail when the folder is missing.
/// </summary>
internal static class SharedConformance
{
    public const string RequireVariable = "O2C_REQUIRE_CONFORMANCE";

    public static bool Required => Environment.GetEnvironmentVariable(RequireVariable) == "1";

    /// <summary>The folder ../shared/conformance/<paramref name="name"/>; throws, saying what is missing, when absent.</summary>
    public static string Folder(string name)
    {
        var path = PathOf(name);
        return Directory.Exists(path)
            ? path
            : throw new DirectoryNotFoundException($"{path} is missing: this test reads ../shared/conformance/{name} beside the repository ({RequireVariable}={(Required ? "1" : "unset")}).");
    }

    /// <summary>Why a test reading <paramref name="name"/> is skipped here, or null when it runs.</summary>
    public static string? SkipReason(string name) =>
        Directory.Exists(PathOf(name)) || Required
            ? null
            : $"Conformance data absent: {PathOf(name)} does not exist. These tests read ../shared/conformance beside the repository; "
              + $"place the shared folder next to the clone to run them ({RequireVariable}=1 makes them required, as in CI).";

    private static string PathOf(string name) => Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "..", "shared", "conformance", name));
}

/// <summary>A test reading ../shared/conformance/<c>folder</c>: skipped with a clear message when it is absent (see <see cref="SharedConformance"/>).</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class ConformanceFactAttribute : FactAttribute
{
    public ConformanceFactAttribute(string folder)
    {
        Skip = SharedConformance.SkipReason(folder);
    }
}

/// <summary>A theory over ../shared/conformance/<c>folder</c>: skipped, its data not enumerated, when the folder is absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class ConformanceTheoryAttribute : TheoryAttribute
{
    public ConformanceTheoryAttribute(string folder)
    {
        Skip = SharedConformance.SkipReason(folder);
    }
}
