import { t } from '../i18n/i18n';
import { h } from '../shared/dom';
import type { DiagramElement, ModdleElement } from './bpmn-types';
import { text } from './bpmn-types';
import { addExtension, extensionsOf, removeExtension, type EditContext } from './extension-elements';

interface MappingListOptions {
  /** o2c:Input, o2c:Output or o2c:Variable. */
  type: string;
  /** Names the list's fields and its texts (designerPanel:inputs.*, outputs.*, variables.*). */
  key: 'inputs' | 'outputs' | 'variables';
  /** The second column: an expression (inputs, outputs) or a type (variables). */
  valueProperty: 'expression' | 'type';
  /** Names to suggest (a handler's declared inputs, for instance). */
  suggestions: string[];
  /** A closed list for the second column (variable types); free text when absent. */
  valueChoices?: string[];
  /** Variables: a string variable may take only the values listed in its `values` attribute (comma-separated). */
  allowedValues?: boolean;
}

let nextList = 0;

/** An editable list of name/value extension elements (o2c:input, o2c:output, o2c:variable). */
export function mappingList(context: EditContext, element: DiagramElement, owner: ModdleElement, options: MappingListOptions): HTMLElement {
  const items = extensionsOf(owner, options.type);
  const listId = `suggestions-${options.key}-${++nextList}`;
  const rows = items.map((item, index) => row(context, element, owner, item, index, options, listId));

  const add = h('button', { type: 'button', class: 'button button-small', 'data-field': `${options.key}-add` }, t(`designerPanel:${options.key}.add`));
  add.addEventListener('click', () => addExtension(context, element, owner, options.type));

  return h(
    'section',
    { class: 'panel-section', 'data-test': `${options.key}-list` },
    h('h3', {}, t(`designerPanel:${options.key}.title`)),
    h('p', { class: 'field-hint' }, t(`designerPanel:${options.key}.hint`)),
    options.suggestions.length > 0 ? h('datalist', { id: listId }, ...options.suggestions.map(name => h('option', { value: name }))) : null,
    rows.length > 0 ? h('ul', { class: 'mapping-list' }, ...rows) : h('p', { class: 'muted small' }, t(`designerPanel:${options.key}.none`)),
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
  const label = (key: string) => t(`designerPanel:${options.key}.${key}`, { n: index + 1 });
  const nameInput = h('input', {
    type: 'text',
    value: name,
    placeholder: t('designerPanel:list.namePlaceholder'),
    list: options.suggestions.length > 0 ? listId : null,
    'aria-label': label('name'),
    spellcheck: 'false',
    autocomplete: 'off',
    'data-field': `${options.key}-${index}-name`,
  });
  nameInput.addEventListener('change', () => context.modeling.updateModdleProperties(element, item, { name: nameInput.value.trim() || undefined }));

  const value = text(item, options.valueProperty);
  let valueControl: HTMLInputElement | HTMLSelectElement;
  if (options.valueChoices) {
    const select = h('select', { 'aria-label': label('value'), 'data-field': `${options.key}-${index}-value` });
    select.append(h('option', { value: '' }, t('designerPanel:list.typeChoice')));
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
      placeholder: t('designerPanel:list.expressionPlaceholder'),
      'aria-label': label('value'),
      spellcheck: 'false',
      autocomplete: 'off',
      class: 'code',
      'data-field': `${options.key}-${index}-value`,
    });
  }
  valueControl.addEventListener('change', () =>
    context.modeling.updateModdleProperties(element, item, { [options.valueProperty]: valueControl.value.trim() || undefined }),
  );

  const remove = h('button', { type: 'button', class: 'icon-button', 'aria-label': label('remove'), title: label('remove') }, '×');
  remove.addEventListener('click', () => removeExtension(context, element, owner, item));

  const values = options.allowedValues ? valuesInput(context, element, item, index, label) : null;
  return h('li', { class: 'mapping-row' }, nameInput, valueControl, remove, values);
}

/**
 * The values a string variable may take ("approve, reject"): offered only for a string variable (or one that has
 * values already); written back as "approve,reject", and removed when left empty.
 */
function valuesInput(context: EditContext, element: DiagramElement, item: ModdleElement, index: number, label: (key: string) => string): HTMLInputElement | null {
  const values = text(item, 'values');
  if (text(item, 'type') !== 'string' && values === '') {
    return null;
  }
  const input = h('input', {
    type: 'text',
    value: values,
    placeholder: label('valuesPlaceholder'),
    title: label('valuesHint'),
    'aria-label': label('values'),
    spellcheck: 'false',
    autocomplete: 'off',
    class: 'mapping-values',
    'data-field': `variables-${index}-values`,
  });
  input.addEventListener('change', () => {
    const list = input.value.split(',').map(value => value.trim()).filter(value => value !== '');
    context.modeling.updateModdleProperties(element, item, { values: list.length > 0 ? list.join(',') : undefined });
  });
  return input;
}
