import { h } from '../shared/dom';
import { t } from '../i18n/i18n';
import './editor-texts';
import { rulesApi, type ExpressionCheck } from './rules-api';

/** How long typing must pause before the server checks the expression. */
export const CheckDelayMs = 400;

/**
 * A rule's expression, checked by the server as you type (debounced): it compiles the expression in the rule's
 * scope (inputs, global and local parameters) through the sandbox and answers in plain words. Only the answer to
 * the latest request is shown, so a slow answer never overwrites a newer one.
 */
export class ExpressionField {
  readonly element: HTMLElement;
  private readonly input: HTMLTextAreaElement;
  private readonly message: HTMLElement;
  private timer: number | undefined;
  private sequence = 0;

  constructor(
    id: string,
    private readonly ruleSet: string,
    private readonly ruleName: () => string,
    value: string,
    private readonly content: () => string,
    onInput: (value: string) => void,
  ) {
    this.input = h('textarea', { id, class: 'code-input', rows: 2, spellcheck: 'false', 'data-test': 'expression', 'aria-describedby': `${id}-check` });
    this.input.value = value;
    this.message = h('p', { id: `${id}-check`, class: 'expression-check', role: 'status', 'aria-live': 'polite', 'data-test': 'expression-check' });
    this.input.addEventListener('input', () => {
      onInput(this.input.value);
      this.schedule();
    });
    this.element = h('div', { class: 'field' }, h('label', { for: id }, t('rulesEditor:expression.label')), this.input, this.message);
  }

  /** Checks again soon: the expression, or its scope (a parameter of the rule), changed. */
  schedule(): void {
    window.clearTimeout(this.timer);
    this.show(t('rulesEditor:expression.checking'), 'pending');
    this.timer = window.setTimeout(() => void this.check(), CheckDelayMs);
  }

  async check(): Promise<void> {
    const sequence = ++this.sequence;
    const expression = this.input.value;
    if (!expression.trim()) {
      this.show(t('rulesEditor:expression.empty'), 'error');
      return;
    }
    let result: ExpressionCheck;
    try {
      result = await rulesApi.checkExpression(this.ruleSet, this.ruleName(), expression, this.content());
    } catch (error) {
      if (sequence === this.sequence) {
        this.show(t('rulesEditor:expression.failed', { error: error instanceof Error ? error.message : String(error) }), 'error');
      }
      return;
    }
    if (sequence !== this.sequence) {
      return;
    }
    if (result.ok) {
      this.show(`${result.message} ${t('rulesEditor:expression.inScope', { names: result.scope.join(', ') })}`, 'ok');
    } else {
      this.show(result.position === null ? result.message : t('rulesEditor:expression.atCharacter', { position: result.position, message: result.message }), 'error');
    }
  }

  private show(text: string, kind: 'ok' | 'error' | 'pending'): void {
    this.message.textContent = text;
    this.message.dataset.kind = kind;
    this.input.setAttribute('aria-invalid', kind === 'error' ? 'true' : 'false');
  }
}
