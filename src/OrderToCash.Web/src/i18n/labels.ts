import { register, t, tOr } from './i18n';

/**
 * Words for the codes the server speaks in (roles, reason codes, departments, states): the pages never show a raw
 * code where a label exists. A code the pages do not know falls back to the server's label, then to the code.
 */
register('labels', {
  fr: {
    role: {
      ProcessOwner: 'Responsable de processus',
      CreditManager: 'Credit manager',
      Collector: 'Chargé de recouvrement',
      Salesperson: 'Commercial',
      SalesAdministration: 'Administration des ventes',
      Quality: 'Qualité',
      Administrator: 'Administrateur',
      Customer: 'Client',
    },
    reason: {
      PRICE_ERROR: 'Erreur de prix ou de remise',
      QUANTITY_SHORT: 'Quantité manquante',
      INCOMPLETE_DELIVERY: 'Livraison incomplète',
      WRONG_ITEM: 'Article erroné livré',
      DAMAGED_OR_QUALITY: 'Marchandise abîmée ou défaut de qualité',
      MISSING_PO_OR_REFERENCE: 'Bon de commande ou référence manquant',
      WRONG_BILLING_ENTITY_OR_ADDRESS: 'Entité, adresse ou SIRET de facturation erronés',
      INVOICE_NOT_RECEIVED: 'Facture non reçue',
      DUPLICATE_INVOICE: 'Facture en double',
      VAT_OR_CALCULATION_ERROR: 'Erreur de TVA ou de calcul',
      TERMS_NOT_AS_AGREED: 'Conditions de paiement non conformes',
      MISSING_PROOF_OF_DELIVERY: 'Preuve de livraison manquante',
      CUSTOMER_CASH_DIFFICULTY: 'Client en difficulté de trésorerie',
      APPROVAL_DELAY_AT_CUSTOMER: 'Facture bloquée dans le circuit de validation du client',
      PAID_NOT_APPLIED: 'Payée mais non lettrée',
      AWAITING_CREDIT_NOTE: 'En attente d’un avoir promis',
    },
    reasonKind: { Dispute: 'Litige', LatePayment: 'Retard de paiement' },
    department: {
      ADV: 'ADV',
      Logistics: 'Logistique',
      Quality: 'Qualité',
      MasterData: 'Données de référence',
      Billing: 'Facturation',
      Accounting: 'Comptabilité',
      Sales: 'Ventes',
      CreditManagement: 'Gestion du crédit',
      Collections: 'Recouvrement',
      CashApplication: 'Lettrage',
      Credit: 'Crédit',
      Treasury: 'Trésorerie',
    },
    taskState: { Open: 'À prendre', Claimed: 'Prise', Completed: 'Terminée', Cancelled: 'Annulée' },
    controlTowerAlert: {
      WaitBeyondSla: 'Une attente dépasse 48 heures ici : quelqu’un doit agir, ou le délai cible est faux.',
      LongQueue: '50 instances ou plus attendent ici.',
      GrowingQueue: 'La file a grossi de 10 ou plus en 24 heures (plus d’arrivées que de départs).',
      SlowPassages: 'Un passage sur dix prend plus de 3 jours ici.',
      EcbRateMissing: 'Taux BCE manquant : des intérêts de retard attendent que le responsable crédit saisisse le taux du semestre.',
    },
    creditRule: {
      WithinCreditLimit: 'Encours au-delà de la limite de crédit',
      NoOldOverdueItems: 'Factures échues depuis plus de 30 jours',
      RiskClassAccepted: 'Classe de risque D ou E',
      NewCustomerCap: 'Nouveau client plafonné à 5 000 €',
    },
    visitOutcome: { Completed: 'Terminée', Cancelled: 'Interrompue' },
    instanceStatus: { Running: 'En cours', Completed: 'Terminée', Failed: 'Échouée', Incident: 'En incident', Cancelled: 'Annulée' },
    improvementState: {
      Open: 'Ouverte',
      Acknowledged: 'Prise en compte',
      FixInProgress: 'Correction en cours',
      FixDeployed: 'Correction déployée',
      Verified: 'Vérifiée',
      Reopened: 'Rouverte',
    },
    disputeState: { Open: 'Ouvert', Resolved: 'Résolu' },
    disputeOutcome: { CreditNote: 'Avoir', CorrectedInvoice: 'Facture corrigée', Resend: 'Facture renvoyée', Rejected: 'Rejeté' },
    promiseState: { Pending: 'En attente', Kept: 'Tenue', PartiallyKept: 'Tenue en partie', Broken: 'Non tenue' },
    reminderStep: {
      PreDueNotice: 'Avis avant échéance',
      SalespersonCordialCall: 'Appel cordial du commercial',
      FormalReminder: 'Relance formelle',
      FinalNotice: 'Mise en demeure',
      LegalHandOver: 'Transmission au contentieux',
    },
    contactKind: { Call: 'Appel', Email: 'E-mail', Note: 'Note' },
    contactOutcome: {
      NoAnswer: 'Pas de réponse',
      LeftMessage: 'Message laissé',
      Reached: 'Interlocuteur joint',
      PromiseToPay: 'Promesse de règlement',
      SaysPaid: 'Dit avoir payé',
      Contests: 'Conteste la facture',
      CannotPay: 'Ne peut pas payer',
      Information: 'Information',
    },
  },
  en: {
    role: {
      ProcessOwner: 'Process owner',
      CreditManager: 'Credit manager',
      Collector: 'Collector',
      Salesperson: 'Salesperson',
      SalesAdministration: 'Sales administration',
      Quality: 'Quality',
      Administrator: 'Administrator',
      Customer: 'Customer',
    },
    reason: {
      PRICE_ERROR: 'Price or discount error',
      QUANTITY_SHORT: 'Quantity short',
      INCOMPLETE_DELIVERY: 'Incomplete delivery',
      WRONG_ITEM: 'Wrong item delivered',
      DAMAGED_OR_QUALITY: 'Damaged goods or quality defect',
      MISSING_PO_OR_REFERENCE: 'Missing purchase order or reference',
      WRONG_BILLING_ENTITY_OR_ADDRESS: 'Wrong billing entity, address or SIRET',
      INVOICE_NOT_RECEIVED: 'Invoice not received',
      DUPLICATE_INVOICE: 'Duplicate invoice',
      VAT_OR_CALCULATION_ERROR: 'VAT or calculation error',
      TERMS_NOT_AS_AGREED: 'Payment terms not as agreed',
      MISSING_PROOF_OF_DELIVERY: 'Missing proof of delivery',
      CUSTOMER_CASH_DIFFICULTY: 'Customer in cash difficulty',
      APPROVAL_DELAY_AT_CUSTOMER: 'Invoice stuck in the customer’s approval circuit',
      PAID_NOT_APPLIED: 'Paid but not applied',
      AWAITING_CREDIT_NOTE: 'Waiting for a promised credit note',
    },
    reasonKind: { Dispute: 'Dispute', LatePayment: 'Late payment' },
    department: {
      ADV: 'Sales administration',
      Logistics: 'Logistics',
      Quality: 'Quality',
      MasterData: 'Master data',
      Billing: 'Billing',
      Accounting: 'Accounting',
      Sales: 'Sales',
      CreditManagement: 'Credit management',
      Collections: 'Collections',
      CashApplication: 'Cash application',
      Credit: 'Credit',
      Treasury: 'Treasury',
    },
    taskState: { Open: 'Open', Claimed: 'Claimed', Completed: 'Completed', Cancelled: 'Cancelled' },
    controlTowerAlert: {
      WaitBeyondSla: 'A token has waited more than 48 hours here: someone must act or the SLA is wrong.',
      LongQueue: '50 or more instances wait here.',
      GrowingQueue: 'The queue grew by 10 or more in the last 24 hours (more arrivals than departures).',
      SlowPassages: 'One passage in ten takes more than 3 days here.',
      EcbRateMissing: 'ECB rate missing: late-payment interest waits for the credit manager to enter the semester\'s rate.',
    },
    creditRule: {
      WithinCreditLimit: 'Exposure over the credit limit',
      NoOldOverdueItems: 'Items more than 30 days overdue',
      RiskClassAccepted: 'Risk class D or E',
      NewCustomerCap: 'New customer capped at €5,000',
    },
    visitOutcome: { Completed: 'Completed', Cancelled: 'Interrupted' },
    instanceStatus: { Running: 'Running', Completed: 'Completed', Failed: 'Failed', Incident: 'Incident', Cancelled: 'Cancelled' },
    improvementState: {
      Open: 'Open',
      Acknowledged: 'Acknowledged',
      FixInProgress: 'Fix in progress',
      FixDeployed: 'Fix deployed',
      Verified: 'Verified',
      Reopened: 'Reopened',
    },
    disputeState: { Open: 'Open', Resolved: 'Resolved' },
    disputeOutcome: { CreditNote: 'Credit note', CorrectedInvoice: 'Corrected invoice', Resend: 'Invoice sent again', Rejected: 'Rejected' },
    promiseState: { Pending: 'Pending', Kept: 'Kept', PartiallyKept: 'Partly kept', Broken: 'Broken' },
    reminderStep: {
      PreDueNotice: 'Pre-due notice',
      SalespersonCordialCall: 'Salesperson’s cordial call',
      FormalReminder: 'Formal reminder',
      FinalNotice: 'Final notice',
      LegalHandOver: 'Legal hand-over',
    },
    contactKind: { Call: 'Call', Email: 'E-mail', Note: 'Note' },
    contactOutcome: {
      NoAnswer: 'No answer',
      LeftMessage: 'Left a message',
      Reached: 'Reached',
      PromiseToPay: 'Promise to pay',
      SaysPaid: 'Says it has paid',
      Contests: 'Contests the invoice',
      CannotPay: 'Cannot pay',
      Information: 'Information',
    },
  },
});

