import { getJson } from '../shared/api';
import { h } from '../shared/dom';
import { register, t } from '../i18n/i18n';
import { date, dateTime, money } from '../i18n/format';
import { reasonLabel } from '../i18n/labels';
import type { DisputeView, InvoiceDetails } from '../receivables/api';

register('disputePanel', {
  fr: {
    title: 'Le litige',
    comment: 'Commentaire du client',
    noComment: 'Le client n’a pas laissé de commentaire.',
    reason: 'Motif',
    disputed: 'Montant contesté',
    raised: 'Ouvert par {{by}} le {{at}}',
    invoice: 'Facture {{number}} du {{issued}}, échéance {{due}}',
    gross: 'Montant TTC',
    open: 'Reste dû',
    unavailable: 'Le litige n’a pas pu être lu.',
  },
  en: {
    title: 'The dispute',
    comment: 'The customer’s comment',
    noComment: 'The customer left no comment.',
    reason: 'Reason',
    disputed: 'Disputed amount',
    raised: 'Raised by {{by}} on {{at}}',
    invoice: 'Invoice {{number}} of {{issued}}, due {{due}}',
    gross: 'Amount incl. VAT',
    open: 'Open amount',
    unavailable: 'The dispute could not be read.',
  },
});

/**
 * What the owner of a dispute decides on (a task of the dispute process): the customer's comment, the reason and the
 * amount contested, and the invoice's amounts. Null for other tasks.
 */
export async function disputePanel(processId: string, context: Record<string, unknown>): Promise<HTMLElement | null> {
  const number = context.disputeNumber;
  if (processId !== 'dispute' || typeof number !== 'string') {
    return null;
  }
  try {
    const dispute = await getJson<DisputeView>(`/api/disputes/${encodeURIComponent(number)}`);
    const { invoice } = await getJson<InvoiceDetails>(`/api/invoices/${encodeURIComponent(dispute.invoiceNumber)}`);
    return h(
      'section',
      { class: 'credit-check', 'data-test': 'dispute-facts', 'aria-label': t('disputePanel:title') },
      h('h3', {}, t('disputePanel:title')),
      h('p', { class: 'muted' }, t('disputePanel:raised', { by: dispute.raisedBy, at: dateTime(dispute.raisedAt) })),
      dispute.comment
        ? h('blockquote', { 'data-test': 'dispute-comment', 'aria-label': t('disputePanel:comment') }, dispute.comment)
        : h('p', { class: 'muted', 'data-test': 'dispute-comment' }, t('disputePanel:noComment')),
      h(
        'dl',
        { class: 'facts' },
        h('dt', {}, t('disputePanel:reason')),
        h('dd', {}, reasonLabel(dispute.reasonCode)),
        h('dt', {}, t('disputePanel:disputed')),
        h('dd', { 'data-test': 'disputed-amount' }, money(dispute.amount, dispute.currency)),
        h('dt', {}, t('disputePanel:gross')),
        h('dd', {}, money(invoice.grossAmount, invoice.currency)),
        h('dt', {}, t('disputePanel:open')),
        h('dd', {}, money(invoice.openAmount, invoice.currency)),
      ),
      h('p', { class: 'small' }, t('disputePanel:invoice', { number: invoice.number, issued: date(invoice.issueDate), due: date(invoice.dueDate) })),
    );
  } catch {
    return h('p', { class: 'muted' }, t('disputePanel:unavailable'));
  }
}
