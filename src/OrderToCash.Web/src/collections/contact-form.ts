import { append, h } from '../shared/dom';
import { problemText } from '../shared/page';
import { t } from '../i18n/i18n';
import { money } from '../i18n/format';
import { stateLabel } from '../i18n/labels';
import { collections, type Account, type ContactLogEntry } from './api';
import './texts';

const Kinds = ['Call', 'Email', 'Note'];
const Outcomes = ['Reached', 'NoAnswer', 'LeftMessage', 'PromiseToPay', 'SaysPaid', 'Contests', 'CannotPay', 'Information'];

function field(id: string, label: string, input: HTMLElement, hidden = false): HTMLElement {
  return h('div', { class: 'field', hidden, 'data-field': id }, h('label', { for: id }, label), input);
}

/**
 * The form that records a call, an e-mail or a note in the customer's log; with the outcome "promise to pay" (a
 * collector's), it asks the invoice, amount and date and the server records the promise with the contact.
 */
export function contactForm(account: Account, canPromise: boolean, done: (entry: ContactLogEntry, message: string) => void): HTMLElement {
  const kind = h('select', { id: 'contact-kind' }, ...Kinds.map(k => h('option', { value: k }, stateLabel('contactKind', k))));
  const outcome = h('select', { id: 'contact-outcome' }, ...Outcomes.filter(o => canPromise || o !== 'PromiseToPay').map(o => h('option', { value: o }, stateLabel('contactOutcome', o))));
  const contactName = h('input', { id: 'contact-name', type: 'text', maxlength: 200, autocomplete: 'off' });
  const note = h('textarea', { id: 'contact-note', rows: 3, maxlength: 2000 });
  const invoice = h('select', { id: 'contact-invoice' }, h('option', { value: '' }, t('collections:noInvoice')));
  for (const i of account.invoices) {
    append(invoice, h('option', { value: i.number }, `${i.number} · ${money(i.openAmount, i.currency)}`));
  }
  const currency = account.invoices[0]?.currency ?? 'EUR';
  const amount = h('input', { id: 'promise-amount', type: 'number', step: '0.01', min: '0.01' });
  const promisedFor = h('input', { id: 'promise-date', type: 'date' });
  const nextAction = h('input', { id: 'next-action', type: 'text', maxlength: 200, autocomplete: 'off' });
  const nextActionOn = h('input', { id: 'next-action-on', type: 'date' });
  const amountField = field('promise-amount', t('collections:promiseAmount', { currency }), amount, true);
  const dateField = field('promise-date', t('collections:promiseDate'), promisedFor, true);
  const showPromise = () => {
    const promising = outcome.value === 'PromiseToPay';
    amountField.hidden = !promising;
    dateField.hidden = !promising;
    const chosen = account.invoices.find(i => i.number === invoice.value);
    if (promising && chosen && !amount.value) {
      amount.value = String(Math.max(0, chosen.openAmount - chosen.disputedAmount));
    }
  };
  outcome.addEventListener('change', showPromise);
  invoice.addEventListener('change', () => {
    amount.value = '';
    showPromise();
  });

  const error = h('p', { class: 'form-error', role: 'alert', 'data-test': 'contact-error' });
  const submit = h('button', { type: 'submit', class: 'button button-primary', 'data-test': 'contact-save' }, t('collections:save'));
  const form = h('form', { class: 'action-form', 'data-test': 'contact-form', novalidate: true }, h('h3', {}, t('collections:form')));
  append(
    form,
    h('div', { class: 'form-row' }, field('contact-kind', t('collections:kind'), kind), field('contact-outcome', t('collections:outcome'), outcome)),
    field('contact-name', t('collections:contactName'), contactName),
    field('contact-invoice', t('collections:invoice'), invoice),
    h('div', { class: 'form-row' }, amountField, dateField),
    field('contact-note', t('collections:note'), note),
    h('div', { class: 'form-row' }, field('next-action', t('collections:nextAction'), nextAction), field('next-action-on', t('collections:nextActionOn'), nextActionOn)),
    error,
    submit,
  );
  const text = (input: HTMLInputElement | HTMLTextAreaElement) => input.value.trim() || null;
  form.addEventListener('submit', event => {
    event.preventDefault();
    submit.disabled = true;
    error.textContent = '';
    const promising = outcome.value === 'PromiseToPay';
    collections
      .recordContact(account.customerId, {
        kind: kind.value,
        outcome: outcome.value,
        contactName: text(contactName),
        note: text(note),
        invoiceNumber: invoice.value || null,
        nextAction: text(nextAction),
        nextActionOn: nextActionOn.value || null,
        promise: promising ? { amount: Number(amount.value), promisedFor: promisedFor.value } : null,
      })
      .then(entry => done(entry, t(promising ? 'collections:savedPromise' : 'collections:saved', { name: account.legalName })))
      .catch((failure: unknown) => {
        submit.disabled = false;
        error.textContent = problemText(failure);
      });
  });
  return form;
}
