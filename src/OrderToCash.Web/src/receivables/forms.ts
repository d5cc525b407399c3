import { append, h } from '../shared/dom';
import { receivables, type InvoiceSummary, type Reason } from './api';
import { t } from '../i18n/i18n';
import { money } from '../i18n/format';
import { reasonLabel } from '../i18n/labels';
import { problemText } from '../shared/page';
import './texts';

/** A form that posts once, shows the server's refusal in words, and calls back on success. */
function actionForm(testId: string, title: string, fields: HTMLElement[], submitLabel: string, send: () => Promise<unknown>, done: (message: string) => void, successMessage: string): HTMLElement {
  const error = h('p', { class: 'form-error', role: 'alert', 'data-test': `${testId}-error` });
  const submit = h('button', { type: 'submit', class: 'button button-primary' }, submitLabel);
  const form = h('form', { class: 'action-form', 'data-test': testId, novalidate: true }, h('h3', {}, title));
  append(form, ...fields, error, submit);
  form.addEventListener('submit', event => {
    event.preventDefault();
    submit.disabled = true;
    error.textContent = '';
    send()
      .then(() => done(successMessage))
      .catch((failure: unknown) => {
        submit.disabled = false;
        error.textContent = problemText(failure);
      });
  });
  return form;
}

function field(id: string, label: string, input: HTMLElement): HTMLElement {
  return h('div', { class: 'field' }, h('label', { for: id }, label), input);
}

export function disputeForm(invoice: InvoiceSummary, reasons: Reason[], done: (message: string) => void): HTMLElement {
  const contestable = Math.max(0, invoice.openAmount - invoice.disputedAmount);
  const amount = h('input', { id: 'dispute-amount', type: 'number', step: '0.01', min: '0.01', max: String(contestable), value: String(contestable) });
  const reason = h('select', { id: 'dispute-reason' });
  for (const r of reasons.filter(x => x.kind === 'Dispute')) {
    append(reason, h('option', { value: r.code }, reasonLabel(r.code, r.label)));
  }
  const comment = h('textarea', { id: 'dispute-comment', rows: 3, maxlength: 2000 });
  return actionForm(
    'dispute-form',
    t('receivables:contest'),
    [field('dispute-amount', t('receivables:contestAmount', { max: money(contestable, invoice.currency) }), amount), field('dispute-reason', t('receivables:why'), reason), field('dispute-comment', t('receivables:comment'), comment)],
    t('receivables:raise'),
    () => receivables.raiseDispute(invoice.number, { amount: Number(amount.value), reasonCode: reason.value, comment: comment.value.trim() || null }),
    done,
    t('receivables:raised', { number: invoice.number }),
  );
}

export function promiseForm(invoice: InvoiceSummary, done: (message: string) => void): HTMLElement {
  const amount = h('input', { id: 'promise-amount', type: 'number', step: '0.01', min: '0.01', value: String(invoice.openAmount - invoice.disputedAmount) });
  const date = h('input', { id: 'promise-date', type: 'date' });
  return actionForm(
    'promise-form',
    t('receivables:promiseTitle'),
    [field('promise-amount', t('receivables:promiseAmount', { currency: invoice.currency }), amount), field('promise-date', t('receivables:paidBy'), date)],
    t('receivables:recordPromise'),
    () => receivables.promise(invoice.number, { amount: Number(amount.value), promisedFor: date.value }),
    done,
    t('receivables:promised', { number: invoice.number }),
  );
}
