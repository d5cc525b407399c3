import { ApiError, getJson } from '../shared/api';
import { h } from '../shared/dom';
import { roleLabel } from '../shared/pages';
import type { DiagramElement, ModdleElement } from './bpmn-types';
import { is, text } from './bpmn-types';
import type { Catalog } from './catalog';
import { createRole } from './catalog';
import { typeLabel } from './element-labels';
import type { EditContext } from './extension-elements';
import { section, selectField, textField } from './fields';
import { mappingList } from './mapping-list';

/** What every section needs: the modeler services to edit through and the server's catalog. */
export interface PanelContext {
  edit: EditContext;
  catalog: Catalog;
}

/** The variable types the engine accepts in o2c:variable (OrderToCash.Engine's VariableTypeNames). */
const VariableTypes = ['string', 'bool', 'int', 'long', 'decimal', 'double', 'guid', 'date', 'dateTime', 'duration'];

// One function per group of fields; the panel picks the ones that apply to the selected element.

export function headerSection(bo: ModdleElement): HTMLElement {
  return h(
    'header',
    { class: 'panel-header' },
    h('p', { class: 'panel-type', 'data-test': 'panel-type' }, typeLabel(bo)),
    h('h2', { class: 'panel-title' }, bo.name || bo.id || ''),
  );
}

export function generalSection(ctx: PanelContext, element: DiagramElement, bo: ModdleElement): HTMLElement {
  return section(
    'General',
    textField({
      key: 'name',
      label: 'Name',
      value: bo.name ?? '',
      onChange: value => ctx.edit.modeling.updateProperties(element, { name: value || undefined }),
    }),
    h('p', { class: 'field-hint' }, 'Identifier: ', h('code', { 'data-test': 'element-id' }, bo.id ?? '')),
  );
}

export function serviceTaskSection(ctx: PanelContext, element: DiagramElement, bo: ModdleElement): HTMLElement {
  const value = text(bo, 'o2c:handler');
  const handler = ctx.catalog.handlers.find(x => x.name === value);
  return section(
    'Handler',
    selectField({
      key: 'handler',
      label: 'Handler',
      value,
      emptyLabel: ctx.catalog.handlers.length > 0 ? '— choose a handler —' : '— no handler registered yet —',
      choices: ctx.catalog.handlers.map(x => ({ value: x.name, label: x.description ? `${x.description} (${x.name})` : x.name })),
      hint: 'The work this step does when the process reaches it.',
      onChange: next => ctx.edit.modeling.updateProperties(element, { 'o2c:handler': next || undefined }),
    }),
    handler
      ? h(
          'dl',
          { class: 'facts', 'data-test': 'handler-facts' },
          h('dt', {}, 'Reads'),
          h('dd', {}, handler.inputs.join(', ') || 'nothing'),
          h('dt', {}, 'Returns'),
          h('dd', {}, handler.outputs.join(', ') || 'nothing'),
        )
      : null,
  );
}

export function businessRuleTaskSection(ctx: PanelContext, element: DiagramElement, bo: ModdleElement): HTMLElement {
  const value = text(bo, 'o2c:ruleSet');
  const reads = h('dd', { 'data-test': 'rule-set-reads' }, value ? '…' : 'nothing');
  if (value) {
    // The fields the rule set declares: each one is an input mapping of this task (name = field, expression over variables).
    getJson<{ declaredInputs: Record<string, Record<string, unknown>> | null }>(`/api/rules/${encodeURIComponent(value)}/latest`)
      .then(latest => {
        const fields = Object.entries(latest.declaredInputs ?? {}).flatMap(([parameter, shape]) =>
          Object.entries(shape).map(([field, type]) => `${parameter}.${field} (${typeof type === 'string' ? type : 'object'})`));
        reads.textContent = fields.join(', ') || 'nothing';
      })
      .catch(() => (reads.textContent = 'not published yet'));
  }
  return section(
    'Decision',
    selectField({
      key: 'ruleSet',
      label: 'Rule set',
      value,
      emptyLabel: ctx.catalog.ruleSets.length > 0 ? '— choose a rule set —' : '— no rule set registered yet —',
      choices: ctx.catalog.ruleSets.map(x => ({ value: x.name, label: x.description ? `${x.description} (${x.name})` : x.name })),
      hint: 'The rules that decide at this step; credit managers and process owners maintain them on the Rules page. Map each field it reads with an input (name = field), and its outcome with an output (e.g. route = event).',
      onChange: next => ctx.edit.modeling.updateProperties(element, { 'o2c:ruleSet': next || undefined }),
    }),
    value
      ? h(
          'dl',
          { class: 'facts', 'data-test': 'rule-set-facts' },
          h('dt', {}, 'Reads'),
          reads,
          h('dt', {}, 'Returns'),
          h('dd', {}, 'passed, event, events, failedRules, ruleSetVersion'),
        )
      : null,
  );
}

