import type { CurrentUser } from '../shared/api';
import { append, byId, h } from '../shared/dom';
import { startPage } from '../shared/page';
import { receivables, money, type DisputeView, type InvoiceSummary, type Reason } from '../receivables/api';
import { disputeForm, promiseForm } from '../receivables/forms';
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
  const filter = h('select', { id: 'invoice-filter', 'aria-label': 'Which invoices' }, h('option', { value: 'open' }, 'Open'), h('option', { value: 'overdue' }, 'Overdue'), h('option', { value: 'settled' }, 'Settled'));
  const customer = h('select', { id: 'customer-filter', 'aria-label': 'Customer', hidden: isCustomer }, h('option', { value: '' }, 'All my customers'));
  byId('main').replaceChildren(
    h(
      'section',
      { class: 'page-intro' },
      h('h1', {}, isCustomer ? 'Your account' : 'Receivables'),
      h('p', { class: 'lead' }, isCustomer ? 'Your invoices, what is still open, your payments and disputes. Contest an invoice or promise a payment date here.' : 'Open and overdue invoices of the customers you follow, with their payments, credit notes, disputes and reminders.'),
    ),
    h('div', { class: 'toolbar' }, filter, customer),
    h('p', { id: 'receivables-status', class: 'muted', role: 'status', 'aria-live': 'polite' }),
    h('section', { id: 'totals', class: 'totals', 'aria-label': 'Totals' }),
    h('div', { class: 'split-layout' }, h('section', { id: 'invoice-list', class: 'card', 'aria-label': 'Invoices' }), h('section', { id: 'invoice-detail', class: 'card', 'aria-label': 'Selected invoice' })),
  );
  const load = () => void refresh(filter.value, customer.value);
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
    list.replaceChildren(h('p', { 'data-test': 'no-invoices' }, 'No invoice in this view.'));
    byId('invoice-detail').replaceChildren(h('p', { class: 'muted' }, 'Select an invoice to see its details.'));
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
        h('td', {}, i.dueDate),
        h('td', { class: 'num' }, money(i.grossAmount, i.currency)),
        h('td', { class: 'num' }, money(i.openAmount, i.currency)),
        h('td', { class: 'num' }, i.disputedAmount > 0 ? money(i.disputedAmount, i.currency) : '—'),
        h('td', {}, i.settledOn ? `Settled ${i.settledOn}` : i.overdue ? `Overdue${i.reminderLevel > 0 ? ` · reminder ${i.reminderLevel}` : ''}` : 'Not due'),
      ),
    );
  }
  list.replaceChildren(
    h(
      'table',
      { class: 'data-table', 'data-test': 'invoice-table' },
      h('thead', {}, h('tr', {}, h('th', {}, 'Invoice'), h('th', {}, 'Customer'), h('th', {}, 'Due'), h('th', { class: 'num' }, 'Amount'), h('th', { class: 'num' }, 'Open'), h('th', { class: 'num' }, 'Disputed'), h('th', {}, 'State'))),
      body,
    ),
  );
  await show(select && invoices.some(i => i.number === select) ? select : invoices[0]!.number);
}

function renderTotals(): void {
  const currency = invoices[0]?.currency ?? 'EUR';
  const sum = (pick: (i: InvoiceSummary) => number) => invoices.reduce((total, i) => total + pick(i), 0);
  byId('totals').replaceChildren(
    h('div', { class: 'total' }, h('span', {}, 'Open'), h('strong', { 'data-test': 'total-open' }, money(sum(i => i.openAmount), currency))),
    h('div', { class: 'total' }, h('span', {}, 'Overdue'), h('strong', {}, money(sum(i => (i.overdue ? i.openAmount : 0)), currency))),
    h('div', { class: 'total' }, h('span', {}, 'Disputed'), h('strong', {}, money(sum(i => i.disputedAmount), currency))),
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
  fact('Due date', `${m.dueDate} (${m.paymentTerms})`);
  fact('Amount', `${money(m.netAmount, i.currency)} + VAT ${money(m.vatAmount, i.currency)} = ${money(m.grossAmount, i.currency)}`);
  fact('Open', money(i.openAmount, i.currency));
  fact('Late payment', m.penaltyClause);
  fact('Recovery indemnity', money(m.recoveryIndemnity, 'EUR'));
  fact('Seller', `SIREN ${m.sellerSiren} · VAT ${m.sellerVatNumber}`);
  fact('Customer', `SIREN ${m.customerSiren} · VAT ${m.customerVatNumber}`);
  if (details.lateInterest > 0 || details.indemnityCharged > 0) {
    fact('Charged for paying late', `${money(details.lateInterest, i.currency)} interest + ${money(details.indemnityCharged, 'EUR')} indemnity`);
  }
  const documentLink = (number: string, label: string) =>
    h('a', { href: `/api/invoices/${encodeURIComponent(number)}/document`, download: `${number}.pdf`, 'data-test': 'document-link' }, label);
  const documents = h('p', { class: 'documents' }, documentLink(i.number, `Invoice PDF ${i.number} (Factur-X)`));
  for (const c of details.creditNotes) {
    append(documents, ' · ', documentLink(c.number, `Credit note PDF ${c.number}`));
  }
  append(detail, h('h2', {}, `Invoice ${i.number}`), documents, facts);
  const events = [
    ...details.payments.map(p => `${p.receivedOn} · payment ${p.reference}: ${money(p.amount, i.currency)}`),
    ...details.creditNotes.map(c => `${c.issueDate} · credit note ${c.number}: ${money(c.amount, i.currency)} (${c.reason})`),
    ...disputes.filter(d => d.invoiceNumber === i.number).map(d => `${d.raisedAt.slice(0, 10)} · dispute ${d.number}: ${money(d.amount, d.currency)} ${d.reasonCode}${d.department ? ` → ${d.department}` : ''} (${d.outcome ?? d.status})`),
    ...promises.map(p => `${p.promisedFor} · promise to pay ${money(p.amount, i.currency)} (${p.status})`),
  ];
  append(detail, h('h3', {}, 'History'), events.length > 0 ? h('ul', { class: 'history', 'data-test': 'invoice-history' }, ...events.map(e => h('li', {}, e))) : h('p', { class: 'muted' }, 'Nothing yet.'));
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
