using System.Text.Json;

namespace OrderToCash.Engine.Rules.WhatIf;

/// <summary>
/// What-if cases for one rule set (a file under rules/tests/): given these inputs, these rules succeed or fail.
/// Publishing refuses a version that breaks any of them.
/// </summary>
public sealed record WhatIfSuite(string Source, string RuleSetName, IReadOnlyList<WhatIfCase> Cases);

/// <param name="Name">What the case shows, in business words.</param>
/// <param name="Inputs">One JSON object per rule set input, by input name.</param>
/// <param name="Expect">Expected success (true) or failure (false) per rule name; rules not listed are not checked.</param>
/// <param name="Outcome">When given, the expected outcome: exactly the success events of the rules that succeed (any order).</param>
public sealed record WhatIfCase(string Name, IReadOnlyDictionary<string, JsonElement> Inputs, IReadOnlyDictionary<string, bool> Expect, IReadOnlyList<string>? Outcome = null);
