import { h } from '../shared/dom';
import { t } from '../i18n/i18n';
import './editor-texts';
import { formatDate } from './format';
import { rulesApi, type FieldChange, type ItemChange, type RuleSetDiff, type VersionSummary } from './rules-api';

/**
 * A rule set's versions: pick two and see what changed between them (per rule: added, removed, changed fields with
 * their values), or roll back to an older one (published again as a new version, through the what-if gate).
 */
export class HistoryPanel {
  private readonly table = h('div', { class: 'table-scroll' });
  private readonly diff = h('div', { class: 'diff', 'data-test': 'diff' });
  private readonly compareButton = h('button', { type: 'button', class: 'button', 'data-test': 'compare', onclick: () => void this.compare() }, t('rulesEditor:history.compare'));
  private name = '';
  private versions: VersionSummary[] = [];

  constructor(
    container: HTMLElement,
    private readonly rollback: (version: VersionSummary) => Promise<void>,
  ) {
    container.replaceChildren(
      h('header', { class: 'panel-header' }, h('h2', {}, t('rulesEditor:history.title')), this.compareButton),
      h('p', { class: 'field-hint' }, t('rulesEditor:history.hint')),
      this.table,
      this.diff,
    );
  }

  /** The versions of one rule set, newest first; from = the previous version, to = the latest. */
  show(name: string, versions: VersionSummary[]): void {
    this.name = name;
    this.versions = versions;
    this.diff.replaceChildren();
    this.compareButton.disabled = versions.length < 2;
    const latest = versions[0]?.version;
    const rows = versions.map((v, index) =>
      h(
        'tr',
        { 'data-test': 'version', 'data-version': v.version },
        h('td', {}, radio('from', v.version, index === 1)),
        h('td', {}, radio('to', v.version, index === 0)),
        h('td', { class: 'number' }, String(v.version)),
        h('td', {}, formatDate(v.effectiveFrom)),
        h('td', {}, formatDate(v.publishedAt)),
        h('td', {}, v.author),
        h('td', {}, v.comment ?? ''),
        h(
          'td',
          {},
          v.version === latest
            ? h('span', { class: 'muted small' }, t('rulesEditor:history.latest'))
            : h('button', {
                type: 'button',
                class: 'button button-small',
                'data-test': 'rollback',
                'aria-label': t('rulesEditor:history.rollBackLabel', { version: v.version }),
                onclick: async (event: Event) => {
                  const button = event.currentTarget as HTMLButtonElement;
                  if (window.confirm(t('rulesEditor:history.confirmRollBack', { version: v.version, name }))) {
                    button.disabled = true;
                    try {
                      await this.rollback(v);
                    } finally {
                      button.disabled = false;
                    }
                  }
                },
              }, t('rulesEditor:history.rollBack', { version: v.version })),
        ),
      ),
    );
    this.table.replaceChildren(
      versions.length === 0
        ? h('p', { class: 'muted' }, t('rulesEditor:history.none'))
        : h(
            'table',
            { class: 'table' },
            h('thead', {}, h('tr', {}, ...(['from', 'to', 'version', 'effectiveFrom', 'published', 'by', 'comment'] as const).map(c => h('th', { scope: 'col' }, t(`rulesEditor:history.columns.${c}`))), h('th', { scope: 'col' }))),
            h('tbody', {}, ...rows),
          ),
    );
  }

  private async compare(): Promise<void> {
    const from = Number(this.table.querySelector<HTMLInputElement>('input[name=from]:checked')?.value);
    const to = Number(this.table.querySelector<HTMLInputElement>('input[name=to]:checked')?.value);
    if (!from || !to || from === to) {
      this.diff.replaceChildren(h('p', { class: 'form-error', role: 'alert' }, t('rulesEditor:history.pickTwo')));
      return;
    }
    this.diff.replaceChildren(h('p', { class: 'muted' }, t('rulesEditor:history.comparing')));
    try {
      this.diff.replaceChildren(...renderDiff(await rulesApi.diff(this.name, from, to)));
    } catch (error) {
      this.diff.replaceChildren(h('p', { class: 'form-error', role: 'alert' }, t('rulesEditor:history.compareFailed', { error: error instanceof Error ? error.message : String(error) })));
    }
  }

  get count(): number {
    return this.versions.length;
  }
}

function radio(name: 'from' | 'to', version: number, checked: boolean): HTMLElement {
  return h('input', { type: 'radio', name, value: version, checked, 'aria-label': t('rulesEditor:history.radio', { side: t(`rulesEditor:history.side.${name}`), version }), 'data-test': `${name}-version` });
}

function renderDiff(diff: RuleSetDiff): HTMLElement[] {
  const changed = (items: ItemChange[]) => items.filter(i => i.change !== 'Unchanged');
  const rules = changed(diff.rules);
  const globals = changed(diff.globalParams);
  const unchanged = diff.rules.filter(r => r.change === 'Unchanged').map(r => r.name);
  const cases = changed(diff.cases);
  const nothing = rules.length === 0 && globals.length === 0 && diff.fields.length === 0 && cases.length === 0;
  return [
    h('h3', {}, t('rulesEditor:history.fromTo', { from: diff.from, to: diff.to })),
    nothing ? h('p', { 'data-test': 'diff-nothing' }, t('rulesEditor:history.same')) : null,
    diff.fields.length > 0 ? fieldTable(t('rulesEditor:history.ruleSet'), diff.fields) : null,
    ...globals.map(g => item(t('rulesEditor:history.globalParameter'), g)),
    ...rules.map(r => item(t('rulesEditor:history.rule'), r)),
    unchanged.length > 0 ? h('p', { class: 'muted small', 'data-test': 'diff-unchanged' }, t('rulesEditor:history.unchanged', { names: unchanged.join(', ') })) : null,
    ...cases.map(c => item(t('rulesEditor:history.case'), c)),
  ].filter((e): e is HTMLElement => e !== null);
}

function item(kind: string, change: ItemChange): HTMLElement {
  return h(
    'section',
    { class: `diff-item diff-${change.change.toLowerCase()}`, 'data-test': 'diff-item', 'data-name': change.name, 'data-change': change.change },
    h('h4', {}, h('span', { class: `badge badge-${change.change.toLowerCase()}` }, t(`rulesEditor:history.change.${change.change}`, { defaultValue: change.change })), ` ${kind} ${change.name}`),
    change.fields.length > 0 ? fieldTable(null, change.fields) : null,
  );
}

function fieldTable(title: string | null, fields: FieldChange[]): HTMLElement {
  return h(
    'table',
    { class: 'table diff-fields' },
    title ? h('caption', {}, title) : null,
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('rulesEditor:history.field')), h('th', { scope: 'col' }, t('rulesEditor:history.before')), h('th', { scope: 'col' }, t('rulesEditor:history.after')))),
    h(
      'tbody',
      {},
      ...fields.map(f =>
        h('tr', { 'data-test': 'diff-field', 'data-field': f.field }, h('td', {}, f.field), h('td', { class: 'code before' }, f.before ?? '—'), h('td', { class: 'code after' }, f.after ?? '—')),
      ),
    ),
  );
}
