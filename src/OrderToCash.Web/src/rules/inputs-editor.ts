import { t } from '../i18n/i18n';
import { h } from '../shared/dom';
import type { DeclaredInputs, JsonValue, Workflow } from './rules-api';
import './inputs-texts';

/** The field types the small form offers (the JSON view takes nested objects and lists of objects too). */
export const FieldTypes = ['string', 'decimal', 'int', 'bool', 'date', 'datetime', 'string[]', 'decimal[]', 'int[]'] as const;

interface Row {
  parameter: string;
  field: string;
  type: string;
}

/**
 * The rule set's declared inputs (its file's "Inputs") as rows: parameter, field, type. Every edit writes "Inputs"
 * back into the workflow object in place and calls `changed`; fields the form cannot show (nested objects) are kept.
 */
export class InputsEditor {
  private readonly rowsElement = h('div', { 'data-test': 'input-rows' });
  private rows: Row[] = [];
  private kept: Record<string, Record<string, JsonValue>> = {};
  private workflow: Workflow | null = null;

  constructor(
    container: HTMLElement,
    private readonly changed: () => void,
  ) {
    const add = h('button', { type: 'button', class: 'button', 'data-test': 'input-add', onclick: () => this.add() }, t('inputs:add'));
    container.replaceChildren(h('header', { class: 'panel-header' }, h('h2', {}, t('inputs:title')), add), h('p', { class: 'muted' }, t('inputs:lead')), this.rowsElement);
  }

  /** The rule set just opened: its own Inputs, else what the server describes (a built-in rule set stored without them). */
  load(workflow: Workflow, described: DeclaredInputs | null): void {
    this.workflow = workflow;
    this.rows = [];
    this.kept = {};
    const declared = isObject(workflow.Inputs) ? (workflow.Inputs as DeclaredInputs) : described ?? {};
    for (const [parameter, fields] of Object.entries(declared)) {
      for (const [field, type] of Object.entries(fields)) {
        if (typeof type === 'string') {
          this.rows.push({ parameter, field, type });
        } else {
          (this.kept[parameter] ??= {})[field] = type;
        }
      }
    }
    this.render();
  }

  private render(): void {
    const note = Object.keys(this.kept).length > 0 ? h('p', { class: 'field-hint' }, t('inputs:nested')) : null;
    if (this.rows.length === 0) {
      this.rowsElement.replaceChildren(h('p', { class: 'muted', 'data-test': 'inputs-none' }, t('inputs:none')), note ?? '');
      return;
    }
    this.rowsElement.replaceChildren(
      h(
        'table',
        { class: 'table' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('inputs:parameter')), h('th', { scope: 'col' }, t('inputs:field')), h('th', { scope: 'col' }, t('inputs:type')), h('th', {}))),
        h('tbody', {}, ...this.rows.map((row, index) => this.row(row, index))),
      ),
      note ?? '',
    );
  }

  private row(row: Row, index: number): HTMLElement {
    const text = (key: 'parameter' | 'field', label: string) => {
      const input = h('input', { type: 'text', value: row[key], 'aria-label': label, 'data-test': `input-${key}`, maxlength: 64, spellcheck: 'false' }) as HTMLInputElement;
      input.addEventListener('input', () => {
        row[key] = input.value.trim();
        this.write();
      });
      return input;
    };
    const known = (FieldTypes as readonly string[]).includes(row.type);
    const type = h(
      'select',
      { 'aria-label': t('inputs:type'), 'data-test': 'input-type' },
      ...(known ? [] : [h('option', { value: row.type, selected: true }, row.type)]),
      ...FieldTypes.map(option => h('option', { value: option, selected: option === row.type }, `${t(`inputs:types.${option}`)} (${option})`)),
    ) as HTMLSelectElement;
    type.addEventListener('change', () => {
      row.type = type.value;
      this.write();
    });
    const remove = h('button', { type: 'button', class: 'button button-small', 'data-test': 'input-remove', onclick: () => {
      this.rows.splice(index, 1);
      this.render();
      this.write();
    } }, t('inputs:remove'));
    return h('tr', { 'data-test': 'input-row' }, h('td', {}, text('parameter', t('inputs:parameter'))), h('td', {}, text('field', t('inputs:field'))), h('td', {}, type), h('td', {}, remove));
  }

  private add(): void {
    const last = this.rows[this.rows.length - 1];
    this.rows.push({ parameter: last?.parameter ?? 'order', field: '', type: 'decimal' });
    this.render();
    const inputs = this.rowsElement.querySelectorAll<HTMLInputElement>('[data-test=input-field]');
    inputs[inputs.length - 1]?.focus();
  }

  /** "Inputs" from the rows (rows without a parameter or field are not written yet), with the kept fields. */
  private write(): void {
    if (!this.workflow) {
      return;
    }
    const inputs: Record<string, Record<string, JsonValue>> = structuredClone(this.kept);
    for (const row of this.rows.filter(r => r.parameter !== '' && r.field !== '')) {
      (inputs[row.parameter] ??= {})[row.field] = row.type;
    }
    if (Object.keys(inputs).length === 0) {
      delete this.workflow.Inputs;
    } else {
      this.workflow.Inputs = inputs;
    }
    this.changed();
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
