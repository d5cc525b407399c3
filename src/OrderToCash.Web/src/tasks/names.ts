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
    account: 'Compte',
    accountAgeDays: 'Ancienneté du compte (jours)',
    asOf: 'Date de situation',
    blocked: 'Bloquée',
    bookedOn: 'Comptabilisé le',
    correctedAmount: 'Montant corrigé',
    currency: 'Devise',
    dealNotEntered: 'Accord commercial non saisi',
    debtor: 'Payeur',
    debtorIban: 'IBAN du payeur',
    deliveredOn: 'Livrée le',
    deliveryBlocked: 'Livraison bloquée',
    deliveryReleaseOutcome: 'Décision sur la livraison',
    department: 'Service responsable',
    disputeNumber: 'Litige',
    dueDate: 'Échéance',
    ecbRefinancingRate: 'Taux de refinancement BCE',
    escalated: 'Escaladé',
    exposure: 'Encours',
    hasOpenDispute: 'Litige en cours',
    hasPromiseToPay: 'Promesse de paiement',
    insurerCover: 'Couverture assureur-crédit',
    internalLimit: 'Limite interne',
    invoiceNumber: 'Facture',
    lateReason: 'Raison du retard',
    oldestOverdueDays: 'Retard le plus ancien (jours)',
    openAmount: 'Reste dû',
    overdueAmount: 'Montant échu',
    paidInvoiceCount: 'Factures payées',
    professionalCustomer: 'Client professionnel',
    rate: 'Taux (%)',
    reason: 'Motif',
    reasonCode: 'Motif',
    reasonOutcome: 'Suite donnée au motif',
    reference: 'Référence',
    releaseOutcome: 'Décision de libération',
    remittanceInfo: 'Libellé du virement',
    resolution: 'Résolution',
    riskClass: 'Classe de risque',
    role: 'Rôle responsable',
    segment: 'Segment',
    semester: 'Semestre',
    semesterLabel: 'Semestre',
    slaDueAt: 'À traiter avant',
    step: 'Étape de relance',
    termsRefused: 'Conditions refusées',
    transportDamage: 'Avarie de transport',
    unpaidItemCount: 'Factures impayées',
  },
  choices: {
    decision: { release: 'Libérer la commande', reject: 'Refuser la commande' },
    outcome: {
      CreditNote: 'Fondé : avoir du montant contesté',
      CorrectedInvoice: 'Fondé : facture rectificative (avoir et nouvelle facture)',
      Resend: 'Facture non reçue : la renvoyer',
      Rejected: 'Non fondé : le montant reste dû',
    },
  },
  choose: '— Choisir —',
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
      account: 'Account',
      accountAgeDays: 'Account age (days)',
      asOf: 'As of',
      blocked: 'Blocked',
      bookedOn: 'Booked on',
      correctedAmount: 'Corrected amount',
      currency: 'Currency',
      dealNotEntered: 'Deal not entered',
      debtor: 'Payer',
      debtorIban: 'Payer IBAN',
      deliveredOn: 'Delivered on',
      deliveryBlocked: 'Delivery blocked',
      deliveryReleaseOutcome: 'Delivery decision',
      department: 'Owning department',
      disputeNumber: 'Dispute',
      dueDate: 'Due date',
      ecbRefinancingRate: 'ECB refinancing rate',
      escalated: 'Escalated',
      exposure: 'Exposure',
      hasOpenDispute: 'Open dispute',
      hasPromiseToPay: 'Promise to pay',
      insurerCover: 'Credit-insurer cover',
      internalLimit: 'Internal limit',
      invoiceNumber: 'Invoice',
      lateReason: 'Reason for the delay',
      oldestOverdueDays: 'Oldest overdue (days)',
      openAmount: 'Open amount',
      overdueAmount: 'Overdue amount',
      paidInvoiceCount: 'Paid invoices',
      professionalCustomer: 'Professional customer',
      rate: 'Rate (%)',
      reason: 'Reason',
      reasonCode: 'Reason',
      reasonOutcome: 'Reason outcome',
      reference: 'Reference',
      releaseOutcome: 'Release decision',
      remittanceInfo: 'Remittance information',
      resolution: 'Resolution',
      riskClass: 'Risk class',
      role: 'Owning role',
      segment: 'Segment',
      semester: 'Semester',
      semesterLabel: 'Semester',
      slaDueAt: 'Due by',
      step: 'Reminder step',
      termsRefused: 'Terms refused',
      transportDamage: 'Transport damage',
      unpaidItemCount: 'Unpaid invoices',
    },
    choices: {
      decision: { release: 'Release the order', reject: 'Reject the order' },
      outcome: {
        CreditNote: 'Justified: credit note for the disputed amount',
        CorrectedInvoice: 'Justified: corrected invoice (credit note and new invoice)',
        Resend: 'Invoice not received: send it again',
        Rejected: 'Not justified: the amount stays owed',
      },
    },
    choose: '— Choose —',
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

/** A listed value of a field in words (known ones), else the value split from camelCase. */
export function choiceLabel(field: string, value: string): string {
  return tOr(`taskNames:choices.${field}.${value}`, value.replace(/([a-z0-9])([A-Z])/g, '$1 $2'));
}

/** Variables that are the engine's bookkeeping (decision ids, wake-up times), not what a person decides on. */
export function isBookkeeping(name: string): boolean {
  return name.endsWith('DecisionId') || name === 'wakeAt' || name === 'nextWakeAt' || name === 'finished' || name === 'entryId' || name === 'half';
}
