import { append, byId, h } from '../shared/dom';
import { problemText, startPage } from '../shared/page';
import { t } from '../i18n/i18n';
import { date, dateTime, money } from '../i18n/format';
import { creditRuleLabel } from '../i18n/labels';
import { credit, type BlockedOrder, type CreditCockpit, type LimitRequest, type Review } from '../credit/api';
import '../credit/texts';
import '../styles/collections.css';

let today = '';

void startPage('/credit', async () => {
  byId('main').replaceChildren(
    h('section', { class: 'page-intro' }, h('h1', {}, t('credit:title')), h('p', { class: 'lead' }, t('credit:lead'))),
    h('p', { id: 'credit-status', class: 'muted', role: 'status', 'aria-live': 'polite' }),
    h('section', { id: 'credit-blocked', class: 'card', 'aria-labelledby': 'credit-blocked-title' }),
    h('section', { id: 'credit-requests', class: 'card', 'aria-labelledby': 'credit-requests-title' }),
    h('section', { id: 'credit-reviews', class: 'card', 'aria-labelledby': 'credit-reviews-title' }),
  );
  await load();
});

async function load(): Promise<void> {
  const cockpit = await credit.cockpit();
  today = cockpit.today;
  renderBlocked(cockpit);
  renderRequests(cockpit.limitRequests);
  renderReviews(cockpit.reviews);
}

function setStatus(message: string, error = false): void {
  const status = byId('credit-status');
  status.textContent = message;
  status.classList.toggle('form-error', error);
}

function fourEyes(order: BlockedOrder): string {
  if (order.firstApprover) {
    return t('credit:fourEyesFirst', { user: order.firstApprover });
  }
  return order.needsSecondApprover ? t('credit:fourEyesNeeded') : t('credit:fourEyesNone');
}

function taskState(order: BlockedOrder): string {
  if (!order.task) {
    return t('credit:noTask');
  }
  return order.task.status === 'Claimed' ? t('credit:taskClaimed', { user: order.task.assignee ?? '' }) : t('credit:taskOpen');
}

function renderBlocked(cockpit: CreditCockpit): void {
  const title = h('h2', { id: 'credit-blocked-title' }, `${t('credit:blocked')} (${cockpit.blockedTotal})`);
  const container = byId('credit-blocked');
  if (cockpit.blockedOrders.length === 0) {
    container.replaceChildren(title, h('p', {}, t('credit:noBlocked')));
    return;
  }
  const heads = ['colOrder', 'colCustomer', 'colBlock', 'colAmount', 'colHeadroom', 'colFourEyes', 'colTask'].map(k => h('th', {}, t(`credit:${k}`)));
  const body = h('tbody', {});
  for (const order of cockpit.blockedOrders) {
    const panelRow = h('tr', { class: 'detail-row', hidden: true }, h('td', { colspan: 8 }));
    append(
      body,
      h(
        'tr',
        { 'data-order': order.number },
        h('td', {}, order.number, h('div', { class: 'small muted' }, date(order.enteredAt))),
        h('td', {}, order.legalName, h('div', { class: 'small muted' }, `${order.customerId} · ${t('credit:riskClass', { value: order.riskClass })}`)),
        h('td', {}, t(`credit:${order.status}`)),
        h('td', { class: 'num' }, money(order.grossTotal, order.currency)),
        h('td', { class: order.headroom < 0 ? 'num form-error' : 'num' }, money(order.headroom, order.currency)),
        h('td', { class: 'small' }, fourEyes(order)),
        h('td', { class: 'small' }, taskState(order)),
        h(
          'td',
          {},
          order.task
            ? h('button', { type: 'button', class: 'button button-small', 'aria-expanded': 'false', 'aria-label': t('credit:decideLabel', { order: order.number }), onclick: (event: Event) => toggle(event.currentTarget as HTMLButtonElement, panelRow, order) }, t('credit:decide'))
            : null,
        ),
      ),
      panelRow,
    );
  }
  container.replaceChildren(title, h('div', { class: 'table-scroll' }, h('table', { class: 'data-table', 'data-test': 'blocked-orders' }, h('thead', {}, h('tr', {}, ...heads, h('th', {}, ''))), body)));
  if (cockpit.blockedTotal > cockpit.blockedOrders.length) {
    append(container, h('p', { class: 'small muted' }, t('credit:more', { shown: cockpit.blockedOrders.length, total: cockpit.blockedTotal })));
  }
}

