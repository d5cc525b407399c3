import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import type { Canvas, DiagramElement, ElementRegistry, EventBus, Overlays } from '../designer/bpmn-types';

const OverlayType = 'o2c-figures';

/**
 * A published process drawn read-only (pan and zoom) for the control tower and operations: markers colour elements,
 * badges carry figures, and a click on an element is reported with its id.
 */
export class ProcessDiagram {
  private readonly viewer: NavigatedViewer;
  private readonly marked: { element: DiagramElement; marker: string }[] = [];

  constructor(container: HTMLElement, onElement?: (elementId: string) => void) {
    this.viewer = new NavigatedViewer({ container });
    if (onElement) {
      this.viewer.get<EventBus>('eventBus').on('element.click', event => {
        const element = (event as unknown as { element?: DiagramElement }).element;
        if (element && element.type !== 'bpmn:Process' && !element.waypoints) {
          onElement(element.id);
        }
      });
    }
  }

  async show(xml: string): Promise<void> {
    this.marked.length = 0;
    await this.viewer.importXML(xml);
    this.canvas.zoom('fit-viewport', 'auto');
  }

  /** The element's name on the diagram, or its id when it has none (or is not on this diagram). */
  nameOf(elementId: string): string {
    return this.registry.get(elementId)?.businessObject.name?.trim() || elementId;
  }

  has(elementId: string): boolean {
    return this.registry.get(elementId) !== undefined;
  }

  mark(elementId: string, marker: string): void {
    const element = this.registry.get(elementId);
    if (element) {
      this.canvas.addMarker(element, marker);
      this.marked.push({ element, marker });
    }
  }

  badge(elementId: string, html: HTMLElement): void {
    const element = this.registry.get(elementId);
    if (element) {
      this.overlays.add(element, OverlayType, { position: { top: -12, right: 12 }, html });
    }
  }

  clear(): void {
    for (const { element, marker } of this.marked.splice(0)) {
      this.canvas.removeMarker(element, marker);
    }
    this.overlays.remove({ type: OverlayType });
  }

  private get canvas(): Canvas {
    return this.viewer.get<Canvas>('canvas');
  }

  private get registry(): ElementRegistry {
    return this.viewer.get<ElementRegistry>('elementRegistry');
  }

  private get overlays(): Overlays {
    return this.viewer.get<Overlays>('overlays');
  }
}
