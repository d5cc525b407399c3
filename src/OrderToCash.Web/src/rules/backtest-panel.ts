import { money } from '../i18n/format';
import { t } from '../i18n/i18n';
import { h } from '../shared/dom';
import { formatDate } from './format';
import { rulesApi, type BackTestReport } from './rules-api';
import './backtest-texts';

/**
 * The back-test: the recorded decisions of a period (the last 90 days by default) replayed through the rule set as it
 * is in the editor, listing those whose outcome would change and the amounts released or held. Nothing is written.
 */
export class BackTestPanel {
  private readonly from = h('input', { id: 'backtest-from', type: 'date', 'data-test': 'backtest-from' });
  private readonly to = h('input', { id: 'backtest-to', type: 'date', 'data-test': 'backtest-to' });
  private readonly summary = h('p', { role: 'status', 'aria-live': 'polite', 'data-test': 'backtest-summary' });
  private readonly results = h('div', { class: 'table-scroll', 'data-test': 'backtest-results' });
  private name = '';

  constructor(
    container: HTMLElement,
    private readonly content: () => string,
  ) {
    const run = h('button', { type: 'button', class: 'button', 'data-test': 'run-backtest', onclick: () => void this.run() }, t('backTest:run'));
    container.replaceChildren(
      h('header', { class: 'panel-header' }, h('h2', {}, t('backTest:title')), run),
      h('p', { class: 'muted' }, t('backTest:lead')),
      h(
        'div',
        { class: 'backtest-period' },
        h('div', { class: 'field' }, h('label', { for: 'backtest-from' }, t('backTest:from')), this.from),
        h('div', { class: 'field' }, h('label', { for: 'backtest-to' }, t('backTest:to')), this.to),
      ),
      this.summary,
      this.results,
    );
  }

  /** A rule set is open: the period resets to the last 90 days and the previous answer goes. */
  load(name: string): void {
    this.name = name;
    const today = new Date();
    this.to.value = today.toISOString().slice(0, 10);
    this.from.value = new Date(today.getTime() - 89 * 86_400_000).toISOString().slice(0, 10);
    this.summary.textContent = '';
    this.results.replaceChildren();
  }

  private async run(): Promise<void> {
    this.summary.dataset.kind = 'info';
    this.summary.textContent = t('backTest:running');
    this.results.replaceChildren();
    try {
      this.show(await rulesApi.backTest(this.name, this.content(), this.from.value || null, this.to.value || null));
    } catch (error) {
      this.summary.dataset.kind = 'error';
      this.summary.textContent = t('backTest:failed', { message: error instanceof Error ? error.message : String(error) });
    }
  }

  private show(report: BackTestReport): void {
    const lines = [
      t('backTest:summary', {
        replayed: report.replayed,
        changed: report.changed,
        released: report.released,
        releasedAmount: money(report.releasedAmount),
        held: report.held,
        heldAmount: money(report.heldAmount),
      }),
    ];
    if (report.unreadable > 0) {
      lines.push(t('backTest:unreadable', { count: report.unreadable }));
    }
    if (report.truncated) {
      lines.push(t('backTest:truncated', { count: report.changes.length }));
    }
    this.summary.dataset.kind = report.changed > 0 ? 'info' : 'ok';
    this.summary.textContent = lines.join(' ');
    if (report.changes.length === 0) {
      this.results.replaceChildren(h('p', { class: 'muted', 'data-test': 'backtest-none' }, t('backTest:none')));
      return;
    }
    const columns = ['subject', 'date', 'version', 'before', 'after', 'direction', 'amount'];
    this.results.replaceChildren(
      h(
        'table',
        { class: 'data-table', 'data-test': 'backtest-table' },
        h('thead', {}, h('tr', {}, ...columns.map(c => h('th', { scope: 'col' }, t(`backTest:col.${c}`))))),
        h(
          'tbody',
          {},
          ...report.changes.map(c =>
            h(
              'tr',
              { 'data-test': 'backtest-change', 'data-direction': c.direction },
              h('td', {}, `${c.subjectType} ${c.subjectId}`),
              h('td', {}, formatDate(c.evaluatedAt)),
              h('td', {}, `v${c.recordedVersion}`),
              h('td', {}, c.before),
              h('td', {}, c.after),
              h('td', {}, t(`backTest:direction.${c.direction}`)),
              h('td', { class: 'number' }, c.amount === null ? '—' : money(c.amount)),
            ),
          ),
        ),
      ),
    );
  }
}
