import { ApiError } from '../shared/api';
import { h } from '../shared/dom';
import { t } from '../i18n/i18n';
import './editor-texts';
import { rulesApi, type AdHocResult, type CaseResult, type Diagnostic, type PublishRefusal, type RuleSetVersion, type WhatIfCase, type WhatIfResult } from './rules-api';

/**
 * What-if: the rule set's cases (those stored with its version, as edited beside it; the ones that gate publishing) run against the
 * rule set being edited, and an ad-hoc case typed as JSON ("customer X, order of 25,000 EUR"). Nothing is written.
 */
export class WhatIfPanel {
  private readonly summary = h('p', { class: 'what-if-summary', role: 'status', 'aria-live': 'polite', 'data-test': 'what-if-summary' });
  private readonly problems = h('ul', { class: 'problems-list', 'data-test': 'what-if-problems' });
  private readonly results = h('div', { class: 'table-scroll', 'data-test': 'what-if-results' });
  private readonly adHocInput = h('textarea', { id: 'ad-hoc-input', class: 'code-input', rows: 12, spellcheck: 'false', 'data-test': 'ad-hoc-input' });
  private readonly adHocResult = h('div', { 'data-test': 'ad-hoc-result' });
  private sequence = 0;

  /** The content and cases (their key) the last finished run was about, and its answer. */
  last: { content: string; cases: string; result: WhatIfResult } | null = null;

  constructor(
    container: HTMLElement,
    private readonly content: () => string,
    private readonly cases: () => { edited: WhatIfCase[] | null; state: string },
    private readonly finished: () => void,
  ) {
    const runButton = h('button', { type: 'button', class: 'button', 'data-test': 'run-cases', onclick: () => void this.run() }, t('rulesEditor:whatIf.run'));
    const tryButton = h('button', { type: 'button', class: 'button', 'data-test': 'try-ad-hoc', onclick: () => void this.tryAdHoc() }, t('rulesEditor:whatIf.tryCase'));
    container.replaceChildren(
      h('header', { class: 'panel-header' }, h('h2', {}, t('rulesEditor:whatIf.title')), runButton),
      this.summary,
      this.problems,
      this.results,
      h(
        'div',
        { class: 'ad-hoc' },
        h('h3', {}, t('rulesEditor:whatIf.adHoc')),
        h('div', { class: 'field' }, h('label', { for: 'ad-hoc-input' }, t('rulesEditor:whatIf.adHocInputs')), this.adHocInput),
        h('p', {}, tryButton),
        this.adHocResult,
      ),
    );
  }

  /** A new rule set is open: its cases are listed (not run yet) and the ad-hoc case starts from the first one. */
  load(version: RuleSetVersion): void {
    this.last = null;
    this.sequence++;
    this.problems.replaceChildren();
    this.results.replaceChildren();
    this.adHocResult.replaceChildren();
    const first = version.cases[0];
    this.adHocInput.value = JSON.stringify(first ? first.inputs : Object.fromEntries(version.inputs.map(i => [i, {}])), null, 2);
    this.summary.dataset.kind = 'info';
    this.summary.textContent = version.cases.length === 0
      ? t('rulesEditor:whatIf.noCases', { name: version.name, version: version.version })
      : t('rulesEditor:whatIf.casesGate', { count: version.cases.length, version: version.version });
  }

  /** Runs the cases against the current content; only the answer to the latest run is shown. */
  async run(): Promise<void> {
    const content = this.content();
    const cases = this.cases();
    const sequence = ++this.sequence;
    this.summary.dataset.kind = 'info';
    this.summary.textContent = t('rulesEditor:whatIf.running');
    try {
      const result = await rulesApi.whatIf(content, undefined, cases.edited);
      if (sequence !== this.sequence) {
        return;
      }
      this.last = { content, cases: cases.state, result };
      this.show(result);
    } catch (error) {
      if (sequence === this.sequence) {
        this.summary.dataset.kind = 'error';
        this.summary.textContent = t('rulesEditor:whatIf.runFailed', { error: error instanceof Error ? error.message : String(error) });
      }
    }
    this.finished();
  }

  /** Forgets the last run: the content changed, so its answer no longer applies. */
  invalidate(): void {
    this.last = null;
    this.sequence++;
  }

  /** Publishing was refused: the server's answer names the failing cases and problems. */
  showRefusal(refusal: PublishRefusal): void {
    this.summary.dataset.kind = 'error';
    const names = refusal.failedCases.map(c => `“${c.caseName}”`).join(', ');
    this.summary.textContent = names ? t('rulesEditor:whatIf.refusedCases', { names }) : t('rulesEditor:whatIf.refused', { reason: refusal.title });
    this.showProblems(refusal.diagnostics);
  }

  private show(result: WhatIfResult): void {
    const total = result.cases.length;
    const errors = result.diagnostics.filter(d => d.severity === 'Error' && d.code !== 'RULE008');
    this.summary.dataset.kind = result.valid ? 'ok' : 'error';
    this.summary.textContent = errors.length > 0
      ? t('rulesEditor:whatIf.doesNotCompile', { count: errors.length })
      : total === 0
        ? t('rulesEditor:whatIf.compilesNoCase')
        : result.failed === 0
          ? t('rulesEditor:whatIf.allPass', { count: total })
          : t('rulesEditor:whatIf.someFail', { failed: result.failed, count: total });
    this.showProblems(errors);
    this.results.replaceChildren(total === 0 ? '' : caseTable(result.cases));
  }

