import { locale } from '../i18n/format';
import { t } from '../i18n/i18n';
import { h } from '../shared/dom';
import { definitions, type DefinitionSummary } from './definitions-api';

const dateTime = new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' });

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
    this.body.replaceChildren(h('p', { class: 'muted' }, t('designerDialogs:loading')));
    this.dialog.showModal();
    try {
      this.render(await definitions.list());
    } catch (error) {
      this.body.replaceChildren(h('p', { class: 'form-error', role: 'alert' }, t('designerDialogs:listFailed', { reason: error instanceof Error ? error.message : String(error) })));
    }
  }

  private render(list: DefinitionSummary[]): void {
    if (list.length === 0) {
      this.body.replaceChildren(h('p', { class: 'muted', 'data-test': 'no-definitions' }, t('designerDialogs:published.none')));
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
            'aria-label': t('designerDialogs:published.openLabel', { processId: d.processId, version: d.version }),
            onclick: async () => {
              this.dialog.close();
              await this.open(d);
            },
          }, t('designerDialogs:published.open')),
        ),
      ),
    );
    this.body.replaceChildren(
      h(
        'table',
        { class: 'table' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col' }, column('process')),
            h('th', { scope: 'col', class: 'number' }, column('version')),
            h('th', { scope: 'col' }, column('publishedBy')),
            h('th', { scope: 'col' }, column('when')),
            h('th', { scope: 'col' }, column('instances')),
            h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, column('actions'))),
          ),
        ),
        h('tbody', {}, ...rows),
      ),
    );
  }
}

/** "2 running · 1 incident", or "none running" when no instance of the version is still open. */
function instances(d: DefinitionSummary): HTMLElement | string {
  if (d.running === 0 && d.incidents === 0) {
    return h('span', { class: 'muted' }, t('designerDialogs:published.noneRunning'));
  }
  return h(
    'span',
    {},
    d.running > 0 ? t('designerDialogs:published.running', { running: d.running }) : null,
    d.running > 0 && d.incidents > 0 ? ' · ' : null,
    d.incidents > 0 ? h('span', { class: 'incidents' }, t('designerDialogs:published.incidents', { count: d.incidents })) : null,
  );
}

function column(key: string): string {
  return t(`designerDialogs:published.col.${key}`);
}
