import { t } from '../i18n/i18n';
import { h } from '../shared/dom';
import type { DeclaredInputs, JsonValue, WhatIfCase } from './rules-api';
import './case-texts';

/**
 * The what-if cases stored with the rule set, edited beside its rules: add, edit, duplicate, delete. The form is made
 * from the rule set's declared inputs (a typed field per declared field: number, yes/no, date, text) and its rules
 * (an expected result for each); only a rule set that declares nothing falls back to the case's own values.
 * Edited cases are what the what-if runs and what publishing stores with the new version.
 */
export class CaseEditor {
  private readonly list = h('div', { class: 'table-scroll', 'data-test': 'case-list' });
  private readonly form = h('div', { 'data-test': 'case-form' });
  private readonly note = h('p', { class: 'field-hint', role: 'status', 'data-test': 'cases-note' });
  private cases: WhatIfCase[] = [];
  private original = '';

  constructor(
    container: HTMLElement,
    private readonly rules: () => string[],
    private readonly changed: () => void,
    private readonly declared: () => DeclaredInputs | null = () => null,
  ) {
    const add = h('button', { type: 'button', class: 'button', 'data-test': 'case-add', onclick: () => this.add() }, t('cases:add'));
    container.replaceChildren(
      h('header', { class: 'panel-header' }, h('h2', {}, t('cases:title')), add),
      h('p', { class: 'muted' }, t('cases:lead')),
      this.note,
      this.list,
      this.form,
    );
  }

  /** The cases of the version just opened. */
  load(cases: WhatIfCase[]): void {
    this.cases = structuredClone(cases);
    this.original = key(cases);
    this.form.replaceChildren();
    this.render();
  }

  /** True when the cases differ from the version's. */
  get dirty(): boolean {
    return key(this.cases) !== this.original;
  }

  /** The cases as edited; null when unchanged (the server then keeps the stored ones). */
  get edited(): WhatIfCase[] | null {
    return this.dirty ? this.cases : null;
  }

  /** A key of the edited cases, to tell whether a what-if answer is about them. */
  get state(): string {
    return key(this.cases);
  }

