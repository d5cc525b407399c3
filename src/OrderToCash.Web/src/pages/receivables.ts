import type { CurrentUser } from '../shared/api';
import { append, byId, h } from '../shared/dom';
import { startPage } from '../shared/page';
import { receivables, type DisputeView, type InvoiceSummary, type Reason } from '../receivables/api';
import { t } from '../i18n/i18n';
import { date, money } from '../i18n/format';
import { departmentLabel, reasonLabel, stateLabel } from '../i18n/labels';
import '../receivables/texts';
import { disputeForm, promiseForm } from '../receivables/forms';
import { statementForm } from '../receivables/statement-form';
import '../styles/receivables.css';

const DisputeRoles = ['Collector', 'SalesAdministration', 'Salesperson', 'Customer'];
const PromiseRoles = ['Collector', 'Customer'];

let user: CurrentUser;
let reasons: Reason[] = [];
let invoices: InvoiceSummary[] = [];
let disputes: DisputeView[] = [];

void startPage('/receivables', async current => {
  user = current;
  const isCustomer = user.roles.includes('Customer');
  const filter = h('select', { id: 'invoice-filter', 'aria-label': t('receivables:which') }, h('option', { value: 'open' }, t('receivables:open')), h('option', { value: 'overdue' }, t('receivables:overdue')), h('option', { value: 'settled' }, t('receivables:settled')));
  const customer = h('select', { id: 'customer-filter', 'aria-label': t('receivables:customer'), hidden: isCustomer }, h('option', { value: '' }, t('receivables:allCustomers')));
  byId('main').replaceChildren(
    h(
      'section',
      { class: 'page-intro' },
      h('h1', {}, isCustomer ? t('receivables:yourAccount') : t('receivables:title')),
      h('p', { class: 'lead' }, isCustomer ? t('receivables:leadCustomer') : t('receivables:lead')),
    ),
    h('div', { class: 'toolbar' }, filter, customer),
    h('p', { id: 'receivables-status', class: 'muted', role: 'status', 'aria-live': 'polite' }),
    h('section', { id: 'totals', class: 'totals', 'aria-label': t('receivables:totals') }),
    h('div', { class: 'split-layout' }, h('section', { id: 'invoice-list', class: 'card', 'aria-label': t('receivables:invoices') }), h('section', { id: 'invoice-detail', class: 'card', 'aria-label': t('receivables:selected') })),
  );
  const load = () => void refresh(filter.value, customer.value);
  if (user.roles.includes('Collector')) {
    append(byId('main'), statementForm(message => {
      byId('receivables-status').textContent = message;
      load();
    }));
  }
  filter.addEventListener('change', load);
  customer.addEventListener('change', load);
  [reasons, disputes] = await Promise.all([receivables.reasons(), receivables.disputes()]);
  if (!isCustomer) {
    for (const c of await receivables.customers()) {
      append(customer, h('option', { value: c.id }, `${c.legalName} (${c.id})`));
    }
  }
  await refresh('open', '');
});

async function refresh(status: string, customer: string, select?: string): Promise<void> {
  invoices = await receivables.invoices(status, customer);
  renderTotals();
  const list = byId('invoice-list');
  if (invoices.length === 0) {
    list.replaceChildren(h('p', { 'data-test': 'no-invoices' }, t('receivables:none')));
    byId('invoice-detail').replaceChildren(h('p', { class: 'muted' }, t('receivables:selectOne')));
    return;
  }
  const body = h('tbody', {});
  for (const i of invoices) {
    append(
      body,
      h(
        'tr',
        { 'data-invoice': i.number, class: i.overdue ? 'overdue' : null },
        h('td', {}, h('button', { type: 'button', class: 'link-button', onclick: () => void show(i.number) }, i.number)),
        h('td', {}, i.customerId),
        h('td', {}, date(i.dueDate)),
        h('td', { class: 'num' }, money(i.grossAmount, i.currency)),
        h('td', { class: 'num' }, money(i.openAmount, i.currency)),
        h('td', { class: 'num' }, i.disputedAmount > 0 ? money(i.disputedAmount, i.currency) : '—'),
        h('td', {}, i.settledOn ? t('receivables:settledOn', { date: date(i.settledOn) }) : i.overdue ? `${t('receivables:overdue')}${i.reminderLevel > 0 ? ` · ${t('receivables:reminder', { level: i.reminderLevel })}` : ''}` : t('receivables:notDue')),
      ),
    );
  }
  list.replaceChildren(
    h(
      'table',
      { class: 'data-table', 'data-test': 'invoice-table' },
      h('thead', {}, h('tr', {}, h('th', {}, t('receivables:colInvoice')), h('th', {}, t('receivables:customer')), h('th', {}, t('receivables:colDue')), h('th', { class: 'num' }, t('receivables:colAmount')), h('th', { class: 'num' }, t('receivables:open')), h('th', { class: 'num' }, t('receivables:disputed')), h('th', {}, t('receivables:colState')))),
      body,
    ),
  );
  await show(select && invoices.some(i => i.number === select) ? select : invoices[0]!.number);
}

function renderTotals(): void {
  const currency = invoices[0]?.currency ?? 'EUR';
  const sum = (pick: (i: InvoiceSummary) => number) => invoices.reduce((total, i) => total + pick(i), 0);
  byId('totals').replaceChildren(
    h('div', { class: 'total' }, h('span', {}, t('receivables:open')), h('strong', { 'data-test': 'total-open' }, money(sum(i => i.openAmount), currency))),
    h('div', { class: 'total' }, h('span', {}, t('receivables:overdue')), h('strong', {}, money(sum(i => (i.overdue ? i.openAmount : 0)), currency))),
    h('div', { class: 'total' }, h('span', {}, t('receivables:disputed')), h('strong', {}, money(sum(i => i.disputedAmount), currency))),
  );
}

