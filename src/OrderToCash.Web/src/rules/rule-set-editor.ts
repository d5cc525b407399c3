import { h } from '../shared/dom';
import { BackTestPanel } from './backtest-panel';
import { CaseEditor } from './case-editor';
import { formatDate, isFuture } from './format';
import { HistoryPanel } from './history-panel';
import { InputsEditor } from './inputs-editor';
import { t } from '../i18n/i18n';
import './editor-texts';
import { JsonView } from './json-view';
import { RuleForm } from './rule-form';
import { rulesApi, type DeclaredInputs, type RuleSetVersion, type VersionSummary, type Workflow } from './rules-api';
import { WhatIfPanel } from './what-if-panel';

/** How long editing must pause before the what-if cases run again on their own. */
const WhatIfDelayMs = 800;

/**
 * One rule set open for editing: form and raw JSON, what-if, publish, history. Publish is enabled only when the
 * content changed since the version was opened and the what-if run on exactly this content passed; the server
 * runs the same cases again and refuses the publication if one fails.
 */
export class RuleSetEditor {
  private readonly status = h('p', { class: 'editor-status', role: 'status', 'aria-live': 'polite', 'data-test': 'editor-status' });
  private readonly publishButton = h('button', { type: 'button', class: 'button button-primary', 'data-test': 'publish', disabled: true }, t('rulesEditor:editor.publish'));
  private readonly publishHint = h('p', { class: 'field-hint', 'data-test': 'publish-hint' });
  private readonly comment = h('input', { id: 'publish-comment', type: 'text', maxlength: 2000, 'data-test': 'publish-comment' });
  private readonly effective = h('input', { id: 'publish-effective', type: 'datetime-local', 'data-test': 'publish-effective' });
  private readonly whatIf: WhatIfPanel;
  private readonly history: HistoryPanel;
  private readonly backTest: BackTestPanel;
  private readonly cases: CaseEditor;
  private readonly inputs: InputsEditor;
  private readonly formContainer = h('div', { 'data-test': 'rule-form' });
  private readonly jsonContainer = h('div', { hidden: true });
  private readonly formTab = h('button', { type: 'button', class: 'tab', 'aria-pressed': 'true', 'data-test': 'view-form' }, t('rulesEditor:editor.form'));
  private readonly jsonTab = h('button', { type: 'button', class: 'tab', 'aria-pressed': 'false', 'data-test': 'view-json' }, 'JSON');
  private readonly header = h('div', { class: 'editor-header' });
  private workflow: Workflow = { WorkflowName: '', Rules: [] };
  private loadedContent = '';
  private form: RuleForm | null = null;
  private json: JsonView | null = null;
  private timer: number | undefined;
  private version: RuleSetVersion | null = null;
  /** True while a new rule set is drafted (not published yet): its name is edited in the header. */
  private creating = false;
  private taken: string[] = [];

  constructor(
    readonly element: HTMLElement,
    private readonly published: () => Promise<VersionSummary[]>,
  ) {
    const whatIfElement = h('section', { class: 'card panel', 'aria-label': t('rulesEditor:editor.whatIf'), 'data-test': 'what-if' });
    const casesElement = h('section', { class: 'card panel', 'aria-label': t('rulesEditor:editor.cases'), 'data-test': 'cases' });
    this.cases = new CaseEditor(casesElement, () => this.workflow.Rules.map(r => r.RuleName), () => this.edited(), () => this.declaredInputs);
    const inputsElement = h('section', { class: 'card panel', 'aria-label': t('rulesEditor:editor.inputs'), 'data-test': 'inputs' });
    this.inputs = new InputsEditor(inputsElement, () => this.edited());
    const historyElement = h('section', { class: 'card panel', 'aria-label': t('rulesEditor:editor.history'), 'data-test': 'history' });
    this.whatIf = new WhatIfPanel(whatIfElement, () => this.content, () => ({ edited: this.cases.edited, state: this.cases.state }), () => this.updatePublish());
    this.history = new HistoryPanel(historyElement, v => this.rollback(v));
    const backTestElement = h('section', { class: 'card panel', 'aria-label': t('rulesEditor:editor.backTest'), 'data-test': 'backtest' });
    this.backTest = new BackTestPanel(backTestElement, () => this.content);
    this.formTab.addEventListener('click', () => this.showForm());
    this.jsonTab.addEventListener('click', () => this.showJson());
    this.publishButton.addEventListener('click', () => void this.publish());
    this.comment.addEventListener('input', () => this.updatePublish());
    element.replaceChildren(
      this.header,
      this.status,
      inputsElement,
      h('div', { class: 'tabs', role: 'group', 'aria-label': t('rulesEditor:editor.view') }, this.formTab, this.jsonTab),
      this.formContainer,
      this.jsonContainer,
      casesElement,
      whatIfElement,
      backTestElement,
      historyElement,
      // Last in the page and sticky: in reach from anywhere above, with the reason publishing is refused.
      h(
        'section',
        { class: 'card panel publish-bar', 'aria-label': t('rulesEditor:editor.publishBar') },
        h('div', { class: 'field' }, h('label', { for: 'publish-comment' }, t('rulesEditor:editor.comment')), this.comment),
        h('div', { class: 'field' }, h('label', { for: 'publish-effective' }, t('rulesEditor:editor.effective')), this.effective),
        h('div', { class: 'publish-action' }, this.publishButton, this.publishHint),
      ),
    );
  }

