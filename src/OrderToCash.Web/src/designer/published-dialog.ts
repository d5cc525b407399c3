import { h } from '../shared/dom';
import { definitions, type DefinitionSummary } from './definitions-api';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * The published definitions, newest version first within each process, in a modal dialog; "Open" hands the chosen
 * version to the designer.
 */
export class PublishedDialog {
  constructor(
    private readonly dialog: HTMLDialogElement,
    private readonly body: HTMLElement,
    private readonly open: (definition: DefinitionSummary) => Promise<void>,
  ) {
    dialog.querySelector('[data-close]')?.addEventListener('click', () => dialog.close());
  }

  async show(): Promise<void> {
    this.body.replaceChildren(h('p', { class: 'muted' }, 'Loading the published definitions…'));
    this.dialog.showModal();
    try {
      this.render(await definitions.list());
    } catch (error) {
      this.body.replaceChildren(h('p', { class: 'form-error', role: 'alert' }, `The list could not be loaded: ${error instanceof Error ? error.message : String(error)}.`));
    }
  }

  private render(list: DefinitionSummary[]): void {
    if (list.length === 0) {
      this.body.replaceChildren(h('p', { class: 'muted', 'data-test': 'no-definitions' }, 'Nothing is published yet. Draw a process, check it and publish it.'));
      return;
    }
    const rows = list.map(d =>
      h(
        'tr',
        { 'data-test': 'definition', 'data-process': d.processId, 'data-version': d.version },
        h('td', {}, h('strong', {}, d.name || d.processId), h('div', { class: 'muted small' }, h('code', {}, d.processId), ` · ${d.sourceName}`)),
        h('td', { class: 'number' }, String(d.version)),
        h('td', {}, d.publishedBy),
        h('td', {}, h('time', { datetime: d.publishedAt }, dateTime.format(new Date(d.publishedAt)))),
        h('td', { 'data-test': 'instances' }, instances(d)),
        h(
          'td',
          {},
          h('button', {
            class: 'button button-small',
            type: 'button',
            'aria-label': `Open ${d.processId} version ${d.version}`,
            onclick: async () => {
              this.dialog.close();
              await this.open(d);
            },
          }, 'Open'),
        ),
      ),
    );
    this.body.replaceChildren(
      h(
        'table',
        { class: 'table' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Process'), h('th', { scope: 'col', class: 'number' }, 'Version'), h('th', { scope: 'col' }, 'Published by'), h('th', { scope: 'col' }, 'When'), h('th', { scope: 'col' }, 'Instances'), h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Actions')))),
        h('tbody', {}, ...rows),
      ),
    );
  }
}

/** "2 running · 1 incident", or "none running" when no instance of the version is still open. */
function instances(d: DefinitionSummary): HTMLElement | string {
  if (d.running === 0 && d.incidents === 0) {
    return h('span', { class: 'muted' }, 'none running');
  }
  return h(
    'span',
    {},
    d.running > 0 ? `${d.running} running` : null,
    d.running > 0 && d.incidents > 0 ? ' · ' : null,
    d.incidents > 0 ? h('span', { class: 'incidents' }, `${d.incidents} incident${d.incidents === 1 ? '' : 's'}`) : null,
  );
}
