import { h } from '../shared/dom';
import type { DiagramElement, ModdleElement } from './bpmn-types';
import { text } from './bpmn-types';
import { addExtension, extensionsOf, removeExtension, type EditContext } from './extension-elements';

interface MappingListOptions {
  /** o2c:Input, o2c:Output or o2c:Variable. */
  type: string;
  key: string;
  title: string;
  hint: string;
  /** The second column: an expression (inputs, outputs) or a type (variables). */
  valueProperty: 'expression' | 'type';
  valueLabel: string;
  itemLabel: string;
  /** Names to suggest (a handler's declared inputs, for instance). */
  suggestions: string[];
  /** A closed list for the second column (variable types); free text when absent. */
  valueChoices?: string[];
}

let nextList = 0;

/** An editable list of name/value extension elements (o2c:input, o2c:output, o2c:variable). */
export function mappingList(context: EditContext, element: DiagramElement, owner: ModdleElement, options: MappingListOptions): HTMLElement {
  const items = extensionsOf(owner, options.type);
  const listId = `suggestions-${options.key}-${++nextList}`;
  const rows = items.map((item, index) => row(context, element, owner, item, index, options, listId));

  const add = h('button', { type: 'button', class: 'button button-small', 'data-field': `${options.key}-add` }, `Add ${options.itemLabel}`);
  add.addEventListener('click', () => addExtension(context, element, owner, options.type));

  return h(
    'section',
    { class: 'panel-section', 'data-test': `${options.key}-list` },
    h('h3', {}, options.title),
    h('p', { class: 'field-hint' }, options.hint),
    options.suggestions.length > 0 ? h('datalist', { id: listId }, ...options.suggestions.map(name => h('option', { value: name }))) : null,
    rows.length > 0 ? h('ul', { class: 'mapping-list' }, ...rows) : h('p', { class: 'muted small' }, `No ${options.itemLabel} yet.`),
    add,
  );
}

function row(
  context: EditContext,
  element: DiagramElement,
  owner: ModdleElement,
  item: ModdleElement,
  index: number,
  options: MappingListOptions,
  listId: string,
): HTMLElement {
  const name = text(item, 'name');
  const what = `${options.itemLabel} ${index + 1}`;
  const nameInput = h('input', {
    type: 'text',
    value: name,
    placeholder: 'name',
    list: options.suggestions.length > 0 ? listId : null,
    'aria-label': `Name of ${what}`,
    spellcheck: 'false',
    autocomplete: 'off',
    'data-field': `${options.key}-${index}-name`,
  });
  nameInput.addEventListener('change', () => context.modeling.updateModdleProperties(element, item, { name: nameInput.value.trim() || undefined }));

  const value = text(item, options.valueProperty);
  let valueControl: HTMLInputElement | HTMLSelectElement;
  if (options.valueChoices) {
    const select = h('select', { 'aria-label': `${options.valueLabel} of ${what}`, 'data-field': `${options.key}-${index}-value` });
    select.append(h('option', { value: '' }, `— ${options.valueLabel.toLowerCase()} —`));
    for (const choice of options.valueChoices) {
      select.append(h('option', { value: choice }, choice));
    }
    if (value && !options.valueChoices.includes(value)) {
      select.append(h('option', { value }, value));
    }
    select.value = value;
    valueControl = select;
  } else {
    valueControl = h('input', {
      type: 'text',
      value,
      placeholder: options.valueLabel.toLowerCase(),
      'aria-label': `${options.valueLabel} of ${what}`,
      spellcheck: 'false',
      autocomplete: 'off',
      class: 'code',
      'data-field': `${options.key}-${index}-value`,
    });
  }
  valueControl.addEventListener('change', () =>
    context.modeling.updateModdleProperties(element, item, { [options.valueProperty]: valueControl.value.trim() || undefined }),
  );

  const remove = h('button', { type: 'button', class: 'icon-button', 'aria-label': `Remove ${what}`, title: `Remove ${what}` }, '×');
  remove.addEventListener('click', () => removeExtension(context, element, owner, item));

  return h('li', { class: 'mapping-row' }, nameInput, valueControl, remove);
}
