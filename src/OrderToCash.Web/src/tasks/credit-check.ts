import { getJson } from '../shared/api';
import { h } from '../shared/dom';
import { register, t } from '../i18n/i18n';
import { money } from '../i18n/format';
import { creditRuleLabel } from '../i18n/labels';

/** The order as GET /api/orders/{number} gives it: what the credit check found. */
interface BlockedOrder {
  number: string;
  customerId: string;
  currency: string;
  grossTotal: number;
  creditBlockReasons: string[];
  releaseNeedsSecondApprover: boolean;
  firstApprover: string | null;
  firstApprovalComment: string | null;
}

/** The customer as GET /api/customers/{id} gives it: its limit and what it owes now. */
interface CustomerCredit {
  legalName: string;
  currency: string;
  creditLimit: number;
  exposure: { total: number; headroom: number } | null;
}

register('creditCheck', {
  fr: {
    title: 'Contrôle de crédit',
    failed: 'Règles non respectées',
    noneFailed: 'Aucune règle non respectée.',
    limit: 'Limite de crédit',
    exposure: 'Encours',
    headroom: 'Disponible',
    order: 'Commande (TTC)',
    fourEyes: 'Au-dessus du seuil des quatre yeux : deux responsables crédit différents doivent libérer la commande.',
    firstApproval: 'Première approbation par {{user}} : « {{comment}} »',
    unavailable: 'Le contrôle de crédit de la commande n’a pas pu être lu.',
  },
  en: {
    title: 'Credit check',
    failed: 'Rules not met',
    noneFailed: 'No rule failed.',
    limit: 'Credit limit',
    exposure: 'Exposure',
    headroom: 'Headroom',
    order: 'Order (incl. VAT)',
    fourEyes: 'Above the four-eyes threshold: two different credit managers must release the order.',
    firstApproval: 'First approval by {{user}}: “{{comment}}”',
    unavailable: 'The order’s credit check could not be read.',
  },
});

/**
 * What a credit manager decides a blocked order on (a task of credit-release): the rules the order failed, the
 * customer's limit, exposure and headroom, and the first approval under four-eyes. Null for other tasks.
 */
export async function creditCheckPanel(processId: string, context: Record<string, unknown>): Promise<HTMLElement | null> {
  const number = context.orderNumber;
  if (processId !== 'credit-release' || typeof number !== 'string') {
    return null;
  }
  try {
    const order = await getJson<BlockedOrder>(`/api/orders/${encodeURIComponent(number)}`);
    const customer = await getJson<CustomerCredit>(`/api/customers/${encodeURIComponent(order.customerId)}`);
    const facts = h(
      'dl',
      { class: 'facts' },
      h('dt', {}, t('creditCheck:order')),
      h('dd', {}, money(order.grossTotal, order.currency)),
      h('dt', {}, t('creditCheck:limit')),
      h('dd', {}, money(customer.creditLimit, customer.currency)),
      h('dt', {}, t('creditCheck:exposure')),
      h('dd', {}, customer.exposure ? money(customer.exposure.total, customer.currency) : '—'),
      h('dt', {}, t('creditCheck:headroom')),
      h('dd', { 'data-test': 'headroom' }, customer.exposure ? money(customer.exposure.headroom, customer.currency) : '—'),
    );
    return h(
      'section',
      { class: 'credit-check', 'data-test': 'credit-check', 'aria-label': t('creditCheck:title') },
      h('h3', {}, t('creditCheck:title')),
      h('p', {}, h('strong', {}, t('creditCheck:failed'))),
      order.creditBlockReasons.length === 0
        ? h('p', { class: 'muted' }, t('creditCheck:noneFailed'))
        : h('ul', { 'data-test': 'failed-rules' }, ...order.creditBlockReasons.map(reason => h('li', {}, creditRuleLabel(reason)))),
      facts,
      order.releaseNeedsSecondApprover && h('p', { 'data-test': 'four-eyes' }, t('creditCheck:fourEyes')),
      order.firstApprover !== null && h('p', { 'data-test': 'first-approval' }, t('creditCheck:firstApproval', { user: order.firstApprover, comment: order.firstApprovalComment ?? '' })),
    );
  } catch {
    return h('p', { class: 'muted' }, t('creditCheck:unavailable'));
  }
}
