import { register, tOr } from '../i18n/i18n';

/**
 * The shipped workflows' user tasks, their answer fields and the variables their forms show, in words of the page's
 * language. A BPMN element's name is the process owner's text (often English); a task of a shipped process is named
 * here by process and element id, and any other keeps its element's name.
 */
const fr = {
  names: {
    'credit-release': {
      review: 'Libérer ou refuser la commande bloquée',
      secondReview: 'Seconde approbation de la libération (un autre responsable crédit)',
    },
    dispute: {
      resolveBySalesAdministration: 'Résoudre le litige (administration des ventes)',
      resolveBySalesperson: 'Résoudre le litige (commercial)',
      resolveByQuality: 'Résoudre le litige (qualité)',
      resolveByCollector: 'Résoudre le litige (recouvrement)',
      resolveByCreditManager: 'Résoudre le litige (gestion du crédit)',
      followUp: 'Relancer le responsable du litige en retard',
    },
    dunning: {
      call: 'Appeler le client cordialement et noter la raison du retard',
      handOver: 'Transmettre la créance au recouvrement contentieux',
    },
    'unapplied-cash': { apply: 'Affecter l’encaissement non lettré à une facture' },
    'order-to-cash': { correctTerms: 'Corriger les conditions de paiement' },
  },
  fields: {
    decision: 'Décision',
    comment: 'Commentaire',
    orderNumber: 'Commande',
    customerId: 'Client',
    amount: 'Montant',
    releaseNeedsSecondApprover: 'Double approbation requise',
    outcome: 'Résultat',
    refusalReason: 'Motif du refus',
    termsRefusal: 'Conditions refusées (L441-10)',
    termDays: 'Délai de paiement (jours)',
    termBasis: 'Point de départ du délai',
    termsAgreedInContract: 'Conditions prévues au contrat',
    periodicInvoice: 'Facture périodique',
  },
  choices: { decision: { release: 'Libérer la commande', reject: 'Refuser la commande' } },
};

register<typeof fr>('taskNames', {
  fr,
  en: {
    names: {
      'credit-release': {
        review: 'Release or reject the blocked order',
        secondReview: 'Second approval of the release (another credit manager)',
      },
      dispute: {
        resolveBySalesAdministration: 'Resolve the dispute (sales administration)',
        resolveBySalesperson: 'Resolve the dispute (sales)',
        resolveByQuality: 'Resolve the dispute (quality)',
        resolveByCollector: 'Resolve the dispute (collections)',
        resolveByCreditManager: 'Resolve the dispute (credit management)',
        followUp: 'Follow up the overdue dispute with its owner',
      },
      dunning: {
        call: 'Call the customer cordially and record the reason for the delay',
        handOver: 'Hand the claim over to legal collection',
      },
      'unapplied-cash': { apply: 'Apply the unapplied cash to an invoice' },
      'order-to-cash': { correctTerms: 'Correct the payment terms' },
    },
    fields: {
      decision: 'Decision',
      comment: 'Comment',
      orderNumber: 'Order',
      customerId: 'Customer',
      amount: 'Amount',
      releaseNeedsSecondApprover: 'Second approver needed',
      outcome: 'Outcome',
      refusalReason: 'Reason for refusal',
      termsRefusal: 'Terms refused (L441-10)',
      termDays: 'Payment term (days)',
      termBasis: 'Term counted from',
      termsAgreedInContract: 'Terms agreed in the contract',
      periodicInvoice: 'Periodic invoice',
    },
    choices: { decision: { release: 'Release the order', reject: 'Reject the order' } },
  },
});

/** The task's name in the page's language for a shipped task, else its element's name (or id). */
export function taskName(task: { processId: string; elementId: string; name: string | null }): string {
  return tOr(`taskNames:names.${task.processId}.${task.elementId}`, task.name ?? task.elementId);
}

/** A field's or variable's label: known ones in words, others split from camelCase. */
export function fieldLabel(name: string): string {
  return tOr(`taskNames:fields.${name}`, name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/^./, c => c.toUpperCase()));
}

/** The values a text field of a credit-release task takes (its decision), with their labels; null when free. */
export function choicesFor(processId: string, field: string): [string, string][] | null {
  if (processId !== 'credit-release' || field !== 'decision') {
    return null;
  }
  return ['release', 'reject'].map(value => [value, tOr(`taskNames:choices.decision.${value}`, value)]);
}
