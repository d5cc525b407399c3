import { t } from '../i18n/i18n';
import { h } from '../shared/dom';
import type { Canvas, DiagramElement, ElementRegistry, Overlays, Selection } from './bpmn-types';

const BpmnModel = 'http://www.omg.org/spec/BPMN/20100524/MODEL';
const OverlayType = 'o2c-compare';
const RemovedLayer = 'o2c-removed';
const Svg = 'http://www.w3.org/2000/svg';
const BpmnDi = 'http://www.omg.org/spec/BPMN/20100524/DI';
const Dc = 'http://www.omg.org/spec/DD/20100524/DC';
const DiWaypoint = 'http://www.omg.org/spec/DD/20100524/DI';
const Markers = { Added: 'o2c-diff-added', Changed: 'o2c-diff-changed' } as const;
/** The detail naming a change in an element's o2c extensions (shown in the page's language). */
const ExtensionAttributes = 'extension attributes';

export type ElementChangeKind = 'Added' | 'Removed' | 'Changed';

/** One element of the process that differs between two versions; `details` says what changed in a changed one. */
export interface ElementChange {
  id: string;
  label: string;
  type: string;
  change: ElementChangeKind;
  details: string[];
}

/**
 * The elements of the process model (not the diagram layout) that differ between two BPMN documents, matched by id:
 * added, removed, or changed (attributes, conditions, extension attributes). Incoming/outgoing references are
 * ignored, since they only echo the flows, which are elements of their own. Moving a shape is not a change.
 */
export function compareDefinitions(previousXml: string, currentXml: string): ElementChange[] {
  const previous = modelElements(previousXml);
  const current = modelElements(currentXml);
  const changes: ElementChange[] = [];
  for (const [id, element] of current) {
    const old = previous.get(id);
    if (!old) {
      changes.push({ id, label: labelOf(element), type: element.localName, change: 'Added', details: [] });
      continue;
    }
    const details = differences(old, element);
    if (details.length > 0) {
      changes.push({ id, label: labelOf(element), type: element.localName, change: 'Changed', details });
    }
  }
  for (const [id, element] of previous) {
    if (!current.has(id)) {
      changes.push({ id, label: labelOf(element), type: element.localName, change: 'Removed', details: [] });
    }
  }
  return changes;
}

function modelElements(xml: string): Map<string, Element> {
  const document = new DOMParser().parseFromString(xml, 'application/xml');
  if (document.getElementsByTagName('parsererror').length > 0) {
    throw new Error(t('designer:compare.notXml'));
  }
  const elements = new Map<string, Element>();
  for (const element of Array.from(document.getElementsByTagNameNS(BpmnModel, '*'))) {
    const id = element.getAttribute('id');
    if (id && element.localName !== 'definitions') {
      elements.set(id, element);
    }
  }
  return elements;
}

/** What differs: attribute names, and "content" when nested definitions (conditions, o2c extensions, timers) differ. */
function differences(old: Element, current: Element): string[] {
  const details: string[] = [];
  const names = new Set([...old.getAttributeNames(), ...current.getAttributeNames()]);
  for (const name of [...names].sort()) {
    if (old.getAttribute(name) !== current.getAttribute(name)) {
      details.push(name);
    }
  }
  const oldContent = ownContent(old);
  const newContent = ownContent(current);
  for (const [key, value] of newContent) {
    if (oldContent.get(key) !== value) {
      details.push(key);
    }
  }
  for (const key of oldContent.keys()) {
    if (!newContent.has(key)) {
      details.push(key);
    }
  }
  return [...new Set(details)];
}

/** The element's nested definitions without elements that have ids of their own (compared separately). */
function ownContent(element: Element): Map<string, string> {
  const content = new Map<string, string>();
  for (const child of Array.from(element.children)) {
    if (child.hasAttribute('id') && child.namespaceURI === BpmnModel) {
      continue;
    }
    if (child.namespaceURI === BpmnModel && (child.localName === 'incoming' || child.localName === 'outgoing')) {
      continue;
    }
    const key = child.localName === 'extensionElements' ? ExtensionAttributes : child.localName;
    content.set(key, (content.get(key) ?? '') + canonical(child));
  }
  return content;
}

function canonical(element: Element): string {
  const attributes = element.getAttributeNames().sort().map(n => `${n}=${element.getAttribute(n) ?? ''}`).join(' ');
  const children = Array.from(element.children).map(canonical).join('');
  const text = element.children.length === 0 ? (element.textContent ?? '').trim() : '';
  return `<${element.namespaceURI ?? ''}:${element.localName} ${attributes}>${text}${children}</>`;
}

function labelOf(element: Element): string {
  return element.getAttribute('name') || element.getAttribute('id') || element.localName;
}

interface ModelerServices {
  get<T>(name: string): T;
}

/**
 * Shows a comparison: added and changed elements get a green or amber outline and a badge on the diagram, removed ones
 * are drawn where they were in the other version (dashed, red, on a layer of their own), and the list under it names
 * every added, changed and removed element.
 */
export class ComparisonView {
  private readonly canvas: Canvas;
  private readonly registry: ElementRegistry;
  private readonly overlays: Overlays;
  private readonly selection: Selection;
  private marked: { element: DiagramElement; marker: string }[] = [];

