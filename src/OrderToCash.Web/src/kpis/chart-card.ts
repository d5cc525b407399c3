import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip, type ChartConfiguration } from 'chart.js';
import { h } from '../shared/dom';
import { t } from '../i18n/i18n';
import { locale } from '../i18n/format';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Legend, Tooltip);

/** The palette of the pages (app.css): primary, warning, danger, muted. */
export const Colours = { primary: '#1f4e79', soft: '#7aa7d6', warning: '#c98a00', danger: '#b42318', muted: '#9aa4b2' };

/** A table of the figures a chart draws: its text alternative (and what a test reads). */
export interface ChartTable {
  head: string[];
  rows: string[][];
}

/**
 * Puts in `container` (already on the page, so the chart can size itself) a card with a titled chart (Chart.js on a
 * canvas, in the page's locale) and, under "Show the data", the same figures as a table for keyboard and screen-reader
 * users.
 */
export function chartCard(container: HTMLElement, id: string, title: string, config: ChartConfiguration, table: ChartTable): void {
  const canvas = h('canvas', { id: `${id}-canvas`, role: 'img', 'aria-label': title });
  const card = h(
    'section',
    { class: 'card chart-card', 'data-test': id, 'aria-labelledby': `${id}-title` },
    h('h2', { id: `${id}-title` }, title),
    h('div', { class: 'chart-box' }, canvas),
    h(
      'details',
      {},
      h('summary', {}, t('kpis:data')),
      h(
        'table',
        { class: 'data-table', 'data-test': `${id}-data` },
        h('thead', {}, h('tr', {}, ...table.head.map(c => h('th', {}, c)))),
        h('tbody', {}, ...table.rows.map(r => h('tr', {}, ...r.map((c, i) => h('td', { class: i > 0 ? 'num' : null }, c))))),
      ),
    ),
  );
  container.replaceChildren(card);
  config.options = { ...config.options, locale: locale(), responsive: true, maintainAspectRatio: false, animation: false };
  new Chart(canvas, config);
}

/** A card saying a chart has nothing to draw. */
export function emptyCard(container: HTMLElement, id: string, title: string, message: string): void {
  container.replaceChildren(h('section', { class: 'card chart-card', 'data-test': id, 'aria-labelledby': `${id}-title` }, h('h2', { id: `${id}-title` }, title), h('p', { class: 'muted' }, message)));
}
