namespace OrderToCash.Engine.Rules.Definitions;

/// <summary>The stable codes of rule problems, for tooling and documentation (docs/rules.md lists them).</summary>
public static class RuleDiagnosticCodes
{
    public const string InvalidJson = "RULE001";
    public const string UnknownField = "RULE002";
    public const string InvalidField = "RULE003";
    public const string DuplicateName = "RULE004";
    public const string ExpressionError = "RULE005";
    public const string SandboxViolation = "RULE006";
    public const string UnknownRuleSet = "RULE007";
    public const string WhatIfFailed = "RULE008";
    public const string InvalidWhatIfFile = "RULE009";
    public const string Unsupported = "RULE010";
    public const string UndeclaredInput = "RULE011";
    public const string InputModelMismatch = "RULE012";
}
