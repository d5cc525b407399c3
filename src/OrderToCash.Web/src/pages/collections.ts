import type { CurrentUser } from '../shared/api';
import { append, byId, h } from '../shared/dom';
import { startPage } from '../shared/page';
import { t } from '../i18n/i18n';
import { date, money, number } from '../i18n/format';
import { reasonLabel, stateLabel } from '../i18n/labels';
import { collections, type Agenda, type WorklistAccount, type WorklistRequest } from '../collections/api';
import { nextStepText, renderAccount } from '../collections/account-panel';
import '../collections/texts';
import '../styles/collections.css';

/** The worklist's sortable columns: the API's sort key and the column's text key. */
const SortColumns: { key: string; label: string; num: boolean }[] = [
  { key: 'customer', label: 'colCustomer', num: false },
  { key: 'risk', label: 'colRisk', num: true },
  { key: 'overdue', label: 'colOverdue', num: true },
  { key: 'dayslate', label: 'colDaysLate', num: true },
];

const request: WorklistRequest = { page: 1, pageSize: 25, sort: 'risk', direction: 'desc', search: '', overdueOnly: false };
let user: CurrentUser;
let selected = '';

void startPage('/collections', async current => {
  user = current;
  const search = h('input', { id: 'worklist-search', type: 'search', maxlength: 100, autocomplete: 'off' });
  const overdueOnly = h('input', { id: 'worklist-overdue', type: 'checkbox' });
  byId('main').replaceChildren(
    h('section', { class: 'page-intro' }, h('h1', {}, t('collections:title')), h('p', { class: 'lead' }, t('collections:lead'))),
    h('p', { id: 'collections-status', class: 'muted', role: 'status', 'aria-live': 'polite' }),
    h('section', { id: 'agenda', class: 'agenda', 'aria-label': t('collections:agendaTitle') }),
    h(
      'div',
      { class: 'toolbar' },
      h('div', { class: 'field' }, h('label', { for: 'worklist-search' }, t('collections:search')), search),
      h('div', { class: 'field field-check' }, overdueOnly, h('label', { for: 'worklist-overdue' }, t('collections:overdueOnly'))),
    ),
    h(
      'div',
      { class: 'split-layout' },
      h('section', { id: 'worklist', class: 'card', 'aria-label': t('collections:worklist') }),
      h('section', { id: 'account', class: 'card', 'aria-label': t('collections:account', { name: '' }), 'data-test': 'account-panel' }, h('p', { class: 'muted' }, t('collections:selectOne'))),
    ),
  );
  let typing: number | undefined;
  search.addEventListener('input', () => {
    window.clearTimeout(typing);
    typing = window.setTimeout(() => {
      request.search = search.value.trim();
      request.page = 1;
      void refresh();
    }, 300);
  });
  overdueOnly.addEventListener('change', () => {
    request.overdueOnly = overdueOnly.checked;
    request.page = 1;
    void refresh();
  });
  await Promise.all([renderAgenda(), refresh()]);
});

async function renderAgenda(): Promise<void> {
  const agenda = await collections.agenda();
  const name = (id: string) => agenda.customerNames[id] ?? id;
  const list = (title: string, test: string, lines: HTMLElement[]) =>
    h('div', { class: 'agenda-list', 'data-test': test }, h('h2', {}, `${title} (${lines.length})`), lines.length > 0 ? h('ul', { class: 'history' }, ...lines) : h('p', { class: 'muted' }, t('collections:none')));
  const open = (customerId: string, text: string) => h('li', {}, h('button', { type: 'button', class: 'link-button', onclick: () => void select(customerId) }, name(customerId)), ` · ${text}`);
  byId('agenda').replaceChildren(
    list(t('collections:promisesDue'), 'agenda-promises-due', agenda.promisesDue.map(p => open(p.customerId, t('collections:promiseLine', { amount: money(p.amount, p.currency), date: date(p.promisedFor), invoice: p.invoiceNumber, state: stateLabel('promiseState', p.status) })))),
    list(t('collections:promisesBroken'), 'agenda-promises-broken', agenda.promisesBroken.map(p => open(p.customerId, t('collections:promiseLine', { amount: money(p.amount, p.currency), date: date(p.promisedFor), invoice: p.invoiceNumber, state: stateLabel('promiseState', p.status) })))),
    list(t('collections:disputes'), 'agenda-disputes', agenda.disputes.map(d => open(d.customerId, t('collections:disputeLine', { number: d.number, invoice: d.invoiceNumber, amount: money(d.amount, d.currency), reason: reasonLabel(d.reasonCode) })))),
    list(t('collections:nextActions'), 'agenda-actions', agendaActions(agenda, open)),
  );
}

