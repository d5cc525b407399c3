import { t } from '../i18n/i18n';
import { h } from '../shared/dom';
import type { Canvas, DiagramElement, ElementRegistry, Overlays, Selection } from './bpmn-types';
import type { Diagnostic } from './definitions-api';

interface ModelerServices {
  get<T>(name: string): T;
}

const OverlayType = 'o2c-problems';
const Markers = { Error: 'o2c-has-error', Warning: 'o2c-has-warning' } as const;

/** The line `o2c validate` prints for a diagnostic: `file(line,col): error CODE [element]: message`. */
export function diagnosticText(d: Diagnostic): string {
  const position = d.line === null ? '' : d.column === null ? `(${d.line})` : `(${d.line},${d.column})`;
  return `${d.file}${position}: ${d.severity.toLowerCase()} ${d.code}${d.element ? ` [${d.element}]` : ''}: ${d.message}`;
}

/**
 * The validator's problems, shown twice: as markers on the diagram elements they name (a red or amber outline and a
 * badge with the messages) and as a list under the canvas whose entries select their element.
 */
export class ProblemsView {
  private readonly canvas: Canvas;
  private readonly registry: ElementRegistry;
  private readonly overlays: Overlays;
  private readonly selection: Selection;
  private marked: { id: string; marker: string }[] = [];

  constructor(
    private readonly list: HTMLElement,
    private readonly summary: HTMLElement,
    modeler: ModelerServices,
  ) {
    this.canvas = modeler.get<Canvas>('canvas');
    this.registry = modeler.get<ElementRegistry>('elementRegistry');
    this.overlays = modeler.get<Overlays>('overlays');
    this.selection = modeler.get<Selection>('selection');
  }

  /** Problems found in the current diagram; `errors` is how many block publishing. */
  errors = 0;

  /** A note instead of problems: not checked yet, checking, or the check could not run. */
  note(message: string, kind: 'info' | 'error' | 'warning' | 'ok' = 'info'): void {
    this.summary.textContent = message;
    this.summary.dataset.kind = kind;
  }

  /** Forgets the markers (a new diagram is on the canvas, so the old ones no longer apply). */
  reset(message: string): void {
    this.clearMarkers();
    this.errors = 0;
    this.list.replaceChildren();
    this.note(message);
  }

  show(diagnostics: Diagnostic[]): void {
    this.clearMarkers();
    this.errors = diagnostics.filter(d => d.severity === 'Error').length;
    const warnings = diagnostics.length - this.errors;
    this.note(
      diagnostics.length === 0
        ? t('designer:problems.none')
        : t(this.errors > 0 ? 'designer:problems.fixToPublish' : 'designer:problems.onlyWarnings', { list: counts(this.errors, warnings) }),
      this.errors > 0 ? 'error' : warnings > 0 ? 'warning' : 'ok',
    );

    const byElement = new Map<string, Diagnostic[]>();
    for (const d of diagnostics) {
      if (d.element) {
        byElement.set(d.element, [...(byElement.get(d.element) ?? []), d]);
      }
    }
    for (const [id, problems] of byElement) {
      this.mark(id, problems);
    }
    this.list.replaceChildren(...diagnostics.map(d => this.item(d)));
  }

  private mark(id: string, problems: Diagnostic[]): void {
    const element = this.registry.get(id);
    if (!element) {
      // Elements without a shape (no diagram interchange, a collapsed sub-process) are only listed.
      return;
    }
    const severity = problems.some(p => p.severity === 'Error') ? 'Error' : 'Warning';
    this.canvas.addMarker(element, Markers[severity]);
    this.marked.push({ id, marker: Markers[severity] });
    const badge = h(
      'div',
      { class: `problem-badge problem-badge-${severity.toLowerCase()}`, title: problems.map(p => `${p.code}: ${p.message}`).join('\n'), 'data-test': 'problem-marker', 'data-element': id },
      String(problems.length),
    );
    this.overlays.add(element, OverlayType, { position: element.waypoints ? { top: -10, left: -10 } : { top: -10, right: 10 }, html: badge });
  }

  private item(d: Diagnostic): HTMLElement {
    const element = d.element ? this.registry.get(d.element) : undefined;
    const line = d.line === null ? null : d.column === null ? t('designer:problems.line', { line: d.line }) : t('designer:problems.lineColumn', { line: d.line, column: d.column });
    const where = [d.code, d.element, line].filter(Boolean).join(' · ');
    const content = [
      h('span', { class: `problem-severity problem-severity-${d.severity.toLowerCase()}` }, t(d.severity === 'Error' ? 'designer:problems.error' : 'designer:problems.warning')),
      h('span', { class: 'problem-message' }, d.message),
      h('span', { class: 'problem-where' }, where),
    ];
    return h(
      'li',
      { class: 'problem', 'data-test': 'problem', 'data-element': d.element ?? '', title: diagnosticText(d) },
      element ? h('button', { class: 'problem-link', type: 'button', onclick: () => this.reveal(element) }, ...content) : h('div', { class: 'problem-link' }, ...content),
    );
  }

  private reveal(element: DiagramElement): void {
    this.canvas.scrollToElement(element);
    this.selection.select(element);
  }

  private clearMarkers(): void {
    this.overlays.remove({ type: OverlayType });
    for (const { id, marker } of this.marked) {
      const element = this.registry.get(id);
      if (element) {
        this.canvas.removeMarker(element, marker);
      }
    }
    this.marked = [];
  }
}

/** "2 errors, 1 warning": the counts that are not zero. */
function counts(errors: number, warnings: number): string {
  return [
    errors === 0 ? null : t('designer:problems.errors', { count: errors }),
    warnings === 0 ? null : t('designer:problems.warnings', { count: warnings }),
  ].filter(Boolean).join(', ');
}
