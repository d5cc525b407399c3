import { getJson, postJson, sendText } from '../shared/api';

/** An invoice in a list (GET /api/invoices). */
export interface InvoiceSummary {
  number: string;
  customerId: string;
  orderNumber: string | null;
  currency: string;
  issueDate: string;
  dueDate: string;
  grossAmount: number;
  paidAmount: number;
  creditedAmount: number;
  writtenOffAmount: number;
  disputedAmount: number;
  openAmount: number;
  settledOn: string | null;
  overdue: boolean;
  reminderLevel: number;
  lifecycleStatus: string;
}

export interface InvoiceDetails {
  invoice: InvoiceSummary;
  mentions: {
    sellerSiren: string;
    sellerVatNumber: string;
    customerSiren: string;
    customerVatNumber: string;
    deliveryDate: string;
    dueDate: string;
    paymentTerms: string;
    netAmount: number;
    vatAmount: number;
    grossAmount: number;
    penaltyClause: string;
    recoveryIndemnity: number;
  };
  lateInterest: number;
  indemnityCharged: number;
  writeOffReason: string | null;
  payments: { reference: string; amount: number; receivedOn: string }[];
  creditNotes: { number: string; amount: number; issueDate: string; reason: string }[];
  lifecycleEvents: { status: string; reasonCode: string | null; comment: string | null; receivedAt: string }[];
  correction: { correctsInvoiceNumber: string | null; correctionCreditNoteNumber: string | null; correctedByInvoiceNumbers: string[] };
}

export interface DisputeView {
  number: string;
  invoiceNumber: string;
  amount: number;
  currency: string;
  reasonCode: string;
  comment: string | null;
  raisedBy: string;
  raisedAt: string;
  department: string | null;
  slaDueAt: string | null;
  status: string;
  outcome: string | null;
}

export interface PromiseView {
  amount: number;
  promisedFor: string;
  status: string;
}

export interface Reason {
  code: string;
  kind: string;
  label: string;
  department: string;
}

export interface CustomerSummary {
  id: string;
  legalName: string;
}

/** One entry of an imported bank statement (POST /api/bank-statements). */
export interface BankEntryResult {
  reference: string;
  bookedOn: string;
  amount: number;
  currency: string;
  outcome: 'applied' | 'unapplied' | 'alreadyRecorded' | 'ignored';
  isNew: boolean;
  customerId: string | null;
  appliedTo: string[];
  reason: string | null;
}

export interface BankStatementImportResult {
  messageId: string;
  entries: BankEntryResult[];
  applied: number;
  unapplied: number;
  alreadyImported: number;
  ignored: number;
  tasksOpened: boolean;
}

export const receivables = {
  invoices: (status: string, customer: string) =>
    getJson<InvoiceSummary[]>(`/api/invoices?status=${encodeURIComponent(status)}${customer ? `&customer=${encodeURIComponent(customer)}` : ''}`),
  invoice: (number: string) => getJson<InvoiceDetails>(`/api/invoices/${encodeURIComponent(number)}`),
  disputes: () => getJson<DisputeView[]>('/api/disputes'),
  promises: (number: string) => getJson<PromiseView[]>(`/api/invoices/${encodeURIComponent(number)}/promises`),
  reasons: () => getJson<Reason[]>('/api/reasons'),
  customers: () => getJson<CustomerSummary[]>('/api/customers'),
  raiseDispute: (number: string, body: { amount: number; reasonCode: string; comment: string | null }) =>
    postJson<DisputeView>(`/api/invoices/${encodeURIComponent(number)}/disputes`, body),
  promise: (number: string, body: { amount: number; promisedFor: string }) => postJson<PromiseView>(`/api/invoices/${encodeURIComponent(number)}/promises`, body),
  importStatement: async (xml: string) => (await (await sendText('POST', '/api/bank-statements', xml)).json()) as BankStatementImportResult,
};
