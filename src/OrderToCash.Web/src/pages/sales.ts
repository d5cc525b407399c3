import { append, byId, h } from '../shared/dom';
import { startPage } from '../shared/page';
import { t } from '../i18n/i18n';
import { date, money } from '../i18n/format';
import { creditRuleLabel, reasonLabel } from '../i18n/labels';
import { sales, type SalesCockpit } from '../sales/api';
import '../sales/texts';
import '../styles/collections.css';

const Columns: { key: string | null; label: string; num: boolean }[] = [
  { key: 'customer', label: 'colCustomer', num: false },
  { key: null, label: 'colRiskClass', num: false },
  { key: null, label: 'colLimit', num: true },
  { key: null, label: 'colExposure', num: true },
  { key: 'headroom', label: 'colHeadroom', num: true },
  { key: 'overdue', label: 'colOverdue', num: true },
  { key: null, label: 'colBlocked', num: true },
];

let sort = 'overdue';

void startPage('/sales', async () => {
  byId('main').replaceChildren(
    h('section', { class: 'page-intro' }, h('h1', {}, t('sales:title')), h('p', { class: 'lead' }, t('sales:lead'))),
    h('section', { id: 'sales-customers', class: 'card', 'aria-label': t('sales:customers') }),
    h('div', { id: 'sales-lists', class: 'agenda' }),
  );
  await load(1);
});

async function load(page: number): Promise<void> {
  const cockpit = await sales.cockpit(page, sort);
  renderCustomers(cockpit);
  renderLists(cockpit);
}

/** The "Rule: message" lines of a blocked order, as labels. */
function reasons(text: string): string {
  return text
    .split('\n')
    .filter(line => line.trim())
    .map(creditRuleLabel)
    .join(' ; ');
}

function renderCustomers(c: SalesCockpit): void {
  const container = byId('sales-customers');
  if (c.total === 0) {
    container.replaceChildren(h('h2', {}, t('sales:customers')), h('p', {}, t('sales:noCustomers')));
    return;
  }
  const head = h('tr', {});
  for (const column of Columns) {
    const label = t(`sales:${column.label}`);
    append(
      head,
      h(
        'th',
        { class: column.num ? 'num' : null, 'aria-sort': column.key && column.key === sort ? (column.key === 'overdue' ? 'descending' : 'ascending') : null },
        column.key ? h('button', { type: 'button', class: 'link-button', 'data-sort': column.key, title: t('sales:sortBy', { column: label }), onclick: () => { sort = column.key!; void load(1); } }, label) : label,
      ),
    );
  }
  const pages = Math.max(1, Math.ceil(c.total / c.pageSize));
  container.replaceChildren(
    h('h2', {}, t('sales:customers')),
    h(
      'div',
      { class: 'table-scroll' },
      h(
        'table',
        { class: 'data-table', 'data-test': 'sales-customers' },
        h('thead', {}, head),
        h(
          'tbody',
          {},
          ...c.customers.map(a =>
            h(
              'tr',
              { 'data-customer': a.customerId },
              h('td', {}, a.legalName, h('div', { class: 'small muted' }, a.customerId)),
              h('td', {}, a.riskClass),
              h('td', { class: 'num' }, money(a.creditLimit, a.currency)),
              h('td', { class: 'num' }, money(a.exposure, a.currency)),
              h('td', { class: 'num', 'data-test': 'headroom' }, money(a.headroom, a.currency)),
              h('td', { class: 'num' }, a.overdueAmount > 0 ? money(a.overdueAmount, a.currency) : '—'),
              h('td', { class: 'num' }, a.blockedOrders > 0 ? String(a.blockedOrders) : '—'),
            ),
          ),
        ),
      ),
    ),
    h(
      'div',
      { class: 'pager' },
      h('button', { type: 'button', class: 'button button-small', disabled: c.page <= 1, onclick: () => void load(c.page - 1) }, t('sales:previous')),
      h('span', {}, t('sales:pageOf', { page: c.page, pages, total: c.total })),
      h('button', { type: 'button', class: 'button button-small', disabled: c.page >= pages, onclick: () => void load(c.page + 1) }, t('sales:next')),
    ),
  );
}

function renderLists(c: SalesCockpit): void {
  const name = (id: string | null) => (id ? (c.customerNames[id] ?? id) : '—');
  const list = (title: string, test: string, lines: (string | HTMLElement)[], extra?: string) =>
    h(
      'section',
      { class: 'card agenda-list', 'data-test': test, 'aria-label': title },
      h('h2', {}, `${title} (${lines.length})`),
      lines.length > 0 ? h('ul', { class: 'history' }, ...lines.map(l => h('li', {}, l))) : h('p', { class: 'muted' }, t('sales:none')),
      extra && lines.length > 0 ? h('p', { class: 'small muted' }, extra) : null,
    );
  byId('sales-lists').replaceChildren(
    list(t('sales:overdueItems'), 'sales-overdue', c.overdueItems.map(i => t('sales:overdueLine', { invoice: i.number, customer: name(i.customerId), amount: money(i.openAmount, i.currency), days: i.daysLate, level: i.reminderLevel }))),
    list(
      t('sales:blockedOrders'),
      'sales-blocked',
      c.blockedOrders.map(o =>
        h(
          'span',
          {},
          t('sales:blockedLine', { order: o.number, customer: name(o.customerId), amount: money(o.grossTotal, o.currency), date: date(o.enteredAt) }),
          h('div', { class: 'small' }, reasons(o.reasons)),
          o.firstApprover ? h('div', { class: 'small muted' }, t('sales:firstApproval', { name: o.firstApprover })) : null,
        ),
      ),
    ),
    list(t('sales:calls'), 'sales-calls', c.calls.map(call => t('sales:callLine', { customer: name(call.customerId), invoice: call.invoiceNumber ?? '—', date: date(call.createdAt) })), t('sales:callHow')),
    list(t('sales:disputes'), 'sales-disputes', c.disputes.map(d => t('sales:disputeLine', { number: d.number, customer: name(d.customerId), amount: money(d.amount, d.currency), reason: reasonLabel(d.reasonCode) }))),
  );
}
