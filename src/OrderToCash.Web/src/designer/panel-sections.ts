import { t } from '../i18n/i18n';
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
    t('designerPanel:general.title'),
    textField({
      key: 'name',
      label: t('designerPanel:general.name'),
      value: bo.name ?? '',
      onChange: value => ctx.edit.modeling.updateProperties(element, { name: value || undefined }),
    }),
    h('p', { class: 'field-hint' }, t('designerPanel:general.identifier'), h('code', { 'data-test': 'element-id' }, bo.id ?? '')),
  );
}

export function serviceTaskSection(ctx: PanelContext, element: DiagramElement, bo: ModdleElement): HTMLElement {
  const value = text(bo, 'o2c:handler');
  const handler = ctx.catalog.handlers.find(x => x.name === value);
  return section(
    t('designerPanel:handler.title'),
    selectField({
      key: 'handler',
      label: t('designerPanel:handler.label'),
      value,
      emptyLabel: t(ctx.catalog.handlers.length > 0 ? 'designerPanel:handler.choose' : 'designerPanel:handler.none'),
      choices: ctx.catalog.handlers.map(x => ({ value: x.name, label: x.description ? `${x.description} (${x.name})` : x.name })),
      hint: t('designerPanel:handler.hint'),
      onChange: next => ctx.edit.modeling.updateProperties(element, { 'o2c:handler': next || undefined }),
    }),
    handler
      ? h(
          'dl',
          { class: 'facts', 'data-test': 'handler-facts' },
          h('dt', {}, t('designerPanel:reads')),
          h('dd', {}, handler.inputs.join(', ') || t('designerPanel:nothing')),
          h('dt', {}, t('designerPanel:returns')),
          h('dd', {}, handler.outputs.join(', ') || t('designerPanel:nothing')),
        )
      : null,
  );
}

export function businessRuleTaskSection(ctx: PanelContext, element: DiagramElement, bo: ModdleElement): HTMLElement {
  const value = text(bo, 'o2c:ruleSet');
  const reads = h('dd', { 'data-test': 'rule-set-reads' }, value ? '…' : t('designerPanel:nothing'));
  if (value) {
    // The fields the rule set declares: each one is an input mapping of this task (name = field, expression over variables).
    getJson<{ declaredInputs: Record<string, Record<string, unknown>> | null }>(`/api/rules/${encodeURIComponent(value)}/latest`)
      .then(latest => {
        const fields = Object.entries(latest.declaredInputs ?? {}).flatMap(([parameter, shape]) =>
          Object.entries(shape).map(([field, type]) => `${parameter}.${field} (${typeof type === 'string' ? type : 'object'})`));
        reads.textContent = fields.join(', ') || t('designerPanel:nothing');
      })
      .catch(() => (reads.textContent = t('designerPanel:decision.notPublished')));
  }
  return section(
    t('designerPanel:decision.title'),
    selectField({
      key: 'ruleSet',
      label: t('designerPanel:decision.label'),
      value,
      emptyLabel: t(ctx.catalog.ruleSets.length > 0 ? 'designerPanel:decision.choose' : 'designerPanel:decision.none'),
      choices: ctx.catalog.ruleSets.map(x => ({ value: x.name, label: x.description ? `${x.description} (${x.name})` : x.name })),
      hint: t('designerPanel:decision.hint'),
      onChange: next => ctx.edit.modeling.updateProperties(element, { 'o2c:ruleSet': next || undefined }),
    }),
    value
      ? h(
          'dl',
          { class: 'facts', 'data-test': 'rule-set-facts' },
          h('dt', {}, t('designerPanel:reads')),
          reads,
          h('dt', {}, t('designerPanel:returns')),
          h('dd', {}, 'passed, event, events, failedRules, ruleSetVersion'),
        )
      : null,
  );
}

export function userTaskSection(ctx: PanelContext, element: DiagramElement, bo: ModdleElement): HTMLElement {
  return section(
    t('designerPanel:assignment.title'),
    selectField({
      key: 'candidateRole',
      label: t('designerPanel:assignment.role'),
      value: text(bo, 'o2c:candidateRole'),
      emptyLabel: t('designerPanel:assignment.chooseRole'),
      choices: ctx.catalog.roles.map(role => ({ value: role.name, label: role.builtIn ? roleLabel(role.name) : `${role.label} (${role.name})` })),
      hint: t('designerPanel:assignment.roleHint'),
      onChange: next => ctx.edit.modeling.updateProperties(element, { 'o2c:candidateRole': next || undefined }),
    }),
    newRoleForm(ctx, element),
    textField({
      key: 'assignee',
      label: t('designerPanel:assignment.assignee'),
      value: text(bo, 'o2c:assignee'),
      placeholder: 'salesperson',
      hint: t('designerPanel:assignment.assigneeHint'),
      onChange: next => ctx.edit.modeling.updateProperties(element, { 'o2c:assignee': next || undefined }),
    }),
    textField({
      key: 'dueDate',
      label: t('designerPanel:assignment.due'),
      value: text(bo, 'o2c:dueDate'),
      placeholder: 'P2D',
      hint: t('designerPanel:assignment.dueHint'),
      onChange: next => ctx.edit.modeling.updateProperties(element, { 'o2c:dueDate': next || undefined }),
    }),
  );
}