export function userTaskSection(ctx: PanelContext, element: DiagramElement, bo: ModdleElement): HTMLElement {
  return section(
    'Assignment',
    selectField({
      key: 'candidateRole',
      label: 'Who does it',
      value: text(bo, 'o2c:candidateRole'),
      emptyLabel: '— choose a role —',
      choices: ctx.catalog.roles.map(role => ({ value: role.name, label: role.builtIn ? roleLabel(role.name) : `${role.label} (${role.name})` })),
      hint: 'Anyone with this role can claim the task in their inbox.',
      onChange: next => ctx.edit.modeling.updateProperties(element, { 'o2c:candidateRole': next || undefined }),
    }),
    newRoleForm(ctx, element),
    textField({
      key: 'assignee',
      label: 'Or this person',
      value: text(bo, 'o2c:assignee'),
      placeholder: 'salesperson',
      hint: "An expression giving a user name (e.g. the customer's salesperson): the task is in that person's inbox from the start.",
      onChange: next => ctx.edit.modeling.updateProperties(element, { 'o2c:assignee': next || undefined }),
    }),
    textField({
      key: 'dueDate',
      label: 'Due',
      value: text(bo, 'o2c:dueDate'),
      placeholder: 'P2D',
      hint: 'An ISO 8601 duration from creation (P2D: two days, PT4H: four hours), a date, or an expression.',
      onChange: next => ctx.edit.modeling.updateProperties(element, { 'o2c:dueDate': next || undefined }),
    }),
  );
}

/**
 * "New role": a process owner creates a business role (POST /api/roles) and gives it to the task at once; an
 * administrator then gives it to people. The server's refusal (a bad or taken name) is shown as it is.
 */
function newRoleForm(ctx: PanelContext, element: DiagramElement): HTMLElement {
  const name = h('input', { type: 'text', placeholder: 'Finance', spellcheck: 'false', autocomplete: 'off', 'data-test': 'new-role-name', 'aria-label': 'New role name' });
  const label = h('input', { type: 'text', placeholder: 'Direction financière', autocomplete: 'off', 'data-test': 'new-role-label', 'aria-label': 'New role label' });
  const error = h('p', { class: 'field-error', role: 'alert', 'data-test': 'new-role-error' });
  const create = h('button', { type: 'button', 'data-test': 'new-role-create' }, 'Create the role');
  create.addEventListener('click', async () => {
    error.textContent = '';
    try {
      const role = await createRole(name.value.trim(), label.value.trim());
      ctx.catalog.roles.push(role);
      ctx.edit.modeling.updateProperties(element, { 'o2c:candidateRole': role.name });
    } catch (e) {
      error.textContent = e instanceof ApiError ? e.title : String(e);
    }
  });
  return h(
    'details',
    { class: 'new-role', 'data-test': 'new-role' },
    h('summary', {}, 'New role…'),
    h('p', { class: 'field-hint' }, 'A role for this kind of task (e.g. the finance department); an administrator gives it to people.'),
    name,
    label,
    create,
    error,
  );
}

export function messageSection(ctx: PanelContext, element: DiagramElement, bo: ModdleElement): HTMLElement {
  return section(
    'Message',
    selectField({
      key: 'messageName',
      label: 'Message',
      value: text(bo, 'o2c:messageName'),
      emptyLabel: ctx.catalog.messages.length > 0 ? '— choose a message —' : '— no message registered yet —',
      choices: ctx.catalog.messages.map(x => ({ value: x.name, label: x.description ? `${x.description} (${x.name})` : x.name })),
      hint: 'The business event this step waits for or sends.',
      onChange: next => ctx.edit.modeling.updateProperties(element, { 'o2c:messageName': next || undefined }),
    }),
    textField({
      key: 'correlationKey',
      label: 'Correlation key',
      value: text(bo, 'o2c:correlationKey'),
      placeholder: 'invoiceId',
      hint: 'An expression over the process variables that tells which instance a message belongs to.',
      onChange: next => ctx.edit.modeling.updateProperties(element, { 'o2c:correlationKey': next || undefined }),
    }),
  );
}