  constructor(
    private readonly panel: HTMLElement,
    private readonly title: HTMLElement,
    private readonly list: HTMLElement,
    modeler: ModelerServices,
  ) {
    this.canvas = modeler.get<Canvas>('canvas');
    this.registry = modeler.get<ElementRegistry>('elementRegistry');
    this.overlays = modeler.get<Overlays>('overlays');
    this.selection = modeler.get<Selection>('selection');
  }

  /** <paramref name="otherXml"/> is the version compared with: removed elements are drawn from its layout. */
  show(heading: string, changes: ElementChange[], otherXml: string): void {
    this.clear();
    drawRemoved(this.canvas.getLayer(RemovedLayer, 1), changes.filter(c => c.change === 'Removed'), otherXml);
    this.title.textContent = heading;
    for (const change of changes) {
      const element = change.change === 'Removed' ? undefined : this.registry.get(change.id);
      if (element && change.change !== 'Removed') {
        const marker = Markers[change.change];
        this.canvas.addMarker(element, marker);
        this.marked.push({ element, marker });
        const badge = h('div', { class: `diff-badge diff-badge-${change.change.toLowerCase()}`, title: describe(change), 'data-test': 'diff-marker', 'data-element': change.id, 'data-change': change.change }, change.change === 'Added' ? '+' : '~');
        this.overlays.add(element, OverlayType, { position: element.waypoints ? { top: -10, left: -10 } : { top: -10, left: -10 }, html: badge });
      }
    }
    this.list.replaceChildren(
      ...(changes.length === 0
        ? [h('li', { class: 'muted', 'data-test': 'no-element-changes' }, t('designer:compare.none'))]
        : changes.map(change => {
            const element = this.registry.get(change.id);
            const content = [
              h('span', { class: `diff-kind diff-kind-${change.change.toLowerCase()}` }, t(`designer:compare.kind.${change.change}`)),
              h('span', {}, describe(change)),
            ];
            return h(
              'li',
              { class: 'diff-entry', 'data-test': 'element-change', 'data-element': change.id, 'data-change': change.change },
              element && change.change !== 'Removed'
                ? h('button', { type: 'button', class: 'problem-link', onclick: () => this.reveal(element) }, ...content)
                : h('div', { class: 'problem-link' }, ...content),
            );
          })),
    );
    this.panel.hidden = false;
  }

  /** Removes the markers and hides the list (the diagram changed, or another one was opened). */
  clear(): void {
    this.overlays.remove({ type: OverlayType });
    this.canvas.getLayer(RemovedLayer, 1).replaceChildren();
    for (const { element, marker } of this.marked) {
      this.canvas.removeMarker(element, marker);
    }
    this.marked = [];
    this.panel.hidden = true;
  }

  private reveal(element: DiagramElement): void {
    this.canvas.scrollToElement(element);
    this.selection.select(element);
  }
}

function describe(change: ElementChange): string {
  const what = `${change.type} “${change.label}”${change.label === change.id ? '' : ` (${change.id})`}`;
  const details = change.details.map(detail => (detail === ExtensionAttributes ? t('designer:compare.extensionAttributes') : detail));
  return details.length > 0 ? `${what}: ${details.join(', ')}` : what;
}

/** Draws each removed element with a shape or edge in <paramref name="xml"/>'s layout: a dashed outline and its name. */
function drawRemoved(layer: SVGGElement, removed: ElementChange[], xml: string): void {
  if (removed.length === 0) {
    return;
  }
  const model = new DOMParser().parseFromString(xml, 'application/xml');
  const layout = (tag: string, id: string) => Array.from(model.getElementsByTagNameNS(BpmnDi, tag)).find(e => e.getAttribute('bpmnElement') === id);
  for (const change of removed) {
    const group = svg('g', { class: 'o2c-removed', 'data-test': 'removed-element', 'data-element': change.id });
    const title = svg('title', {});
    title.textContent = t('designer:compare.removedTitle', { what: describe(change) });
    group.append(title);
    const bounds = layout('BPMNShape', change.id)?.getElementsByTagNameNS(Dc, 'Bounds')[0];
    const edge = layout('BPMNEdge', change.id);
    if (bounds) {
      const [x, y, width, height] = ['x', 'y', 'width', 'height'].map(a => Number(bounds.getAttribute(a) ?? 0));
      group.append(svg('rect', { x, y, width, height, rx: 10 }));
      const label = svg('text', { x: x + width / 2, y: y + height + 14, 'text-anchor': 'middle' });
      label.textContent = `− ${change.label}`;
      group.append(label);
    } else if (edge) {
      const points = Array.from(edge.getElementsByTagNameNS(DiWaypoint, 'waypoint')).map(w => `${w.getAttribute('x')},${w.getAttribute('y')}`).join(' ');
      group.append(svg('polyline', { points }));
    } else {
      continue;
    }
    layer.append(group);
  }
}

function svg(tag: string, attributes: Record<string, string | number>): SVGElement {
  const element = document.createElementNS(Svg, tag) as SVGElement;
  for (const [name, value] of Object.entries(attributes)) {
    element.setAttribute(name, String(value));
  }
  return element;
}
