import { append, h } from '../shared/dom';
import { t } from '../i18n/i18n';
import { date, dateTime, money } from '../i18n/format';
import { reasonLabel, roleLabel, stateLabel } from '../i18n/labels';
import { collections, type ContactLogEntry, type NextLadderStep } from './api';
import { contactForm } from './contact-form';
import './texts';

/** "Formal reminder on 9 Dec 2026", or "reminders paused" when the ladder has no step coming. */
export function nextStepText(step: NextLadderStep | null): string {
  return step ? t('collections:stepOn', { step: stateLabel('reminderStep', step.step), date: date(step.on) }) : t('collections:paused');
}

function logList(entries: ContactLogEntry[]): HTMLElement {
  if (entries.length === 0) {
    return h('p', { class: 'muted', 'data-test': 'contact-log-empty' }, t('collections:logEmpty'));
  }
  return h(
    'ul',
    { class: 'history contact-log', 'data-test': 'contact-log' },
    ...entries.map(e =>
      h(
        'li',
        { 'data-outcome': e.outcome },
        h('strong', {}, t('collections:logLine', { date: dateTime(e.recordedAt), kind: stateLabel('contactKind', e.kind), outcome: stateLabel('contactOutcome', e.outcome), by: e.recordedBy })),
        e.contactName ? ` · ${e.contactName}` : '',
        e.invoiceNumber ? ` · ${e.invoiceNumber}` : '',
        e.promiseId ? ` · ${t('collections:promiseRecorded')}` : '',
        e.note ? h('div', {}, e.note) : null,
        e.nextAction && e.nextActionOn ? h('div', { class: 'muted' }, t('collections:nextActionLine', { action: e.nextAction, date: date(e.nextActionOn) })) : null,
      ),
    ),
  );
}

/**
 * One account in the side panel: its open invoices with the next reminder step, promises, disputes, the contact log
 * and the form to record a contact. `onRecorded` is told after a contact is saved (the list refreshes its row).
 */
export async function renderAccount(panel: HTMLElement, customerId: string, canPromise: boolean, onRecorded: (message: string) => void): Promise<void> {
  const [account, log] = await Promise.all([collections.account(customerId), collections.contacts(customerId)]);
  panel.replaceChildren();
  append(
    panel,
    h('h2', { 'data-test': 'account-title' }, t('collections:account', { name: account.legalName })),
    h('p', { class: 'muted' }, [t('collections:riskClass', { risk: account.riskClass }), t('collections:salesperson', { name: account.salesperson }), t('collections:terms', { terms: account.paymentTerms })].join(' · ')),
  );
  if (account.contacts.length > 0) {
    append(panel, h('h3', {}, t('collections:contacts')), h('ul', { class: 'history' }, ...account.contacts.map(c => h('li', {}, `${c.name} · ${c.email} · ${roleLabel(c.role)}`))));
  }
  append(panel, h('h3', {}, t('collections:openItems')));
  if (account.invoices.length === 0) {
    append(panel, h('p', { class: 'muted' }, t('collections:none')));
  } else {
    append(
      panel,
      h(
        'table',
        { class: 'data-table', 'data-test': 'account-invoices' },
        h('thead', {}, h('tr', {}, h('th', {}, t('collections:colInvoice')), h('th', {}, t('collections:colDue')), h('th', { class: 'num' }, t('collections:colOpen')), h('th', { class: 'num' }, t('collections:colDaysLate')), h('th', {}, t('collections:colNextStep')))),
        h(
          'tbody',
          {},
          ...account.invoices.map(i =>
            h(
              'tr',
              { 'data-invoice': i.number },
              h('td', {}, i.number),
              h('td', {}, date(i.dueDate)),
              h('td', { class: 'num' }, money(i.openAmount, i.currency)),
              h('td', { class: 'num' }, i.daysLate > 0 ? String(i.daysLate) : '—'),
              h('td', {}, i.promisePending ? t('collections:promisePending') : nextStepText(i.nextStep)),
            ),
          ),
        ),
      ),
    );
  }
  if (account.promises.length > 0) {
    append(
      panel,
      h('h3', {}, t('collections:promisesTitle')),
      h('ul', { class: 'history', 'data-test': 'account-promises' }, ...account.promises.map(p => h('li', { 'data-status': p.status }, t('collections:promiseLine', { amount: money(p.amount, p.currency), date: date(p.promisedFor), invoice: p.invoiceNumber, state: stateLabel('promiseState', p.status) })))),
    );
  }
  if (account.disputes.length > 0) {
    append(
      panel,
      h('h3', {}, t('collections:disputes')),
      h('ul', { class: 'history' }, ...account.disputes.map(d => h('li', {}, t('collections:disputeLine', { number: d.number, invoice: d.invoiceNumber, amount: money(d.amount, d.currency), reason: reasonLabel(d.reasonCode) })))),
    );
  }
  append(panel, h('h3', {}, t('collections:log')), logList(log.entries));
  append(
    panel,
    contactForm(account, canPromise, (_entry, message) => {
      onRecorded(message);
      void renderAccount(panel, customerId, canPromise, onRecorded);
    }),
  );
}
