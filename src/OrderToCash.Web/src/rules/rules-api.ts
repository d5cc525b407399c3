import { ApiError, getJson, postJson } from '../shared/api';
import type { Diagnostic } from '../shared/diagnostic';

export type { Diagnostic };

/** A version header, as GET /api/rules lists them (every rule set, newest version first). */
export interface VersionSummary {
  name: string;
  version: number;
  contentHash: string;
  effectiveFrom: string;
  publishedAt: string;
  author: string;
  comment: string | null;
}

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface ScopedParam {
  Name: string;
  Expression: string;
}

/** A RulesEngine rule, with the fields our rule files use (others are kept as they are). */
export interface Rule {
  RuleName: string;
  Expression?: string;
  SuccessEvent?: string;
  ErrorMessage?: string;
  Enabled?: boolean;
  LocalParams?: ScopedParam[];
  Properties?: Record<string, JsonValue>;
  Rules?: Rule[];
  [other: string]: unknown;
}

/** A RulesEngine workflow: one rule set. */
export interface Workflow {
  WorkflowName: string;
  GlobalParams?: ScopedParam[];
  Rules: Rule[];
  [other: string]: unknown;
}

export interface WhatIfCase {
  source: string;
  name: string;
  inputs: Record<string, JsonValue>;
  expect: Record<string, boolean>;
  outcome?: string[] | null;
}

/** A rule file's "Inputs": parameter → field → type ("decimal", "date?", "string[]", a nested object or [ { … } ]). */
export type DeclaredInputs = Record<string, Record<string, JsonValue>>;

/** A version with its content and the what-if cases stored with it, which gate publishing the next one. */
export interface RuleSetVersion extends VersionSummary {
  source: string | null;
  inputs: string[];
  content: Workflow;
  casesFolder: string | null;
  cases: WhatIfCase[];
  /** What its rules read, field by field: the file's Inputs, or the code's input records described the same way. */
  declaredInputs: DeclaredInputs | null;
}

export interface ExpressionCheck {
  ok: boolean;
  message: string;
  code: string | null;
  position: number | null;
  inputs: string[];
  scope: string[];
}

export interface CaseResult {
  source: string;
  name: string;
  passed: boolean;
  expected: Record<string, boolean>;
  actual: Record<string, boolean>;
  failures: string[];
}

export interface AdHocResult {
  rules: { name: string; success: boolean; successEvent: string | null; message: string | null }[];
  outcome: string[];
}

export interface WhatIfResult {
  ruleSet: string | null;
  valid: boolean;
  diagnostics: Diagnostic[];
  cases: CaseResult[];
  passed: number;
  failed: number;
  adHoc: AdHocResult | null;
}

export interface FieldChange {
  field: string;
  before: string | null;
  after: string | null;
}

export interface ItemChange {
  name: string;
  change: 'Unchanged' | 'Added' | 'Removed' | 'Changed';
  fields: FieldChange[];
}

export interface RuleSetDiff {
  ruleSet: string;
  from: number;
  to: number;
  fields: FieldChange[];
  globalParams: ItemChange[];
  rules: ItemChange[];
  cases: ItemChange[];
}

/** A refused publication (HTTP 422): the problems and the what-if cases that failed. */
export interface PublishRefusal {
  title: string;
  diagnostics: Diagnostic[];
  failedCases: { caseName: string; failures: string[] }[];
}

export type PublishOutcome = { published: true; version: number; unchanged: boolean } | ({ published: false } & PublishRefusal);

/** Cases as the server stores them: name, inputs, expectations and the expected outcome when there is one. */
export function storedCases(cases: WhatIfCase[]): unknown[] {
  return cases.map(c => (c.outcome ? { name: c.name, inputs: c.inputs, expect: c.expect, outcome: c.outcome } : { name: c.name, inputs: c.inputs, expect: c.expect }));
}

const set = (name: string) => `/api/rules/${encodeURIComponent(name)}`;

async function publishing(call: Promise<{ version: number; unchanged: boolean }>): Promise<PublishOutcome> {
  try {
    const body = await call;
    return { published: true, version: body.version, unchanged: body.unchanged };
  } catch (error) {
    if (error instanceof ApiError && error.status === 422) {
      return {
        published: false,
        title: error.title,
        diagnostics: (error.problem?.diagnostics as Diagnostic[] | undefined) ?? [],
        failedCases: (error.problem?.failedCases as PublishRefusal['failedCases'] | undefined) ?? [],
      };
    }
    throw error;
  }
}

export interface BackTestChange {
  subjectType: string;
  subjectId: string;
  evaluatedAt: string;
  recordedVersion: number;
  before: string;
  after: string;
  direction: 'released' | 'held' | 'changed';
  amount: number | null;
}

export interface BackTestReport {
  ruleSet: string;
  replayed: number;
  unreadable: number;
  changed: number;
  released: number;
  releasedAmount: number;
  held: number;
  heldAmount: number;
  changes: BackTestChange[];
  truncated: boolean;
}

export const rulesApi = {
  versions: () => getJson<VersionSummary[]>('/api/rules'),
  latest: (name: string) => getJson<RuleSetVersion>(`${set(name)}/latest`),
  version: (name: string, version: number) => getJson<RuleSetVersion>(`${set(name)}/versions/${version}`),
  diff: (name: string, from: number, to: number) => getJson<RuleSetDiff>(`${set(name)}/diff?from=${from}&to=${to}`),
  checkExpression: (ruleSet: string, ruleName: string, expression: string, content: string) =>
    postJson<ExpressionCheck>('/api/rules/check-expression', { ruleSet, ruleName, expression, content }),
  whatIf: (content: string, adHoc?: unknown, cases?: WhatIfCase[] | null) =>
    postJson<WhatIfResult>('/api/rules/what-if', { content, adHoc, cases: cases ? storedCases(cases) : undefined }),
  backTest: (name: string, content: string, from: string | null, to: string | null) => postJson<BackTestReport>(`${set(name)}/backtest`, { content, from, to }),
  /** Publishes the rules and, when `cases` is given, replaces the cases stored with them (one version, one comment). */
  publish: (name: string, content: string, comment: string, effectiveFrom: string | null, cases: WhatIfCase[] | null = null) =>
    publishing(postJson(`${set(name)}/versions`, { content, comment: comment || null, effectiveFrom, cases: cases ? storedCases(cases) : undefined })),
  rollback: (name: string, version: number) => publishing(postJson(`${set(name)}/versions/${version}/rollback`, {})),
};