  private render(): void {
    this.note.textContent = this.dirty ? t('cases:changed') : '';
    if (this.cases.length === 0) {
      this.list.replaceChildren(h('p', { class: 'muted' }, t('cases:none')));
      return;
    }
    this.list.replaceChildren(
      h(
        'table',
        { class: 'table' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('cases:col.name')), h('th', { scope: 'col' }, t('cases:col.expect')), h('th', { scope: 'col' }, t('cases:col.actions')))),
        h(
          'tbody',
          {},
          ...this.cases.map((c, index) =>
            h(
              'tr',
              { 'data-test': 'stored-case', 'data-case': c.name },
              h('td', {}, c.name),
              h('td', { class: 'small' }, Object.entries(c.expect).map(([rule, ok]) => `${rule} ${ok ? '✓' : '✗'}`).join(' · ')),
              h(
                'td',
                { class: 'actions' },
                h('button', { type: 'button', class: 'button button-small', 'data-test': 'case-edit', onclick: () => this.edit(index) }, t('cases:edit')),
                h('button', { type: 'button', class: 'button button-small', 'data-test': 'case-duplicate', onclick: () => this.duplicate(index) }, t('cases:duplicate')),
                h('button', { type: 'button', class: 'button button-small', 'data-test': 'case-delete', onclick: () => this.remove(index) }, t('cases:remove')),
              ),
            ),
          ),
        ),
      ),
    );
  }

  private add(): void {
    const template = this.cases[0];
    const declared = this.declared();
    const inputs = template ? structuredClone(template.inputs) : Object.fromEntries(Object.keys(declared ?? {}).map(p => [p, {}]));
    this.edit(null, { source: 'edited', name: t('cases:newCase', { n: this.cases.length + 1 }), inputs, expect: {} });
  }

  private duplicate(index: number): void {
    const copy = structuredClone(this.cases[index]!);
    copy.name = t('cases:copyOf', { name: copy.name });
    this.cases.splice(index + 1, 0, copy);
    this.commit();
    this.edit(index + 1);
  }

  private remove(index: number): void {
    this.cases.splice(index, 1);
    this.form.replaceChildren();
    this.commit();
  }

  /** The form for one case (an existing one by index, or a new one not in the list yet). */
  private edit(index: number | null, fresh?: WhatIfCase): void {
    const original = fresh ?? this.cases[index!]!;
    const draft = structuredClone(original);
    const name = h('input', { id: 'case-name', type: 'text', value: draft.name, maxlength: 200, 'data-test': 'case-name' });
    const error = h('p', { class: 'form-error', role: 'alert', 'data-test': 'case-error' });
    const declared = this.declared();
    const fields = declared && Object.keys(declared).length > 0
      ? Object.entries(declared).map(([input, shape]) => declaredFields(draft, input, shape))
      : Object.entries(draft.inputs).map(([input, value]) => inputFields(input, value));
    const rules = this.rules();
    const expectations = rules.map(rule => expectation(draft, rule));
    const save = (): void => {
      const chosen = name.value.trim();
      const taken = this.cases.some((c, i) => i !== index && c.name === chosen);
      const problem = chosen === '' ? t('cases:nameRequired') : taken ? t('cases:nameTaken', { name: chosen }) : Object.keys(draft.expect).length === 0 && !draft.outcome ? t('cases:expectationRequired') : null;
      if (problem) {
        error.textContent = problem;
        return;
      }
      draft.name = chosen;
      if (index === null) {
        this.cases.push(draft);
      } else {
        this.cases[index] = draft;
      }
      this.form.replaceChildren();
      this.commit();
    };
    this.form.replaceChildren(
      h(
        'form',
        { class: 'case-form', 'data-test': 'case-editing', 'data-case': original.name, onsubmit: (event: Event) => { event.preventDefault(); save(); } },
        h('div', { class: 'field' }, h('label', { for: 'case-name' }, t('cases:name')), name),
        h('fieldset', {}, h('legend', {}, t('cases:inputs')), ...fields),
        h('fieldset', {}, h('legend', {}, t('cases:expectations')), ...expectations),
        error,
        h(
          'p',
          {},
          h('button', { type: 'submit', class: 'button button-primary', 'data-test': 'case-save' }, t('cases:save')),
          ' ',
          h('button', { type: 'button', class: 'button', 'data-test': 'case-cancel', onclick: () => this.form.replaceChildren() }, t('cases:cancel')),
        ),
      ),
    );
    name.focus();
  }

  private commit(): void {
    this.render();
    this.changed();
  }
}

/** One field per value of an input object, typed from the value: number, yes/no, or text. */
function inputFields(input: string, value: JsonValue): HTMLElement {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return h('p', { class: 'muted small' }, `${input}: ${JSON.stringify(value)}`);
  }
  const target = value as Record<string, JsonValue>;
  return h(
    'div',
    { class: 'case-input' },
    h('h4', {}, input),
    ...Object.entries(target).map(([field, current]) => {
      const id = `case-${input}-${field}`;
      const attributes = { id, 'data-test': 'case-input', 'data-input': input, 'data-field': field };
      let control: HTMLInputElement;
      if (typeof current === 'boolean') {
        control = h('input', { ...attributes, type: 'checkbox', checked: current }) as HTMLInputElement;
        control.addEventListener('change', () => (target[field] = control.checked));
      } else if (typeof current === 'number') {
        control = h('input', { ...attributes, type: 'number', step: 'any', value: String(current) }) as HTMLInputElement;
        control.addEventListener('input', () => (target[field] = control.value === '' ? 0 : Number(control.value)));
      } else {
        control = h('input', { ...attributes, type: 'text', value: current === null ? '' : String(current) }) as HTMLInputElement;
        control.addEventListener('input', () => (target[field] = control.value));
      }
      return h('div', { class: 'field field-inline' }, h('label', { for: id }, field), control);
    }),
  );
}

