import { append, h } from '../shared/dom';
import { t, tOr } from '../i18n/i18n';
import { dateTime, money } from '../i18n/format';
import { problemText } from '../shared/page';
import { customers, type CustomerDetail } from './api';
import './texts';

/** Who changed what and when: each field with its value before and after. */
export async function historyPanel(customerId: string): Promise<HTMLElement> {
  const changes = await customers.history(customerId);
  const section = h('section', { class: 'panel', 'data-test': 'customer-history', 'aria-labelledby': 'history-title' }, h('h3', { id: 'history-title' }, t('customers:history')));
  if (changes.length === 0) {
    append(section, h('p', { class: 'muted' }, t('customers:noHistory')));
    return section;
  }
  const list = h('ol', { class: 'history' });
  for (const change of changes) {
    const fields = h('ul', {});
    for (const f of change.fields) {
      const label = tOr(`customers:field.${f.field}`, f.field);
      append(fields, h('li', {}, `${label} : ${f.before ?? '—'} → ${f.after ?? '—'}`));
    }
    append(list, h('li', {}, h('strong', {}, tOr(`customers:change.${change.kind}`, change.kind)), ' · ', t('customers:by', { when: dateTime(change.changedAt), who: change.changedBy }), fields));
  }
  append(section, list);
  return section;
}

/** The customer's credit-limit requests; sales asks, a credit manager grants or refuses in place. */
export async function limitRequestsPanel(customer: CustomerDetail, canAsk: boolean, canDecide: boolean, changed: (message: string) => void): Promise<HTMLElement> {
  const requests = await customers.limitRequests(customer.id);
  const section = h('section', { class: 'panel', 'data-test': 'limit-requests', 'aria-labelledby': 'requests-title' }, h('h3', { id: 'requests-title' }, t('customers:limitRequests')));
  const error = h('p', { class: 'form-error', role: 'alert' });
  const fail = (failure: unknown) => (error.textContent = problemText(failure));
  if (requests.length === 0) {
    append(section, h('p', { class: 'muted' }, t('customers:noRequests')));
  }
  const list = h('ul', { class: 'history' });
  for (const r of requests) {
    const item = h(
      'li',
      { 'data-request': r.id },
      t('customers:requestLine', { when: dateTime(r.requestedAt), who: r.requestedBy, requested: money(r.requestedLimit, customer.currency), current: money(r.currentLimit, customer.currency), reason: r.reason }),
      ' — ',
      h('strong', {}, t(`customers:requestState.${r.status}`)),
      r.status !== 'Pending' ? ` · ${t('customers:decidedLine', { state: t(`customers:requestState.${r.status}`), who: r.decidedBy ?? '', granted: r.grantedLimit === null ? '—' : money(r.grantedLimit, customer.currency), comment: r.decisionComment ?? '' })}` : null,
    );
    if (r.status === 'Pending' && canDecide) {
      const granted = h('input', { id: `granted-${r.id}`, type: 'number', step: '0.01', min: '0', value: String(r.requestedLimit) });
      const comment = h('input', { id: `comment-${r.id}`, type: 'text' });
      const decide = (approve: boolean) => () =>
        void customers
          .decideLimit(r.id, approve, approve ? Number(granted.value) : null, comment.value.trim())
          .then(() => changed(t('customers:decided')))
          .catch(fail);
      append(
        item,
        h(
          'div',
          { class: 'inline-form' },
          h('div', { class: 'field' }, h('label', { for: granted.id }, t('customers:grantedLimit')), granted),
          h('div', { class: 'field' }, h('label', { for: comment.id }, t('customers:comment')), comment),
          h('button', { type: 'button', class: 'button button-primary', 'data-test': 'approve-limit', onclick: decide(true) }, t('customers:approve')),
          h('button', { type: 'button', class: 'button', 'data-test': 'reject-limit', onclick: decide(false) }, t('customers:reject')),
        ),
      );
    }
    append(list, item);
  }
  if (requests.length > 0) {
    append(section, list);
  }
  if (canAsk && !requests.some(r => r.status === 'Pending')) {
    const amount = h('input', { id: 'requested-limit', type: 'number', step: '0.01', min: '0' });
    const reason = h('input', { id: 'request-reason', type: 'text', maxlength: 1000 });
    const form = h(
      'form',
      { class: 'inline-form', 'data-test': 'ask-limit', novalidate: true },
      h('div', { class: 'field' }, h('label', { for: 'requested-limit' }, t('customers:requestedLimit')), amount),
      h('div', { class: 'field' }, h('label', { for: 'request-reason' }, t('customers:reason')), reason),
      h('button', { type: 'submit', class: 'button' }, t('customers:ask')),
    );
    form.addEventListener('submit', event => {
      event.preventDefault();
      void customers
        .requestLimit(customer.id, Number(amount.value), reason.value.trim())
        .then(() => changed(t('customers:asked')))
        .catch(fail);
    });
    append(section, h('h4', {}, t('customers:askLimit')), form);
  }
  append(section, error);
  return section;
}