/** The labels process owners gave the business roles the page has heard of (the signed-in user's). */
const businessRoles = new Map<string, string>();

export function knowBusinessRoles(labels: Record<string, string> | undefined): void {
  for (const [role, label] of Object.entries(labels ?? {})) {
    businessRoles.set(role, label);
  }
}

/** Human words for a role name the server uses ("CreditManager" → "Credit manager", "Finance" → its label). */
export function roleLabel(role: string): string {
  return tOr(`labels:role.${role}`, businessRoles.get(role) ?? role.replace(/([a-z])([A-Z])/g, '$1 $2'));
}

/** A reason code's label in the page's language; the taxonomy's own label for a code added since. */
export function reasonLabel(code: string, serverLabel?: string): string {
  return tOr(`labels:reason.${code}`, serverLabel ?? code);
}

export function departmentLabel(department: string | null | undefined): string {
  return department ? tOr(`labels:department.${department}`, department) : '—';
}

/** A control-tower alert in the page's language (the rule's own message for a rule added since). */
export function alertLabel(alert: { rule: string; message: string }): string {
  return tOr(`labels:controlTowerAlert.${alert.rule}`, alert.message);
}

/** A credit rule's "Rule: message" line as its label (the line itself for a rule added since). */
export function creditRuleLabel(line: string): string {
  const rule = line.split(':')[0]!.trim();
  return tOr(`labels:creditRule.${rule}`, line);
}

/** The label of a state or outcome in one of the groups above (`taskState`, `disputeOutcome`…). */
export function stateLabel(
  group: 'reasonKind' | 'taskState' | 'instanceStatus' | 'visitOutcome' | 'improvementState' | 'disputeState' | 'disputeOutcome' | 'promiseState' | 'reminderStep' | 'contactKind' | 'contactOutcome',
  value: string | null | undefined,
): string {
  return value ? tOr(`labels:${group}.${value}`, value) : '—';
}

export { t };