/** One typed field per declared field of an input; the case keeps the spelling of a value it already has. */
function declaredFields(draft: WhatIfCase, input: string, shape: Record<string, JsonValue>): HTMLElement {
  const current = draft.inputs[input];
  const target: Record<string, JsonValue> = current !== null && typeof current === 'object' && !Array.isArray(current) ? current : {};
  draft.inputs[input] = target;
  return h(
    'div',
    { class: 'case-input' },
    h('h4', {}, input),
    ...Object.entries(shape).map(([field, type]) => {
      const key = Object.keys(target).find(k => k.toLowerCase() === field.toLowerCase()) ?? field;
      const id = `case-${input}-${key}`;
      const text = typeof type === 'string' ? type : JSON.stringify(type);
      const control = typedControl(text, target[key], value => {
        if (value === undefined) {
          delete target[key];
        } else {
          target[key] = value;
        }
      });
      control.id = id;
      Object.assign(control.dataset, { test: 'case-input', input, field: key, type: text });
      return h('div', { class: 'field field-inline' }, h('label', { for: id }, field, h('span', { class: 'muted small' }, ` (${text})`)), control);
    }),
  );
}

/** A control for a declared type: number (decimal, int), checkbox (bool), date, date and time, text; JSON for lists and objects. */
function typedControl(type: string, value: JsonValue | undefined, set: (value: JsonValue | undefined) => void): HTMLInputElement | HTMLTextAreaElement {
  const scalar = type.replace(/\?$/, '');
  if (scalar === 'bool') {
    const box = h('input', { type: 'checkbox', checked: value === true }) as HTMLInputElement;
    box.addEventListener('change', () => set(box.checked));
    return box;
  }
  if (scalar === 'decimal' || scalar === 'int' || scalar === 'double') {
    const number = h('input', { type: 'number', step: scalar === 'int' ? '1' : 'any', value: typeof value === 'number' ? String(value) : '' }) as HTMLInputElement;
    number.addEventListener('input', () => set(number.value === '' ? undefined : Number(number.value)));
    return number;
  }
  if (scalar === 'date' || scalar === 'datetime') {
    const shown = typeof value === 'string' ? (scalar === 'date' ? value.slice(0, 10) : value.slice(0, 16)) : '';
    const date = h('input', { type: scalar === 'date' ? 'date' : 'datetime-local', value: shown }) as HTMLInputElement;
    date.addEventListener('input', () => set(date.value === '' ? undefined : date.value));
    return date;
  }
  if (scalar === 'string') {
    const line = h('input', { type: 'text', value: typeof value === 'string' ? value : '' }) as HTMLInputElement;
    line.addEventListener('input', () => set(line.value));
    return line;
  }
  // Lists and nested objects: their JSON, kept when it parses.
  const json = h('textarea', { class: 'code-input', rows: 2, spellcheck: 'false' }) as HTMLTextAreaElement;
  json.value = value === undefined ? '' : JSON.stringify(value);
  json.addEventListener('input', () => {
    if (json.value.trim() === '') {
      set(undefined);
      return;
    }
    try {
      set(JSON.parse(json.value) as JsonValue);
      json.setCustomValidity('');
    } catch {
      json.setCustomValidity('JSON');
    }
  });
  return json;
}

/** The expected result of one rule: not checked, succeeds or fails. */
function expectation(draft: WhatIfCase, rule: string): HTMLElement {
  const id = `case-expect-${rule}`;
  const current = draft.expect[rule];
  const select = h(
    'select',
    { id, 'data-test': 'case-expect', 'data-rule': rule },
    h('option', { value: '', selected: current === undefined }, t('cases:notChecked')),
    h('option', { value: 'true', selected: current === true }, t('cases:succeeds')),
    h('option', { value: 'false', selected: current === false }, t('cases:fails')),
  ) as HTMLSelectElement;
  select.addEventListener('change', () => {
    if (select.value === '') {
      delete draft.expect[rule];
    } else {
      draft.expect[rule] = select.value === 'true';
    }
  });
  return h('div', { class: 'field field-inline' }, h('label', { for: id }, rule), select);
}

function key(cases: WhatIfCase[]): string {
  return JSON.stringify(cases.map(c => [c.name, c.inputs, c.expect, c.outcome ?? null]));
}