function agendaActions(agenda: Agenda, open: (customerId: string, text: string) => HTMLElement): HTMLElement[] {
  return agenda.nextActions.map(a => open(a.customerId, t('collections:nextActionLine', { action: a.nextAction, date: date(a.on) })));
}

/** The worklist's page, as the server sorted and paged it. */
async function refresh(): Promise<void> {
  const page = await collections.worklist(request);
  const container = byId('worklist');
  if (page.accounts.length === 0) {
    container.replaceChildren(h('h2', {}, t('collections:worklist')), h('p', { 'data-test': 'no-accounts' }, t('collections:noAccounts')));
    return;
  }
  const head = h('tr', {});
  for (const column of SortColumns) {
    const sorted = request.sort === column.key;
    append(
      head,
      h(
        'th',
        { class: column.num ? 'num' : null, 'aria-sort': sorted ? (request.direction === 'asc' ? 'ascending' : 'descending') : null },
        h('button', { type: 'button', class: 'link-button', 'data-sort': column.key, title: t('collections:sortBy', { column: t(`collections:${column.label}`) }), onclick: () => void sortBy(column.key) }, t(`collections:${column.label}`)),
      ),
    );
    if (column.key === 'customer') {
      append(head, h('th', {}, t('collections:colRiskClass')));
    }
  }
  append(head, h('th', {}, t('collections:colNextStep')), h('th', {}, t('collections:colPromises')), h('th', { class: 'num' }, t('collections:colDisputed')), h('th', {}, t('collections:colLastContact')));
  const body = h('tbody', {}, ...page.accounts.map(row));
  const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
  const previous = h('button', { type: 'button', class: 'button button-small', disabled: page.page <= 1, 'data-test': 'page-previous', onclick: () => void go(page.page - 1) }, t('collections:previous'));
  const next = h('button', { type: 'button', class: 'button button-small', disabled: page.page >= pages, 'data-test': 'page-next', onclick: () => void go(page.page + 1) }, t('collections:next'));
  container.replaceChildren(
    h('h2', {}, t('collections:worklist')),
    h('div', { class: 'table-scroll' }, h('table', { class: 'data-table', 'data-test': 'worklist' }, h('thead', {}, head), body)),
    h('div', { class: 'pager' }, previous, h('span', { 'data-test': 'page-of' }, t('collections:pageOf', { page: page.page, pages, total: page.total })), next),
  );
  if (selected) {
    markSelected();
  }
}

function row(a: WorklistAccount): HTMLElement {
  return h(
    'tr',
    { 'data-customer': a.customerId, class: a.overdueAmount > 0 ? 'overdue' : null },
    h('td', {}, h('button', { type: 'button', class: 'link-button', onclick: () => void select(a.customerId) }, a.legalName), h('div', { class: 'small muted' }, a.customerId)),
    h('td', {}, a.riskClass),
    h('td', { class: 'num' }, number(a.riskScore, 0)),
    h('td', { class: 'num' }, money(a.overdueAmount, a.currency)),
    h('td', { class: 'num' }, a.oldestDaysLate > 0 ? String(a.oldestDaysLate) : '—'),
    h('td', {}, nextStepText(a.nextStep)),
    h('td', {}, t('collections:promiseCounts', { pending: a.promisesPending, broken: a.promisesBroken })),
    h('td', { class: 'num' }, a.disputedAmount > 0 ? money(a.disputedAmount, a.currency) : '—'),
    h('td', {}, a.lastContact ? `${date(a.lastContact.recordedAt)} · ${stateLabel('contactOutcome', a.lastContact.outcome)}` : '—'),
  );
}

function sortBy(key: string): void {
  request.direction = request.sort === key && request.direction === 'desc' ? 'asc' : 'desc';
  request.sort = key;
  request.page = 1;
  void refresh();
}

function go(page: number): void {
  request.page = page;
  void refresh();
}

function markSelected(): void {
  for (const tr of document.querySelectorAll<HTMLTableRowElement>('tr[data-customer]')) {
    tr.classList.toggle('selected', tr.dataset.customer === selected);
  }
}

async function select(customerId: string): Promise<void> {
  selected = customerId;
  markSelected();
  await renderAccount(byId('account'), customerId, user.roles.includes('Collector'), message => {
    byId('collections-status').textContent = message;
    void Promise.all([renderAgenda(), refresh()]);
  });
}
