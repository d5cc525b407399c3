import { h } from '../shared/dom';
import { roleLabel } from '../shared/pages';
import type { Canvas, DiagramElement, EventBus, ModdleElement, Moddle, Modeling, Selection } from './bpmn-types';
import { is, text } from './bpmn-types';
import type { Catalog } from './catalog';
import { typeLabel } from './element-labels';
import type { EditContext } from './extension-elements';
import { section, selectField, textField } from './fields';
import { mappingList } from './mapping-list';

/** The variable types the engine accepts in o2c:variable (OrderToCash.Engine's VariableTypeNames). */
const VariableTypes = ['string', 'bool', 'int', 'long', 'decimal', 'double', 'guid', 'date', 'dateTime', 'duration'];

interface ModelerServices {
  get<T>(name: string): T;
}

/**
 * The properties panel for our extension attributes (namespace https://ordertocash.dev/schema/bpmn): it shows the
 * fields that apply to the selected element, offers the server's catalog in drop-downs, and writes every change
 * through bpmn-js's modeling service, so undo/redo and export see it like any other edit.
 */
export class PropertiesPanel {
  private readonly context: EditContext;
  private readonly canvas: Canvas;
  private readonly selection: Selection;
  private current: DiagramElement | null = null;

  constructor(
    private readonly container: HTMLElement,
    modeler: ModelerServices,
    private readonly catalog: Catalog,
  ) {
    this.context = { modeling: modeler.get<Modeling>('modeling'), moddle: modeler.get<Moddle>('moddle') };
    this.canvas = modeler.get<Canvas>('canvas');
    this.selection = modeler.get<Selection>('selection');
    const eventBus = modeler.get<EventBus>('eventBus');
    eventBus.on('selection.changed', () => this.render());
    eventBus.on('import.done', () => this.render());
    eventBus.on('elements.changed', event => {
      if (this.current && event.elements?.some(e => e === this.current || e.businessObject === this.current?.businessObject)) {
        this.render();
      }
    });
  }

  render(): void {
    const selected = this.selection.get();
    const element = selected.length === 1 ? selected[0] : selected.length === 0 ? this.rootOrNull() : null;
    // A label is edited through the element it labels.
    this.current = element?.labelTarget ?? element;
    const focused = (document.activeElement as HTMLElement | null)?.dataset?.field;

    if (!this.current) {
      this.container.replaceChildren(
        h('div', { class: 'panel-empty' }, selected.length > 1 ? `${selected.length} elements selected. Select one to edit its properties.` : 'Select an element to edit its properties.'),
      );
      return;
    }

    this.container.replaceChildren(...this.sections(this.current));
    if (focused) {
      this.container.querySelector<HTMLElement>(`[data-field="${CSS.escape(focused)}"]`)?.focus();
    }
  }

  /** The process (or collaboration) itself; before a diagram is imported the canvas root stands for nothing. */
  private rootOrNull(): DiagramElement | null {
    const root = this.canvas.getRootElement();
    return root?.businessObject ? root : null;
  }

  private sections(element: DiagramElement): HTMLElement[] {
    const bo = element.businessObject;
    const result: HTMLElement[] = [this.header(bo), this.general(element, bo)];
    const add = (part: HTMLElement | null) => part && result.push(part);

    if (is(bo, 'bpmn:ServiceTask')) add(this.serviceTask(element, bo));
    if (is(bo, 'bpmn:BusinessRuleTask')) add(this.businessRuleTask(element, bo));
    if (is(bo, 'bpmn:UserTask')) add(this.userTask(element, bo));
    if (isMessageElement(bo)) add(this.message(element, bo));
    if (is(bo, 'bpmn:CallActivity')) add(this.callActivity(element, bo));
    const loop = bo.get('loopCharacteristics') as ModdleElement | undefined;
    if (is(loop, 'bpmn:MultiInstanceLoopCharacteristics')) add(this.multiInstance(element, loop!));
    if (is(bo, 'bpmn:Activity')) {
      const handler = is(bo, 'bpmn:ServiceTask') ? this.catalog.handlers.find(x => x.name === text(bo, 'o2c:handler')) : undefined;
      add(
        mappingList(this.context, element, bo, {
          type: 'o2c:Input',
          key: 'inputs',
          title: 'Inputs',
          hint: 'Values handed to the step, each computed by an expression over the process variables.',
          valueProperty: 'expression',
          valueLabel: 'Expression',
          itemLabel: 'input',
          suggestions: handler?.inputs ?? [],
        }),
      );
      add(
        mappingList(this.context, element, bo, {
          type: 'o2c:Output',
          key: 'outputs',
          title: 'Outputs',
          hint: 'Process variables set when the step completes, each computed by an expression over its results.',
          valueProperty: 'expression',
          valueLabel: 'Expression',
          itemLabel: 'output',
          suggestions: handler?.outputs ?? [],
        }),
      );
    }
    const process = processOf(bo);
    if (process) {
      add(
        mappingList(this.context, element, process, {
          type: 'o2c:Variable',
          key: 'variables',
          title: 'Process variables',
          hint: 'The typed variables that expressions in this process may read.',
          valueProperty: 'type',
          valueLabel: 'Type',
          itemLabel: 'variable',
          suggestions: [],
          valueChoices: VariableTypes,
        }),
      );
    }
    return result;
  }

  private header(bo: ModdleElement): HTMLElement {
    return h(
      'header',
      { class: 'panel-header' },
      h('p', { class: 'panel-type', 'data-test': 'panel-type' }, typeLabel(bo)),
      h('h2', { class: 'panel-title' }, bo.name || bo.id || ''),
    );
  }

