import { h } from '../shared/dom';
import { t } from '../i18n/i18n';
import './editor-texts';
import { ExpressionField } from './expression-field';
import type { JsonValue, Rule, ScopedParam, Workflow } from './rules-api';

/**
 * The rule set as a form: global parameters, then each rule with its name, expression (checked as you type),
 * success event, error message, local parameters and properties. Every edit changes the workflow object in place
 * and calls `changed`; the raw JSON view and publishing read that same object.
 */
export class RuleForm {
  private fieldId = 0;

  constructor(
    private readonly container: HTMLElement,
    private readonly workflow: Workflow,
    private readonly changed: () => void,
  ) {}

  render(): void {
    const rules = this.workflow.Rules.map((rule, index) => this.ruleCard(rule, index));
    this.container.replaceChildren(
      this.params(t('rulesEditor:form.globalParameters'), t('rulesEditor:form.globalHint'), this.workflow, 'GlobalParams', () => this.changed()),
      ...rules,
      h('p', {}, h('button', { type: 'button', class: 'button', 'data-test': 'add-rule', onclick: () => this.addRule() }, t('rulesEditor:form.addRule'))),
    );
  }

  private ruleCard(rule: Rule, index: number): HTMLElement {
    const card = h('section', { class: 'card rule-card', 'data-test': 'rule', 'data-rule': rule.RuleName, 'aria-label': t('rulesEditor:form.ruleLabel', { name: rule.RuleName }) });
    const heading = h('h3', {}, rule.RuleName || t('rulesEditor:form.unnamed'));
    if (rule.Rules?.length) {
      card.append(heading, h('p', { class: 'muted' }, t('rulesEditor:form.nested', { count: rule.Rules.length, operator: String(rule.Operator ?? 'And') })));
      return card;
    }
    let expression: ExpressionField | undefined;
    const touched = () => {
      this.changed();
      expression?.schedule();
    };
    const name = this.text(t('rulesEditor:form.name'), rule.RuleName, value => {
      const old = rule.RuleName;
      rule.RuleName = value;
      heading.textContent = value || t('rulesEditor:form.unnamed');
      card.dataset.rule = value;
      card.setAttribute('aria-label', t('rulesEditor:form.ruleLabel', { name: value }));
      if (old !== value) {
        touched();
      }
    }, 'rule-name');
    expression = new ExpressionField(this.nextId(), this.workflow.WorkflowName, () => rule.RuleName, rule.Expression ?? '', () => JSON.stringify(this.workflow), value => {
      rule.Expression = value;
      this.changed();
    });
    const enabled = h('input', { type: 'checkbox', id: this.nextId(), 'data-test': 'rule-enabled' });
    enabled.checked = rule.Enabled !== false;
    enabled.addEventListener('change', () => {
      if (enabled.checked) {
        delete rule.Enabled;
      } else {
        rule.Enabled = false;
      }
      this.changed();
    });
    card.append(
      h(
        'header',
        { class: 'rule-card-header' },
        heading,
        h('div', { class: 'field field-check' }, enabled, h('label', { for: enabled.id }, t('rulesEditor:form.enabled'))),
        h('button', { type: 'button', class: 'button button-small', 'data-test': 'remove-rule', onclick: () => this.removeRule(index) }, t('rulesEditor:form.remove')),
      ),
      name,
      expression.element,
      h(
        'div',
        { class: 'field-row' },
        this.text(t('rulesEditor:form.successEvent'), rule.SuccessEvent ?? '', value => {
          setOptional(rule, 'SuccessEvent', value);
          this.changed();
        }, 'success-event'),
        this.text(t('rulesEditor:form.errorMessage'), rule.ErrorMessage ?? '', value => {
          setOptional(rule, 'ErrorMessage', value);
          this.changed();
        }, 'error-message', true),
      ),
      this.params(t('rulesEditor:form.localParameters'), t('rulesEditor:form.localHint'), rule, 'LocalParams', touched),
      this.properties(rule),
    );
    return card;
  }