/** The invoice the user asked to see last: an earlier answer arriving late must not replace it. */
let showing = '';

async function show(number: string): Promise<void> {
  showing = number;
  for (const row of document.querySelectorAll<HTMLTableRowElement>('tr[data-invoice]')) {
    row.classList.toggle('selected', row.dataset.invoice === number);
  }
  const [details, promises] = await Promise.all([receivables.invoice(number), receivables.promises(number)]);
  if (showing !== number) {
    return;
  }
  const i = details.invoice;
  const m = details.mentions;
  const detail = byId('invoice-detail');
  detail.replaceChildren();
  const facts = h('dl', { class: 'facts', 'data-test': 'invoice-facts' });
  const fact = (label: string, value: string) => append(facts, h('dt', {}, label), h('dd', {}, value));
  fact(t('receivables:dueDate'), `${date(m.dueDate)} (${m.paymentTerms})`);
  fact(t('receivables:colAmount'), t('receivables:amountLine', { net: money(m.netAmount, i.currency), vat: money(m.vatAmount, i.currency), gross: money(m.grossAmount, i.currency) }));
  fact(t('receivables:open'), money(i.openAmount, i.currency));
  fact(t('receivables:latePayment'), m.penaltyClause);
  fact(t('receivables:recoveryIndemnity'), money(m.recoveryIndemnity, 'EUR'));
  fact(t('receivables:seller'), t('receivables:ids', { siren: m.sellerSiren, vat: m.sellerVatNumber }));
  fact(t('receivables:customer'), t('receivables:ids', { siren: m.customerSiren, vat: m.customerVatNumber }));
  if (details.lateInterest > 0 || details.indemnityCharged > 0) {
    fact(t('receivables:charged'), t('receivables:chargedLine', { interest: money(details.lateInterest, i.currency), indemnity: money(details.indemnityCharged, 'EUR') }));
  }
  const documentLink = (number: string, label: string) =>
    h('a', { href: `/api/invoices/${encodeURIComponent(number)}/document`, download: `${number}.pdf`, 'data-test': 'document-link' }, label);
  const documents = h('p', { class: 'documents' }, documentLink(i.number, t('receivables:invoicePdf', { number: i.number })));
  for (const c of details.creditNotes) {
    append(documents, ' · ', documentLink(c.number, t('receivables:creditNotePdf', { number: c.number })));
  }
  for (const corrected of details.correction.correctedByInvoiceNumbers) {
    append(documents, ' · ', documentLink(corrected, t('receivables:correctedInvoicePdf', { number: corrected })));
  }
  const correction = h('p', { class: 'correction', 'data-test': 'invoice-correction' });
  if (details.correction.correctsInvoiceNumber) {
    append(correction, t('receivables:correctsInvoice', { invoice: details.correction.correctsInvoiceNumber, creditNote: details.correction.correctionCreditNoteNumber ?? '' }));
  }
  for (const corrected of details.correction.correctedByInvoiceNumbers) {
    append(correction, ' ', t('receivables:correctedBy', { number: corrected }));
  }
  append(detail, h('h2', {}, t('receivables:invoiceTitle', { number: i.number })), documents);
  if (correction.childNodes.length > 0) {
    append(detail, correction);
  }
  append(detail, facts);
  const isCustomer = user.roles.includes('Customer');
  const events = [
    ...details.payments.map(p => `${date(p.receivedOn)} · ${t('receivables:payment', { reference: p.reference, amount: money(p.amount, i.currency) })}`),
    ...details.creditNotes.map(c => `${date(c.issueDate)} · ${t('receivables:creditNote', { number: c.number, amount: money(c.amount, i.currency) })} (${c.reason})`),
    ...disputes
      .filter(d => d.invoiceNumber === i.number)
      .map(d => {
        // The customer reads the reason's words, never the code nor the department it was routed to.
        const routed = !isCustomer && d.department ? ` → ${departmentLabel(d.department)}` : '';
        const state = d.outcome ? stateLabel('disputeOutcome', d.outcome) : stateLabel('disputeState', d.status);
        return `${date(d.raisedAt)} · ${t('receivables:dispute', { number: d.number, amount: money(d.amount, d.currency) })} ${reasonLabel(d.reasonCode, reasons.find(r => r.code === d.reasonCode)?.label)}${routed} (${state})`;
      }),
    ...promises.map(p => `${date(p.promisedFor)} · ${t('receivables:promise', { amount: money(p.amount, i.currency) })} (${stateLabel('promiseState', p.status)})`),
  ];
  append(detail, h('h3', {}, t('receivables:history')), events.length > 0 ? h('ul', { class: 'history', 'data-test': 'invoice-history' }, ...events.map(e => h('li', {}, e))) : h('p', { class: 'muted' }, t('receivables:nothingYet')));
  const open = i.openAmount > 0;
  const done = (message: string) => {
    byId('receivables-status').textContent = message;
    void receivables.disputes().then(d => {
      disputes = d;
      return refresh((byId<HTMLSelectElement>('invoice-filter')).value, (byId<HTMLSelectElement>('customer-filter')).value, i.number);
    });
  };
  if (open && i.openAmount - i.disputedAmount > 0 && user.roles.some(r => DisputeRoles.includes(r))) {
    append(detail, disputeForm(i, reasons, done));
  }
  if (open && user.roles.some(r => PromiseRoles.includes(r))) {
    append(detail, promiseForm(i, done));
  }
}