  private general(element: DiagramElement, bo: ModdleElement): HTMLElement {
    return section(
      'General',
      textField({
        key: 'name',
        label: 'Name',
        value: bo.name ?? '',
        onChange: value => this.context.modeling.updateProperties(element, { name: value || undefined }),
      }),
      h('p', { class: 'field-hint' }, 'Identifier: ', h('code', { 'data-test': 'element-id' }, bo.id ?? '')),
    );
  }

  private serviceTask(element: DiagramElement, bo: ModdleElement): HTMLElement {
    const value = text(bo, 'o2c:handler');
    const handler = this.catalog.handlers.find(x => x.name === value);
    return section(
      'Handler',
      selectField({
        key: 'handler',
        label: 'Handler',
        value,
        emptyLabel: this.catalog.handlers.length > 0 ? '— choose a handler —' : '— no handler registered yet —',
        choices: this.catalog.handlers.map(x => ({ value: x.name, label: x.description ? `${x.description} (${x.name})` : x.name })),
        hint: 'The work this step does when the process reaches it.',
        onChange: next => this.context.modeling.updateProperties(element, { 'o2c:handler': next || undefined }),
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

  private businessRuleTask(element: DiagramElement, bo: ModdleElement): HTMLElement {
    return section(
      'Decision',
      selectField({
        key: 'ruleSet',
        label: 'Rule set',
        value: text(bo, 'o2c:ruleSet'),
        emptyLabel: this.catalog.ruleSets.length > 0 ? '— choose a rule set —' : '— no rule set registered yet —',
        choices: this.catalog.ruleSets.map(x => ({ value: x.name, label: x.description ? `${x.description} (${x.name})` : x.name })),
        hint: 'The rules that decide at this step; credit managers maintain them on the Rules page.',
        onChange: next => this.context.modeling.updateProperties(element, { 'o2c:ruleSet': next || undefined }),
      }),
    );
  }

  private userTask(element: DiagramElement, bo: ModdleElement): HTMLElement {
    return section(
      'Assignment',
      selectField({
        key: 'candidateRole',
        label: 'Who does it',
        value: text(bo, 'o2c:candidateRole'),
        emptyLabel: '— choose a role —',
        choices: this.catalog.roles.map(role => ({ value: role, label: roleLabel(role) })),
        hint: 'Anyone with this role can claim the task in their inbox.',
        onChange: next => this.context.modeling.updateProperties(element, { 'o2c:candidateRole': next || undefined }),
      }),
      textField({
        key: 'dueDate',
        label: 'Due',
        value: text(bo, 'o2c:dueDate'),
        placeholder: 'P2D',
        hint: 'An ISO 8601 duration from creation (P2D: two days, PT4H: four hours), a date, or an expression.',
        onChange: next => this.context.modeling.updateProperties(element, { 'o2c:dueDate': next || undefined }),
      }),
    );
  }

  private message(element: DiagramElement, bo: ModdleElement): HTMLElement {
    return section(
      'Message',
      selectField({
        key: 'messageName',
        label: 'Message',
        value: text(bo, 'o2c:messageName'),
        emptyLabel: this.catalog.messages.length > 0 ? '— choose a message —' : '— no message registered yet —',
        choices: this.catalog.messages.map(x => ({ value: x.name, label: x.description ? `${x.description} (${x.name})` : x.name })),
        hint: 'The business event this step waits for or sends.',
        onChange: next => this.context.modeling.updateProperties(element, { 'o2c:messageName': next || undefined }),
      }),
      textField({
        key: 'correlationKey',
        label: 'Correlation key',
        value: text(bo, 'o2c:correlationKey'),
        placeholder: 'invoiceId',
        hint: 'An expression over the process variables that tells which instance a message belongs to.',
        onChange: next => this.context.modeling.updateProperties(element, { 'o2c:correlationKey': next || undefined }),
      }),
    );
  }

  private callActivity(element: DiagramElement, bo: ModdleElement): HTMLElement {
    const binding = text(bo, 'o2c:versionBinding');
    return section(
      'Called process',
      textField({
        key: 'calledElement',
        label: 'Process identifier',
        value: text(bo, 'calledElement'),
        hint: 'The identifier of the process this step starts.',
        onChange: next => this.context.modeling.updateProperties(element, { calledElement: next || undefined }),
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
          this.context.modeling.updateProperties(element, {
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
            onChange: next => this.context.modeling.updateProperties(element, { 'o2c:version': next || undefined }),
          })
        : null,
    );
  }

  private multiInstance(element: DiagramElement, loop: ModdleElement): HTMLElement {
    return section(
      'Repeat for each item',
      textField({
        key: 'collection',
        label: 'Collection',
        value: text(loop, 'o2c:collection'),
        placeholder: 'invoices',
        hint: 'An expression yielding the items; the step runs once per item.',
        onChange: next => this.context.modeling.updateModdleProperties(element, loop, { 'o2c:collection': next || undefined }),
      }),
      textField({
        key: 'elementVariable',
        label: 'Item variable',
        value: text(loop, 'o2c:elementVariable'),
        placeholder: 'invoice',
        hint: 'The name under which each run sees its item.',
        onChange: next => this.context.modeling.updateModdleProperties(element, loop, { 'o2c:elementVariable': next || undefined }),
      }),
    );
  }
}

function isMessageElement(bo: ModdleElement): boolean {
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
function processOf(bo: ModdleElement): ModdleElement | null {
  if (is(bo, 'bpmn:Process')) {
    return bo;
  }
  if (is(bo, 'bpmn:Participant')) {
    return (bo.get('processRef') as ModdleElement | undefined) ?? null;
  }
  return null;
}
