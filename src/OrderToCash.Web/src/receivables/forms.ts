import { ApiError } from '../shared/api';
import { append, h } from '../shared/dom';
import { receivables, type InvoiceSummary, type Reason } from './api';

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
        error.textContent = failure instanceof ApiError ? describe(failure) : 'The server could not be reached; try again.';
      });
  });
  return form;
}

/** The problem's title and, for a validation problem, each field's messages. */
function describe(error: ApiError): string {
  const errors = error.problem?.errors;
  if (errors && typeof errors === 'object') {
    const lines = Object.values(errors as Record<string, string[]>).flat();
    if (lines.length > 0) {
      return lines.join(' ');
    }
  }
  return error.title;
}

function field(id: string, label: string, input: HTMLElement): HTMLElement {
  return h('div', { class: 'field' }, h('label', { for: id }, label), input);
}

export function disputeForm(invoice: InvoiceSummary, reasons: Reason[], done: (message: string) => void): HTMLElement {
  const contestable = Math.max(0, invoice.openAmount - invoice.disputedAmount);
  const amount = h('input', { id: 'dispute-amount', type: 'number', step: '0.01', min: '0.01', max: String(contestable), value: String(contestable) });
  const reason = h('select', { id: 'dispute-reason' });
  for (const r of reasons.filter(x => x.kind === 'Dispute')) {
    append(reason, h('option', { value: r.code }, r.label));
  }
  const comment = h('textarea', { id: 'dispute-comment', rows: 3, maxlength: 2000 });
  return actionForm(
    'dispute-form',
    'Contest this invoice',
    [field('dispute-amount', `Amount contested (at most ${contestable.toFixed(2)} ${invoice.currency})`, amount), field('dispute-reason', 'Why', reason), field('dispute-comment', 'Comment', comment)],
    'Raise the dispute',
    () => receivables.raiseDispute(invoice.number, { amount: Number(amount.value), reasonCode: reason.value, comment: comment.value.trim() || null }),
    done,
    `Dispute raised on ${invoice.number}: only the contested amount stops the reminders.`,
  );
}

export function promiseForm(invoice: InvoiceSummary, done: (message: string) => void): HTMLElement {
  const amount = h('input', { id: 'promise-amount', type: 'number', step: '0.01', min: '0.01', value: String(invoice.openAmount - invoice.disputedAmount) });
  const date = h('input', { id: 'promise-date', type: 'date' });
  return actionForm(
    'promise-form',
    'Promise a payment',
    [field('promise-amount', `Amount (${invoice.currency})`, amount), field('promise-date', 'Paid by', date)],
    'Record the promise',
    () => receivables.promise(invoice.number, { amount: Number(amount.value), promisedFor: date.value }),
    done,
    `Promise recorded on ${invoice.number}: the reminders pause until its date.`,
  );
}