function toggle(button: HTMLButtonElement, row: HTMLTableRowElement, order: BlockedOrder): void {
  const open = row.hidden;
  row.hidden = !open;
  button.setAttribute('aria-expanded', String(open));
  if (open) {
    row.firstElementChild!.replaceChildren(decisionPanel(order));
  }
}

/** What the decision rests on (rules, exposure by component, history, first approval) and the decision itself. */
function decisionPanel(order: BlockedOrder): HTMLElement {
  const id = `decision-${order.number}`;
  const decision = h('select', { id: `${id}-decision` }, h('option', { value: 'release' }, t('credit:release')), h('option', { value: 'reject' }, t('credit:reject')));
  const comment = h('textarea', { id: `${id}-comment`, rows: 2, maxlength: 1000, required: true });
  const form = h(
    'form',
    { class: 'decision-form', 'data-test': 'decision-form' },
    h('div', { class: 'field' }, h('label', { for: `${id}-decision` }, t('credit:decision')), decision),
    h('div', { class: 'field' }, h('label', { for: `${id}-comment` }, t('credit:comment')), comment),
    h('button', { type: 'submit', class: 'button button-primary' }, t('credit:send')),
  );
  form.addEventListener('submit', event => {
    event.preventDefault();
    void decide(order, decision.value as 'release' | 'reject', comment.value.trim());
  });
  const figure = (label: string, value: number, test?: string) => [h('dt', {}, t(`credit:${label}`)), h('dd', { class: 'num', 'data-test': test ?? null }, money(value, order.currency))];
  return h(
    'div',
    { class: 'decision-panel', 'data-test': 'decision-panel' },
    h('h3', {}, t('credit:failed')),
    h('ul', { 'data-test': 'failed-rules' }, ...order.reasons.map(r => h('li', {}, creditRuleLabel(r)))),
    h(
      'dl',
      { class: 'facts' },
      ...figure('limit', order.creditLimit),
      ...figure('openOrders', order.openOrders),
      ...figure('deliveredNotInvoiced', order.deliveredNotInvoiced),
      ...figure('openReceivables', order.openReceivables),
      ...figure('exposure', order.exposure),
      ...figure('headroom', order.headroom, 'headroom'),
    ),
    h(
      'p',
      { class: 'small' },
      order.overdueAmount > 0 ? t('credit:overdue', { amount: money(order.overdueAmount, order.currency), days: order.oldestOverdueDays }) : t('credit:noOverdue'),
      ' · ',
      t('credit:paid', { count: order.paidInvoices }),
    ),
    order.firstApprover ? h('p', { 'data-test': 'first-approval' }, t('credit:firstApproval', { user: order.firstApprover, comment: order.firstApprovalComment ?? '' })) : null,
    form,
  );
}

async function decide(order: BlockedOrder, decision: 'release' | 'reject', comment: string): Promise<void> {
  if (!comment) {
    setStatus(t('credit:commentMissing'), true);
    return;
  }
  try {
    if (order.task!.status === 'Open') {
      await credit.claim(order.task!.id);
    }
    await credit.complete(order.task!.id, decision, comment);
    setStatus(t('credit:sent', { order: order.number }));
    await load();
  } catch (error) {
    setStatus(problemText(error), true);
  }
}