  /** True when the rules differ from the version opened (an edit not published yet). */
  get dirty(): boolean {
    return this.version !== null && (this.content !== this.loadedContent || this.cases.dirty);
  }

  /** The rule set as it is now in the editor (the JSON the server checks and publishes). */
  get content(): string {
    return JSON.stringify(this.workflow);
  }

  /** What the rules read: the edited "Inputs", else what the server describes for the version opened. */
  private get declaredInputs(): DeclaredInputs | null {
    const own = this.workflow.Inputs;
    return typeof own === 'object' && own !== null && !Array.isArray(own) ? (own as DeclaredInputs) : this.version?.declaredInputs ?? null;
  }

  async open(name: string, versions: VersionSummary[]): Promise<void> {
    this.creating = false;
    this.load(await rulesApi.latest(name), versions);
  }

  /** A new rule set, drafted here and created by its first publication (name, declared inputs, rules, cases). */
  startNew(versions: VersionSummary[]): void {
    const now = new Date().toISOString();
    this.creating = true;
    this.taken = [...new Set(versions.map(v => v.name))];
    this.load({
      name: '', version: 0, contentHash: '', effectiveFrom: now, publishedAt: now, author: '', comment: null, source: null,
      inputs: [], content: { WorkflowName: '', Rules: [{ RuleName: 'Rule1', Expression: 'true' }] }, casesFolder: null, cases: [], declaredInputs: null,
    }, []);
    this.setStatus(t('newRuleSet:opened'));
  }

  private load(version: RuleSetVersion, versions: VersionSummary[]): void {
    this.version = version;
    this.workflow = structuredClone(version.content);
    this.loadedContent = this.content;
    this.comment.value = '';
    this.effective.value = '';
    this.inputs.load(this.workflow, version.declaredInputs);
    this.header.replaceChildren(...(this.creating ? this.newHeader() : [
      h('h2', { 'data-test': 'rule-set-name' }, version.name),
      h(
        'p',
        { class: 'muted', 'data-test': 'rule-set-version' },
        t('rulesEditor:editor.versionLine', { version: version.version, effective: formatDate(version.effectiveFrom), future: isFuture(version.effectiveFrom) ? t('rulesEditor:editor.notYet') : '', author: version.author, published: formatDate(version.publishedAt) }),
        version.comment ? ` · “${version.comment}”` : '',
      ),
    ]));
    this.form = new RuleForm(this.formContainer, this.workflow, () => this.edited());
    this.json = new JsonView(this.workflow, () => this.edited());
    this.jsonContainer.replaceChildren(this.json.element);
    this.form.render();
    this.showForm();
    this.cases.load(version.cases);
    this.whatIf.load(version);
    this.backTest.load(version.name);
    this.history.show(version.name, versions.filter(v => v.name === version.name));
    this.setStatus(t('rulesEditor:editor.opened', { name: version.name, version: version.version }));
    this.updatePublish();
  }

  /** The header of a new rule set: its name, which becomes WorkflowName (and the form's checks use it once typed). */
  private newHeader(): HTMLElement[] {
    const name = h('input', { id: 'new-rule-set-name', type: 'text', maxlength: 100, spellcheck: 'false', 'data-test': 'new-rule-set-name', 'aria-describedby': 'new-rule-set-hint' }) as HTMLInputElement;
    name.addEventListener('input', () => {
      this.workflow.WorkflowName = name.value.trim();
      this.edited();
    });
    name.addEventListener('change', () => this.form?.render());
    return [
      h('h2', { 'data-test': 'rule-set-name' }, t('newRuleSet:title')),
      h('div', { class: 'field' }, h('label', { for: 'new-rule-set-name' }, t('newRuleSet:name')), name, h('p', { id: 'new-rule-set-hint', class: 'field-hint' }, t('newRuleSet:nameHint'))),
    ];
  }

