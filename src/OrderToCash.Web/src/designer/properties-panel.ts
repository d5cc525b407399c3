import { t } from '../i18n/i18n';
import { h } from '../shared/dom';
import type { Canvas, DiagramElement, EventBus, ModdleElement, Moddle, Modeling, Selection } from './bpmn-types';
import { is } from './bpmn-types';
import type { Catalog } from './catalog';
import { flowSection, isChoosableFlow } from './flow-section';
import * as sections from './panel-sections';

interface ModelerServices {
  get<T>(name: string): T;
}

/**
 * The properties panel for our extension attributes (namespace https://ordertocash.dev/schema/bpmn): it shows the
 * fields that apply to the selected element, offers the server's catalog in drop-downs, and writes every change
 * through bpmn-js's modeling service, so undo/redo and export see it like any other edit.
 */
export class PropertiesPanel {
  private readonly context: sections.PanelContext;
  private readonly canvas: Canvas;
  private readonly selection: Selection;
  private current: DiagramElement | null = null;

  constructor(
    private readonly container: HTMLElement,
    modeler: ModelerServices,
    catalog: Catalog,
  ) {
    this.context = { edit: { modeling: modeler.get<Modeling>('modeling'), moddle: modeler.get<Moddle>('moddle') }, catalog };
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

  /** Redraws the panel for the selection (the process itself when nothing is selected), keeping the focused field. */
  render(): void {
    const selected = this.selection.get();
    const element = selected.length === 1 ? selected[0] : selected.length === 0 ? this.rootOrNull() : null;
    // A label is edited through the element it labels.
    this.current = element?.labelTarget ?? element;
    const focused = (document.activeElement as HTMLElement | null)?.dataset?.field;

    if (!this.current) {
      this.container.replaceChildren(
        h('div', { class: 'panel-empty' }, selected.length > 1 ? t('designerPanel:several', { selected: selected.length }) : t('designerPanel:empty')),
      );
      return;
    }

    this.container.replaceChildren(...this.sectionsFor(this.current));
    if (focused) {
      this.container.querySelector<HTMLElement>(`[data-field="${CSS.escape(focused)}"]`)?.focus();
    }
  }

  /** The process (or collaboration) itself; before a diagram is imported the canvas root stands for nothing. */
  private rootOrNull(): DiagramElement | null {
    const root = this.canvas.getRootElement();
    return root?.businessObject ? root : null;
  }

  private sectionsFor(element: DiagramElement): HTMLElement[] {
    const ctx = this.context;
    const bo = element.businessObject;
    const result = [sections.headerSection(bo), sections.generalSection(ctx, element, bo)];
    if (isChoosableFlow(bo)) result.push(flowSection(ctx, element, bo));
    if (is(bo, 'bpmn:ServiceTask')) result.push(sections.serviceTaskSection(ctx, element, bo));
    if (is(bo, 'bpmn:BusinessRuleTask')) result.push(sections.businessRuleTaskSection(ctx, element, bo));
    if (is(bo, 'bpmn:UserTask')) result.push(sections.userTaskSection(ctx, element, bo));
    if (sections.isMessageElement(bo)) result.push(sections.messageSection(ctx, element, bo));
    if (is(bo, 'bpmn:CallActivity')) result.push(sections.callActivitySection(ctx, element, bo));
    const loop = is(bo, 'bpmn:Activity') ? (bo.get('loopCharacteristics') as ModdleElement | undefined) : undefined;
    if (loop && is(loop, 'bpmn:MultiInstanceLoopCharacteristics')) result.push(sections.multiInstanceSection(ctx, element, loop));
    if (is(bo, 'bpmn:Activity')) result.push(...sections.mappingSections(ctx, element, bo));
    const process = sections.processOf(bo);
    if (process) result.push(sections.variablesSection(ctx, element, process));
    return result;
  }
}