function renderRequests(requests: LimitRequest[]): void {
  const title = h('h2', { id: 'credit-requests-title' }, `${t('credit:requests')} (${requests.length})`);
  const container = byId('credit-requests');
  if (requests.length === 0) {
    container.replaceChildren(title, h('p', {}, t('credit:noRequests')));
    return;
  }
  const heads = ['colCustomer', 'colCurrent', 'colRequested', 'colReason', 'colRequestedBy', 'granted', 'decisionComment'].map(k => h('th', {}, t(`credit:${k}`)));
  container.replaceChildren(
    title,
    h(
      'div',
      { class: 'table-scroll' },
      h(
        'table',
        { class: 'data-table', 'data-test': 'limit-requests' },
        h('thead', {}, h('tr', {}, ...heads, h('th', {}, ''))),
        h('tbody', {}, ...requests.map(requestRow)),
      ),
    ),
  );
}

function requestRow(request: LimitRequest): HTMLElement {
  const granted = h('input', { type: 'number', min: 0, step: '0.01', value: String(request.requestedLimit), 'aria-label': t('credit:grantedLabel', { customer: request.legalName }) });
  const comment = h('input', { type: 'text', maxlength: 1000, 'aria-label': t('credit:decisionCommentLabel', { customer: request.legalName }) });
  const decideLimit = async (approve: boolean) => {
    try {
      await credit.decideLimit(request.id, approve, approve ? Number(granted.value) : null, comment.value.trim());
      setStatus(approve ? t('credit:approved', { customer: request.legalName, amount: money(Number(granted.value), request.currency) }) : t('credit:refused', { customer: request.legalName }));
      await load();
    } catch (error) {
      setStatus(problemText(error), true);
    }
  };
  return h(
    'tr',
    { 'data-request': request.id },
    h('td', {}, request.legalName, h('div', { class: 'small muted' }, request.customerId)),
    h('td', { class: 'num' }, money(request.currentLimit, request.currency)),
    h('td', { class: 'num' }, money(request.requestedLimit, request.currency)),
    h('td', { class: 'small' }, request.reason),
    h('td', { class: 'small' }, request.requestedBy, h('div', { class: 'muted' }, dateTime(request.requestedAt))),
    h('td', {}, granted),
    h('td', {}, comment),
    h(
      'td',
      { class: 'actions-cell' },
      h('button', { type: 'button', class: 'button button-small button-primary', 'aria-label': t('credit:approveLabel', { customer: request.legalName }), onclick: () => void decideLimit(true) }, t('credit:approve')),
      h('button', { type: 'button', class: 'button button-small', 'aria-label': t('credit:refuseLabel', { customer: request.legalName }), onclick: () => void decideLimit(false) }, t('credit:refuse')),
    ),
  );
}

function renderReviews(reviews: Review[]): void {
  const title = h('h2', { id: 'credit-reviews-title' }, `${t('credit:reviews')} (${reviews.length})`);
  const container = byId('credit-reviews');
  if (reviews.length === 0) {
    container.replaceChildren(title, h('p', {}, t('credit:noReviews')));
    return;
  }
  const due = (value: string | null) => (value ? h('span', { class: value < today ? 'form-error' : null }, date(value), value < today ? ` (${t('credit:overdueFlag')})` : '') : '—');
  container.replaceChildren(
    title,
    h(
      'div',
      { class: 'table-scroll' },
      h(
        'table',
        { class: 'data-table', 'data-test': 'reviews' },
        h('thead', {}, h('tr', {}, ...['colCustomer', 'limit', 'colReview', 'colCover'].map(k => h('th', {}, t(`credit:${k}`))))),
        h(
          'tbody',
          {},
          ...reviews.map(r =>
            h(
              'tr',
              { 'data-customer': r.customerId },
              h('td', {}, h('a', { href: `/customers?id=${encodeURIComponent(r.customerId)}` }, r.legalName), h('div', { class: 'small muted' }, `${r.customerId} · ${t('credit:riskClass', { value: r.riskClass })}`)),
              h('td', { class: 'num' }, money(r.internalCreditLimit + r.insurerCover, r.currency)),
              h('td', {}, due(r.nextReviewOn)),
              h('td', {}, r.insurerCoverExpiresOn ? t('credit:coverUntil', { amount: money(r.insurerCover, r.currency), date: date(r.insurerCoverExpiresOn) }) : '—'),
            ),
          ),
        ),
      ),
    ),
  );
}