  private edited(): void {
    this.whatIf.invalidate();
    this.updatePublish();
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => void this.whatIf.run(), WhatIfDelayMs);
  }

  private showForm(): void {
    if (this.json && !this.json.valid) {
      this.setStatus(t('rulesEditor:editor.jsonNotRuleSet'), 'error');
      return;
    }
    this.form?.render();
    this.formContainer.hidden = false;
    this.jsonContainer.hidden = true;
    this.formTab.setAttribute('aria-pressed', 'true');
    this.jsonTab.setAttribute('aria-pressed', 'false');
  }

  private showJson(): void {
    this.json?.refresh();
    this.formContainer.hidden = true;
    this.jsonContainer.hidden = false;
    this.formTab.setAttribute('aria-pressed', 'false');
    this.jsonTab.setAttribute('aria-pressed', 'true');
  }

  private updatePublish(): void {
    const content = this.content;
    const last = this.whatIf.last;
    let reason: string | null = null;
    const name = this.workflow.WorkflowName;
    if (this.creating && name === '') {
      reason = t('newRuleSet:nameRequired');
    } else if (this.creating && !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(name)) {
      reason = t('newRuleSet:nameInvalid');
    } else if (this.creating && this.taken.includes(name)) {
      reason = t('newRuleSet:nameTaken', { name });
    } else if (content === this.loadedContent && !this.cases.dirty) {
      reason = t('rulesEditor:editor.nothing');
    } else if (this.cases.dirty && this.comment.value.trim() === '') {
      reason = t('rulesEditor:editor.casesChanged');
    } else if (!last || last.content !== content || last.cases !== this.cases.state) {
      reason = t('rulesEditor:editor.waiting');
    } else if (!last.result.valid) {
      reason = last.result.failed > 0 ? t('rulesEditor:editor.refusedFailing') : t('rulesEditor:editor.refusedCompile');
    }
    this.publishButton.disabled = reason !== null;
    this.publishHint.textContent = reason ?? t('rulesEditor:editor.canPublish');
  }

  private async publish(): Promise<void> {
    if (!this.version) {
      return;
    }
    this.publishButton.disabled = true;
    this.setStatus(t('rulesEditor:editor.publishing'));
    const effectiveFrom = this.effective.value ? new Date(this.effective.value).toISOString() : null;
    try {
      const outcome = await rulesApi.publish(this.creating ? this.workflow.WorkflowName : this.version.name, this.content, this.comment.value.trim(), effectiveFrom, this.cases.edited);
      if (!outcome.published) {
        this.whatIf.showRefusal(outcome);
        this.setStatus(outcome.failedCases.length > 0 ? t('rulesEditor:editor.notPublishedCases', { count: outcome.failedCases.length }) : t('rulesEditor:editor.notPublished', { reason: outcome.title }), 'error');
        return;
      }
      const published = this.workflow.WorkflowName;
      this.creating = false;
      await this.reload(outcome.unchanged
        ? t('rulesEditor:editor.unchanged', { name: published, version: outcome.version })
        : t('rulesEditor:editor.published', { name: published, version: outcome.version }));
    } catch (error) {
      this.setStatus(t('rulesEditor:editor.notPublished', { reason: error instanceof Error ? error.message : String(error) }), 'error');
    } finally {
      this.updatePublish();
    }
  }

  private async rollback(target: VersionSummary): Promise<void> {
    this.setStatus(t('rulesEditor:editor.rollingBack', { version: target.version }));
    try {
      const outcome = await rulesApi.rollback(target.name, target.version);
      if (!outcome.published) {
        this.whatIf.showRefusal(outcome);
        this.setStatus(t('rulesEditor:editor.notRolledBackCases', { version: target.version, cases: outcome.failedCases.map(c => `“${c.caseName}”`).join(', ') || outcome.title }), 'error');
        return;
      }
      await this.reload(t('rulesEditor:editor.rolledBack', { version: outcome.version, target: target.version }));
    } catch (error) {
      this.setStatus(t('rulesEditor:editor.notRolledBack', { reason: error instanceof Error ? error.message : String(error) }), 'error');
    }
  }

  private async reload(message: string): Promise<void> {
    const name = this.workflow.WorkflowName;
    const versions = await this.published();
    this.load(await rulesApi.latest(name), versions);
    this.setStatus(message, 'ok');
  }

  private setStatus(message: string, kind: 'info' | 'ok' | 'error' = 'info'): void {
    this.status.textContent = message;
    this.status.dataset.kind = kind;
  }
}