  private params(title: string, hint: string, owner: { GlobalParams?: ScopedParam[]; LocalParams?: ScopedParam[] }, key: 'GlobalParams' | 'LocalParams', changed: () => void): HTMLElement {
    const list = h('div', { class: 'param-list' });
    const draw = () => {
      const params = owner[key] ?? [];
      list.replaceChildren(
        ...params.map((param, index) =>
          h(
            'div',
            { class: 'param', 'data-test': 'param', 'data-param': param.Name },
            this.text(t('rulesEditor:form.name'), param.Name, value => {
              param.Name = value;
              changed();
            }, 'param-name'),
            this.text(t('rulesEditor:form.expression'), param.Expression, value => {
              param.Expression = value;
              changed();
            }, 'param-expression', true),
            h('button', {
              type: 'button',
              class: 'icon-button',
              'aria-label': t('rulesEditor:form.removeParameter', { name: param.Name }),
              onclick: () => {
                params.splice(index, 1);
                if (params.length === 0) {
                  delete owner[key];
                }
                draw();
                changed();
              },
            }, '×'),
          ),
        ),
        h('button', {
          type: 'button',
          class: 'button button-small',
          onclick: () => {
            owner[key] = [...params, { Name: `param${params.length + 1}`, Expression: '0' }];
            draw();
            changed();
          },
        }, t('rulesEditor:form.addParameter')),
      );
    };
    draw();
    return h('fieldset', { class: 'params', 'data-test': key }, h('legend', {}, title), h('p', { class: 'field-hint' }, hint), list);
  }

  private properties(rule: Rule): HTMLElement {
    const list = h('div', { class: 'param-list' });
    const draw = () => {
      const entries = Object.entries(rule.Properties ?? {});
      list.replaceChildren(
        ...entries.map(([key, value]) => {
          const rename = this.text(t('rulesEditor:form.name'), key, newKey => {
            rule.Properties = renameKey(rule.Properties ?? {}, key, newKey);
            key = newKey;
            this.changed();
          }, 'property-name');
          const edit = this.text(t('rulesEditor:form.value'), typeof value === 'string' ? value : JSON.stringify(value), text => {
            (rule.Properties ??= {})[key] = parseValue(text);
            this.changed();
          }, 'property-value', key === 'description');
          return h('div', { class: 'param', 'data-test': 'property', 'data-property': key }, rename, edit);
        }),
        h('button', {
          type: 'button',
          class: 'button button-small',
          onclick: () => {
            (rule.Properties ??= {})[`property${entries.length + 1}`] = '';
            draw();
            this.changed();
          },
        }, t('rulesEditor:form.addProperty')),
      );
    };
    draw();
    return h(
      'fieldset',
      { class: 'params', 'data-test': 'Properties' },
      h('legend', {}, t('rulesEditor:form.properties')),
      h('p', { class: 'field-hint' }, t('rulesEditor:form.propertiesHint')),
      list,
    );
  }

  private text(label: string, value: string, changed: (value: string) => void, test: string, multiline = false): HTMLElement {
    const id = this.nextId();
    const input = multiline ? h('textarea', { id, rows: test === 'param-expression' ? 1 : 2, 'data-test': test }) : h('input', { id, type: 'text', 'data-test': test, spellcheck: 'false' });
    input.value = value;
    input.addEventListener('input', () => changed(input.value));
    return h('div', { class: 'field' }, h('label', { for: id }, label), input);
  }

  private addRule(): void {
    const taken = new Set(this.workflow.Rules.map(r => r.RuleName));
    let number = this.workflow.Rules.length + 1;
    while (taken.has(`NewRule${number}`)) {
      number++;
    }
    this.workflow.Rules.push({ RuleName: `NewRule${number}`, Expression: 'true' });
    this.render();
    this.changed();
  }

  private removeRule(index: number): void {
    const rule = this.workflow.Rules[index];
    if (rule && window.confirm(t('rulesEditor:form.confirmRemove', { name: rule.RuleName }))) {
      this.workflow.Rules.splice(index, 1);
      this.render();
      this.changed();
    }
  }

  private nextId(): string {
    return `rule-field-${++this.fieldId}`;
  }
}

function setOptional(rule: Rule, key: 'SuccessEvent' | 'ErrorMessage', value: string): void {
  if (value === '') {
    delete rule[key];
  } else {
    rule[key] = value;
  }
}

/** true/false, numbers and JSON are kept as such; anything else is text. */
function parseValue(text: string): JsonValue {
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return text;
  }
}

/** The same properties with one key renamed, in the same order. */
function renameKey(properties: Record<string, JsonValue>, from: string, to: string): Record<string, JsonValue> {
  return Object.fromEntries(Object.entries(properties).map(([k, v]) => [k === from ? to : k, v]));
}
