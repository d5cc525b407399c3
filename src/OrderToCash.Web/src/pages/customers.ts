import type { CurrentUser } from '../shared/api';
import { append, byId, h } from '../shared/dom';
import { startPage } from '../shared/page';
import { Roles } from '../shared/pages';
import { t } from '../i18n/i18n';
import { date, money } from '../i18n/format';
import { customers, type CustomerDetail } from '../customers/api';
import { customerForm } from '../customers/form';
import { historyPanel, limitRequestsPanel } from '../customers/panels';
import { importForm } from '../customers/import-form';
import '../customers/texts';
import '../styles/customers.css';

let user: CurrentUser;
let canEdit = false;
let isCreditManager = false;

void startPage('/customers', async current => {
  user = current;
  canEdit = user.roles.includes(Roles.SalesAdministration) || user.roles.includes(Roles.CreditManager);
  isCreditManager = user.roles.includes(Roles.CreditManager);
  const search = h('input', { id: 'customer-search', type: 'search', 'aria-label': t('customers:search'), placeholder: t('customers:search') });
  let timer = 0;
  search.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void refresh(search.value.trim()), 300);
  });
  const newButton = canEdit ? h('button', { type: 'button', class: 'button button-primary', 'data-test': 'new-customer', onclick: () => showNew() }, t('customers:newCustomer')) : null;
  const main = byId('main');
  main.replaceChildren();
  append(
    main,
    h('section', { class: 'page-intro' }, h('h1', {}, t('customers:title')), h('p', { class: 'lead' }, canEdit ? t('customers:lead') : t('customers:leadReadOnly'))),
    h('div', { class: 'toolbar' }, search, newButton),
    h('p', { id: 'customers-status', class: 'muted', role: 'status', 'aria-live': 'polite' }),
    h('div', { class: 'split-layout' }, h('section', { id: 'customer-list', class: 'card', 'aria-label': t('customers:list') }), h('section', { id: 'customer-detail', class: 'card', 'aria-label': t('customers:selected') })),
    canEdit && importForm(message => done(message)),
  );
  await refresh('');
});

function done(message: string, select?: string): void {
  byId('customers-status').textContent = message;
  void refresh(byId<HTMLInputElement>('customer-search').value.trim(), select);
}

async function refresh(q: string, select?: string): Promise<void> {
  const rows = await customers.list(q);
  const list = byId('customer-list');
  if (rows.length === 0) {
    list.replaceChildren(h('p', { 'data-test': 'no-customers' }, t('customers:none')));
    return;
  }
  const body = h('tbody', {});
  for (const c of rows) {
    append(
      body,
      h(
        'tr',
        { 'data-customer': c.id },
        h('td', {}, h('button', { type: 'button', class: 'link-button', onclick: () => void show(c.id) }, c.id)),
        h('td', {}, c.legalName),
        h('td', {}, c.siren),
        h('td', {}, t(`customers:segment.${c.segment}`)),
        h('td', {}, c.salesperson),
        h('td', {}, c.riskClass),
        h('td', {}, date(c.nextReviewOn)),
      ),
    );
  }
  const headers = ['id', 'name', 'siren', 'segment', 'salesperson', 'risk', 'review'].map(k => h('th', { scope: 'col' }, t(`customers:col.${k}`)));
  list.replaceChildren(h('table', { class: 'data-table', 'data-test': 'customer-table' }, h('thead', {}, h('tr', {}, ...headers)), body));
  const chosen = select ?? (showing || rows[0]!.id);
  if (rows.some(r => r.id === chosen)) {
    await show(chosen);
  }
}

function showNew(): void {
  showing = '';
  for (const row of document.querySelectorAll<HTMLTableRowElement>('tr[data-customer]')) {
    row.classList.remove('selected');
  }
  byId('customer-detail').replaceChildren(
    h('h2', {}, t('customers:newCustomer')),
    customerForm({ customer: null, canEdit, isCreditManager, saved: (id, message) => done(message, id) }),
  );
  byId<HTMLInputElement>('customer-id').focus();
}

/** The customer the user asked to see last: an earlier answer arriving late must not replace it. */
let showing = '';

async function show(id: string): Promise<void> {
  showing = id;
  for (const row of document.querySelectorAll<HTMLTableRowElement>('tr[data-customer]')) {
    row.classList.toggle('selected', row.dataset.customer === id);
  }
  const customer = await customers.get(id);
  if (showing !== id) {
    return;
  }
  const reload = (message: string) => done(message, id);
  const canAsk = user.roles.includes(Roles.Salesperson) || user.roles.includes(Roles.SalesAdministration) || isCreditManager;
  const [history, requests] = await Promise.all([historyPanel(id), limitRequestsPanel(customer, canAsk, isCreditManager, reload)]);
  if (showing !== id) {
    return;
  }
  byId('customer-detail').replaceChildren(
    h('h2', {}, `${customer.id} · ${customer.legalName}`, canEdit ? null : h('span', { class: 'badge' }, t('customers:readOnly'))),
    exposure(customer),
    customerForm({ customer, canEdit, isCreditManager, saved: (_, message) => reload(message) }),
    requests,
    history,
  );
}

function exposure(c: CustomerDetail): HTMLElement {
  const m = (v: number) => money(v, c.currency);
  return h(
    'dl',
    { class: 'facts', 'data-test': 'customer-exposure' },
    h('dt', {}, t('customers:exposure')),
    h('dd', {}, c.exposure ? t('customers:exposureLine', { orders: m(c.exposure.openOrders), delivered: m(c.exposure.deliveredNotInvoiced), receivables: m(c.exposure.openReceivables), total: m(c.exposure.total) }) : '—'),
    h('dt', {}, t('customers:field.internalCreditLimit')),
    h('dd', {}, t('customers:limitLine', { limit: m(c.creditLimit), internal: m(c.internalCreditLimit), insurer: m(c.insurerCover), headroom: m(c.exposure?.headroom ?? c.creditLimit) })),
  );
}
