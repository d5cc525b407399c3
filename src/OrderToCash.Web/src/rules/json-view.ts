import { h } from '../shared/dom';
import { t } from '../i18n/i18n';
import './editor-texts';
import type { Workflow } from './rules-api';

/**
 * The rule set as raw RulesEngine JSON, two-way with the form: it shows the form's current state, and a valid edit
 * here replaces the rule set the form shows. While the text is not a rule set, the form stays as it was and the
 * error says where the text is wrong.
 */
export class JsonView {
  readonly element: HTMLElement;
  private readonly input = h('textarea', { id: 'rule-json', class: 'code-input json-input', rows: 30, spellcheck: 'false', 'data-test': 'rule-json' });
  private readonly error = h('p', { class: 'form-error', role: 'alert', hidden: true, 'data-test': 'json-error' });

  constructor(
    private readonly workflow: Workflow,
    private readonly changed: () => void,
  ) {
    this.input.addEventListener('input', () => this.read());
    this.element = h('div', {}, h('label', { for: 'rule-json', class: 'visually-hidden' }, t('rulesEditor:json.label')), this.error, this.input);
  }

  /** True while the text is a rule set the form can show. */
  get valid(): boolean {
    return this.error.hidden === true;
  }

  refresh(): void {
    this.input.value = JSON.stringify(this.workflow, null, 2);
    this.error.hidden = true;
  }

  private read(): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(this.input.value);
    } catch (error) {
      this.fail(t('rulesEditor:json.notJson', { error: error instanceof Error ? error.message : String(error) }));
      return;
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || !Array.isArray((parsed as Workflow).Rules)) {
      this.fail(t('rulesEditor:json.notRuleSet'));
      return;
    }
    if ((parsed as Workflow).WorkflowName !== this.workflow.WorkflowName) {
      this.fail(t('rulesEditor:json.sameName', { name: this.workflow.WorkflowName }));
      return;
    }
    this.error.hidden = true;
    for (const key of Object.keys(this.workflow)) {
      delete (this.workflow as Record<string, unknown>)[key];
    }
    Object.assign(this.workflow, parsed);
    this.changed();
  }

  private fail(message: string): void {
    this.error.textContent = message;
    this.error.hidden = false;
  }
}
