/**
 * The few shapes of bpmn-js objects the designer uses. bpmn-js types its moddle elements loosely (`any`), so these
 * interfaces name what we rely on, in one place.
 */
export interface ModdleElement {
  $type: string;
  $parent?: ModdleElement;
  $instanceOf(type: string): boolean;
  get(name: string): unknown;
  id?: string;
  name?: string;
}

export interface DiagramElement {
  id: string;
  type: string;
  businessObject: ModdleElement;
  labelTarget?: DiagramElement;
  /** Set on connections (sequence flows). */
  waypoints?: { x: number; y: number }[];
}

export interface Moddle {
  create(type: string, properties?: Record<string, unknown>): ModdleElement;
}

export interface Modeling {
  updateProperties(element: DiagramElement, properties: Record<string, unknown>): void;
  updateModdleProperties(element: DiagramElement, moddleElement: ModdleElement, properties: Record<string, unknown>): void;
}

export interface Selection {
  get(): DiagramElement[];
  select(element: DiagramElement | null): void;
}

export interface Canvas {
  getRootElement(): DiagramElement;
  zoom(level: 'fit-viewport' | number, center?: 'auto'): number;
  addMarker(element: DiagramElement, marker: string): void;
  removeMarker(element: DiagramElement, marker: string): void;
  scrollToElement(element: DiagramElement): void;
  /** A layer of the diagram (an SVG group that pans and zooms with it), created on first use. */
  getLayer(name: string, index?: number): SVGGElement;
}

export interface ElementRegistry {
  get(id: string): DiagramElement | undefined;
}

export interface Overlays {
  add(element: DiagramElement, type: string, overlay: { position: { top?: number; right?: number; bottom?: number; left?: number }; html: HTMLElement }): string;
  remove(filter: { type: string }): void;
}

export interface EventBus {
  on(event: string | string[], callback: (event: { elements?: DiagramElement[]; newSelection?: DiagramElement[]; trigger?: string }) => void): void;
}

export interface CommandStack {
  canUndo(): boolean;
  canRedo(): boolean;
  undo(): void;
  redo(): void;
}

export function is(element: ModdleElement | undefined | null, type: string): boolean {
  return !!element && element.$instanceOf(type);
}

export function text(element: ModdleElement, property: string): string {
  const value = element.get(property);
  return typeof value === 'string' ? value : '';
}