export function callActivitySection(ctx: PanelContext, element: DiagramElement, bo: ModdleElement): HTMLElement {
  const binding = text(bo, 'o2c:versionBinding');
  return section(
    'Called process',
    textField({
      key: 'calledElement',
      label: 'Process identifier',
      value: text(bo, 'calledElement'),
      hint: 'The identifier of the process this step starts.',
      onChange: next => ctx.edit.modeling.updateProperties(element, { calledElement: next || undefined }),
    }),
    selectField({
      key: 'versionBinding',
      label: 'Version',
      value: binding,
      emptyLabel: 'Latest published (default)',
      choices: [
        { value: 'latest', label: 'Latest published' },
        { value: 'deployment', label: 'Published together with this process' },
        { value: 'version', label: 'A fixed version' },
      ],
      onChange: next =>
        ctx.edit.modeling.updateProperties(element, {
          'o2c:versionBinding': next || undefined,
          ...(next === 'version' ? {} : { 'o2c:version': undefined }),
        }),
    }),
    binding === 'version'
      ? textField({
          key: 'version',
          label: 'Version number',
          value: text(bo, 'o2c:version'),
          inputMode: 'numeric',
          hint: 'A published version number (1, 2, …).',
          onChange: next => ctx.edit.modeling.updateProperties(element, { 'o2c:version': next || undefined }),
        })
      : null,
  );
}

export function multiInstanceSection(ctx: PanelContext, element: DiagramElement, loop: ModdleElement): HTMLElement {
  return section(
    'Repeat for each item',
    textField({
      key: 'collection',
      label: 'Collection',
      value: text(loop, 'o2c:collection'),
      placeholder: 'invoices',
      hint: 'An expression yielding the items; the step runs once per item.',
      onChange: next => ctx.edit.modeling.updateModdleProperties(element, loop, { 'o2c:collection': next || undefined }),
    }),
    textField({
      key: 'elementVariable',
      label: 'Item variable',
      value: text(loop, 'o2c:elementVariable'),
      placeholder: 'invoice',
      hint: 'The name under which each run sees its item.',
      onChange: next => ctx.edit.modeling.updateModdleProperties(element, loop, { 'o2c:elementVariable': next || undefined }),
    }),
  );
}

export function isMessageElement(bo: ModdleElement): boolean {
  if (is(bo, 'bpmn:ReceiveTask')) {
    return true;
  }
  if (!is(bo, 'bpmn:Event')) {
    return false;
  }
  const definitions = bo.get('eventDefinitions') as ModdleElement[] | undefined;
  return !!definitions?.some(d => is(d, 'bpmn:MessageEventDefinition'));
}

/** The process whose variables to show: the diagram's process itself, or a pool's process. */
export function processOf(bo: ModdleElement): ModdleElement | null {
  if (is(bo, 'bpmn:Process')) {
    return bo;
  }
  if (is(bo, 'bpmn:Participant')) {
    return (bo.get('processRef') as ModdleElement | undefined) ?? null;
  }
  return null;
}

/** Inputs and outputs of an activity; a service task's handler suggests the names it reads and returns. */
export function mappingSections(ctx: PanelContext, element: DiagramElement, bo: ModdleElement): HTMLElement[] {
  const handler = is(bo, 'bpmn:ServiceTask') ? ctx.catalog.handlers.find(x => x.name === text(bo, 'o2c:handler')) : undefined;
  return [
    mappingList(ctx.edit, element, bo, {
      type: 'o2c:Input',
      key: 'inputs',
      title: 'Inputs',
      hint: 'Values handed to the step, each computed by an expression over the process variables.',
      valueProperty: 'expression',
      valueLabel: 'Expression',
      itemLabel: 'input',
      suggestions: handler?.inputs ?? [],
    }),
    mappingList(ctx.edit, element, bo, {
      type: 'o2c:Output',
      key: 'outputs',
      title: 'Outputs',
      hint: 'Process variables set when the step completes, each computed by an expression over its results.',
      valueProperty: 'expression',
      valueLabel: 'Expression',
      itemLabel: 'output',
      suggestions: handler?.outputs ?? [],
    }),
  ];
}

export function variablesSection(ctx: PanelContext, element: DiagramElement, process: ModdleElement): HTMLElement {
  return mappingList(ctx.edit, element, process, {
    type: 'o2c:Variable',
    key: 'variables',
    title: 'Process variables',
    hint: 'The typed variables that expressions in this process may read.',
    valueProperty: 'type',
    valueLabel: 'Type',
    itemLabel: 'variable',
    suggestions: [],
    valueChoices: VariableTypes,
  });
}