/**
 * "New role": a process owner creates a business role (POST /api/roles) and gives it to the task at once; an
 * administrator then gives it to people. The server's refusal (a bad or taken name) is shown as it is.
 */
function newRoleForm(ctx: PanelContext, element: DiagramElement): HTMLElement {
  const name = h('input', { type: 'text', placeholder: 'Finance', spellcheck: 'false', autocomplete: 'off', 'data-test': 'new-role-name', 'aria-label': t('designerPanel:newRole.name') });
  const label = h('input', { type: 'text', placeholder: 'Direction financière', autocomplete: 'off', 'data-test': 'new-role-label', 'aria-label': t('designerPanel:newRole.label') });
  const error = h('p', { class: 'field-error', role: 'alert', 'data-test': 'new-role-error' });
  const create = h('button', { type: 'button', 'data-test': 'new-role-create' }, t('designerPanel:newRole.create'));
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
    h('summary', {}, t('designerPanel:newRole.summary')),
    h('p', { class: 'field-hint' }, t('designerPanel:newRole.hint')),
    name,
    label,
    create,
    error,
  );
}

export function messageSection(ctx: PanelContext, element: DiagramElement, bo: ModdleElement): HTMLElement {
  return section(
    t('designerPanel:message.title'),
    selectField({
      key: 'messageName',
      label: t('designerPanel:message.label'),
      value: text(bo, 'o2c:messageName'),
      emptyLabel: t(ctx.catalog.messages.length > 0 ? 'designerPanel:message.choose' : 'designerPanel:message.none'),
      choices: ctx.catalog.messages.map(x => ({ value: x.name, label: x.description ? `${x.description} (${x.name})` : x.name })),
      hint: t('designerPanel:message.hint'),
      onChange: next => ctx.edit.modeling.updateProperties(element, { 'o2c:messageName': next || undefined }),
    }),
    textField({
      key: 'correlationKey',
      label: t('designerPanel:message.correlationKey'),
      value: text(bo, 'o2c:correlationKey'),
      placeholder: 'invoiceId',
      hint: t('designerPanel:message.correlationHint'),
      onChange: next => ctx.edit.modeling.updateProperties(element, { 'o2c:correlationKey': next || undefined }),
    }),
  );
}

export function callActivitySection(ctx: PanelContext, element: DiagramElement, bo: ModdleElement): HTMLElement {
  const binding = text(bo, 'o2c:versionBinding');
  return section(
    t('designerPanel:call.title'),
    textField({
      key: 'calledElement',
      label: t('designerPanel:call.processId'),
      value: text(bo, 'calledElement'),
      hint: t('designerPanel:call.processIdHint'),
      onChange: next => ctx.edit.modeling.updateProperties(element, { calledElement: next || undefined }),
    }),
    selectField({
      key: 'versionBinding',
      label: t('designerPanel:call.version'),
      value: binding,
      emptyLabel: t('designerPanel:call.latestDefault'),
      choices: [
        { value: 'latest', label: t('designerPanel:call.latest') },
        { value: 'deployment', label: t('designerPanel:call.deployment') },
        { value: 'version', label: t('designerPanel:call.fixed') },
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
          label: t('designerPanel:call.versionNumber'),
          value: text(bo, 'o2c:version'),
          inputMode: 'numeric',
          hint: t('designerPanel:call.versionNumberHint'),
          onChange: next => ctx.edit.modeling.updateProperties(element, { 'o2c:version': next || undefined }),
        })
      : null,
  );
}

export function multiInstanceSection(ctx: PanelContext, element: DiagramElement, loop: ModdleElement): HTMLElement {
  return section(
    t('designerPanel:repeat.title'),
    textField({
      key: 'collection',
      label: t('designerPanel:repeat.collection'),
      value: text(loop, 'o2c:collection'),
      placeholder: 'invoices',
      hint: t('designerPanel:repeat.collectionHint'),
      onChange: next => ctx.edit.modeling.updateModdleProperties(element, loop, { 'o2c:collection': next || undefined }),
    }),
    textField({
      key: 'elementVariable',
      label: t('designerPanel:repeat.itemVariable'),
      value: text(loop, 'o2c:elementVariable'),
      placeholder: 'invoice',
      hint: t('designerPanel:repeat.itemVariableHint'),
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
      valueProperty: 'expression',
      suggestions: handler?.inputs ?? [],
    }),
    mappingList(ctx.edit, element, bo, {
      type: 'o2c:Output',
      key: 'outputs',
      valueProperty: 'expression',
      suggestions: handler?.outputs ?? [],
    }),
  ];
}

export function variablesSection(ctx: PanelContext, element: DiagramElement, process: ModdleElement): HTMLElement {
  return mappingList(ctx.edit, element, process, {
    type: 'o2c:Variable',
    key: 'variables',
    valueProperty: 'type',
    suggestions: [],
    valueChoices: VariableTypes,
    allowedValues: true,
  });
}
