import { t } from '../i18n/i18n';
import { h } from '../shared/dom';

/** One choice of a drop-down: the stored value, the words shown, and an optional explanation. */
export interface Choice {
  value: string;
  label: string;
}

interface FieldOptions {
  /** Stable key, used to give focus back to the same field after the panel redraws. */
  key: string;
  label: string;
  value: string;
  hint?: string;
  onChange: (value: string) => void;
}

let nextId = 0;
const fieldId = (key: string) => `field-${key}-${++nextId}`;

function wrap(id: string, label: string, control: HTMLElement, hint?: string): HTMLElement {
  const hintId = hint ? `${id}-hint` : null;
  if (hintId) {
    control.setAttribute('aria-describedby', hintId);
  }
  return h('div', { class: 'field' }, h('label', { for: id }, label), control, hint ? h('p', { class: 'field-hint', id: hintId }, hint) : null);
}

/** A text box committed when the user leaves it or presses Enter (one undo step per edit, not per key). */
export function textField(options: FieldOptions & { placeholder?: string; inputMode?: string }): HTMLElement {
  const id = fieldId(options.key);
  const input = h('input', {
    id,
    type: 'text',
    value: options.value,
    placeholder: options.placeholder,
    inputmode: options.inputMode,
    spellcheck: 'false',
    autocomplete: 'off',
    'data-field': options.key,
  });
  input.addEventListener('change', () => options.onChange(input.value.trim()));
  input.addEventListener('keydown', event => {
    if (event.key === 'Enter') {
      input.blur();
    }
  });
  return wrap(id, options.label, input, options.hint);
}

/**
 * A drop-down of names the server knows. A value that is not among them (a file from elsewhere, an entry removed
 * since) stays selectable and is marked, so opening a diagram never silently changes it.
 */
export function selectField(options: FieldOptions & { choices: Choice[]; emptyLabel: string }): HTMLElement {
  const id = fieldId(options.key);
  const select = h('select', { id, 'data-field': options.key });
  select.append(h('option', { value: '' }, options.emptyLabel));
  for (const choice of options.choices) {
    select.append(h('option', { value: choice.value }, choice.label));
  }
  if (options.value && !options.choices.some(c => c.value === options.value)) {
    select.append(h('option', { value: options.value }, t('designerPanel:notInCatalog', { value: options.value })));
  }
  select.value = options.value;
  select.addEventListener('change', () => options.onChange(select.value));
  return wrap(id, options.label, select, options.hint);
}

export function section(title: string, ...content: (HTMLElement | null)[]): HTMLElement {
  return h('section', { class: 'panel-section' }, h('h3', {}, title), ...content);
}