  private showProblems(diagnostics: Diagnostic[]): void {
    this.problems.replaceChildren(
      ...diagnostics.filter(d => d.code !== 'RULE008').map(d =>
        h('li', { class: 'problem', 'data-test': 'what-if-problem' },
          h('span', { class: `problem-severity problem-severity-${d.severity.toLowerCase()}` }, d.severity),
          h('span', { class: 'problem-message' }, d.message),
          h('span', { class: 'problem-where' }, [d.code, d.element, d.line === null ? null : t('rulesEditor:whatIf.line', { line: d.line })].filter(Boolean).join(' · '))),
      ),
    );
  }

  private async tryAdHoc(): Promise<void> {
    let inputs: unknown;
    try {
      inputs = JSON.parse(this.adHocInput.value);
    } catch (error) {
      this.adHocError(t('rulesEditor:whatIf.notJson', { error: error instanceof Error ? error.message : String(error) }));
      return;
    }
    this.adHocResult.replaceChildren(h('p', { class: 'muted' }, t('rulesEditor:whatIf.evaluating')));
    try {
      const result = await rulesApi.whatIf(this.content(), inputs);
      if (result.adHoc) {
        this.adHocResult.replaceChildren(adHocTable(result.adHoc));
      } else {
        this.adHocError(t('rulesEditor:whatIf.cannotEvaluate'));
        this.show(result);
      }
    } catch (error) {
      const errors = error instanceof ApiError ? (error.problem?.errors as Record<string, string[]> | undefined) : undefined;
      this.adHocError(errors ? Object.values(errors).flat().join(' ') : t('rulesEditor:whatIf.evaluateFailed', { error: error instanceof Error ? error.message : String(error) }));
    }
  }

  private adHocError(message: string): void {
    this.adHocResult.replaceChildren(h('p', { class: 'form-error', role: 'alert', 'data-test': 'ad-hoc-error' }, message));
  }
}

function caseTable(cases: CaseResult[]): HTMLElement {
  return h(
    'table',
    { class: 'table' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('rulesEditor:whatIf.columns.case')), h('th', { scope: 'col' }, t('rulesEditor:whatIf.columns.result')), h('th', { scope: 'col' }, t('rulesEditor:whatIf.columns.expected')), h('th', { scope: 'col' }, t('rulesEditor:whatIf.columns.actual')))),
    h(
      'tbody',
      {},
      ...cases.map(c =>
        h(
          'tr',
          { 'data-test': 'case', 'data-case': c.name, 'data-passed': String(c.passed), class: c.passed ? '' : 'row-failed' },
          h('td', {}, c.name, c.failures.length > 0 ? h('div', { class: 'small failure' }, c.failures.join('; ')) : null),
          h('td', {}, h('span', { class: `badge ${c.passed ? 'badge-ok' : 'badge-error'}` }, c.passed ? t('rulesEditor:whatIf.passed') : t('rulesEditor:whatIf.failed'))),
          h('td', { class: 'small' }, outcomes(c.expected)),
          h('td', { class: 'small' }, outcomes(c.actual, c.expected)),
        ),
      ),
    ),
  );
}

/** "WithinCreditLimit ✓ · NoOldOverdueItems ✗", a differing one emphasised. */
function outcomes(values: Record<string, boolean>, expected?: Record<string, boolean>): HTMLElement {
  return h(
    'span',
    {},
    ...Object.entries(values).flatMap(([rule, value], index) => [
      index > 0 ? ' · ' : null,
      h('span', { class: expected && expected[rule] !== value ? 'differs' : '' }, `${rule} ${value ? '✓' : '✗'}`),
    ]),
  );
}

function adHocTable(result: AdHocResult): HTMLElement {
  return h(
    'div',
    {},
    h('p', { 'data-test': 'ad-hoc-outcome' }, h('strong', {}, t('rulesEditor:whatIf.outcome')), result.outcome.length > 0 ? result.outcome.join(', ') : t('rulesEditor:whatIf.noRuleSucceeded')),
    h(
      'table',
      { class: 'table' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('rulesEditor:whatIf.columns.rule')), h('th', { scope: 'col' }, t('rulesEditor:whatIf.columns.result')), h('th', { scope: 'col' }, t('rulesEditor:whatIf.columns.event')))),
      h(
        'tbody',
        {},
        ...result.rules.map(r =>
          h(
            'tr',
            { 'data-test': 'ad-hoc-rule', 'data-rule': r.name, 'data-success': String(r.success) },
            h('td', {}, r.name),
            h('td', {}, h('span', { class: `badge ${r.success ? 'badge-ok' : 'badge-error'}` }, r.success ? t('rulesEditor:whatIf.succeeded') : t('rulesEditor:whatIf.failed'))),
            h('td', {}, r.successEvent ?? r.message ?? ''),
          ),
        ),
      ),
    ),
  );
}
