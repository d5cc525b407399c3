import { getJson, postJson } from '../shared/api';

export interface NextLadderStep {
  step: string;
  level: number;
  on: string;
  invoiceNumber: string;
}

export interface ContactLogEntry {
  id: string;
  customerId: string;
  kind: string;
  outcome: string;
  contactName: string | null;
  note: string | null;
  invoiceNumber: string | null;
  promiseId: string | null;
  nextAction: string | null;
  nextActionOn: string | null;
  recordedBy: string;
  recordedAt: string;
}

/** One account of the worklist (GET /api/collections/worklist). */
export interface WorklistAccount {
  customerId: string;
  legalName: string;
  segment: string;
  riskClass: string;
  salesperson: string;
  currency: string;
  openAmount: number;
  overdueAmount: number;
  disputedAmount: number;
  oldestDaysLate: number;
  riskScore: number;
  nextStep: NextLadderStep | null;
  promisesPending: number;
  promisesDueToday: number;
  promisesBroken: number;
  openDisputes: number;
  lastContact: ContactLogEntry | null;
}

export interface WorklistPage {
  page: number;
  pageSize: number;
  total: number;
  accounts: WorklistAccount[];
}

export interface AgendaPromise {
  id: string;
  invoiceNumber: string;
  customerId: string;
  amount: number;
  currency: string;
  promisedFor: string;
  status: string;
  checkedOn: string | null;
  paidToward: number;
  recordedBy: string;
}

export interface AgendaDispute {
  number: string;
  invoiceNumber: string;
  customerId: string;
  amount: number;
  currency: string;
  reasonCode: string;
  department: string | null;
  raisedAt: string;
  slaDueAt: string | null;
}

export interface Agenda {
  today: string;
  promisesDue: AgendaPromise[];
  promisesBroken: AgendaPromise[];
  disputes: AgendaDispute[];
  nextActions: { customerId: string; nextAction: string; on: string; recordedBy: string }[];
  customerNames: Record<string, string>;
}

export interface AccountInvoice {
  number: string;
  issueDate: string;
  dueDate: string;
  grossAmount: number;
  openAmount: number;
  disputedAmount: number;
  currency: string;
  daysLate: number;
  reminderLevel: number;
  promisePending: boolean;
  nextStep: NextLadderStep | null;
}

export interface Account {
  customerId: string;
  legalName: string;
  riskClass: string;
  salesperson: string;
  paymentTerms: string;
  contacts: { name: string; email: string; role: string }[];
  invoices: AccountInvoice[];
  promises: AgendaPromise[];
  disputes: AgendaDispute[];
}

export interface NewContact {
  kind: string;
  outcome: string;
  contactName: string | null;
  note: string | null;
  invoiceNumber: string | null;
  nextAction: string | null;
  nextActionOn: string | null;
  promise: { amount: number; promisedFor: string } | null;
}

export interface WorklistRequest {
  page: number;
  pageSize: number;
  sort: string;
  direction: 'asc' | 'desc';
  search: string;
  overdueOnly: boolean;
}

export const collections = {
  worklist: (r: WorklistRequest) =>
    getJson<WorklistPage>(
      `/api/collections/worklist?page=${r.page}&pageSize=${r.pageSize}&sort=${r.sort}&direction=${r.direction}&overdueOnly=${r.overdueOnly}${r.search ? `&search=${encodeURIComponent(r.search)}` : ''}`,
    ),
  agenda: () => getJson<Agenda>('/api/collections/agenda'),
  account: (customerId: string) => getJson<Account>(`/api/collections/accounts/${encodeURIComponent(customerId)}`),
  contacts: (customerId: string) => getJson<{ total: number; entries: ContactLogEntry[] }>(`/api/customers/${encodeURIComponent(customerId)}/contacts?pageSize=50`),
  recordContact: (customerId: string, body: NewContact) => postJson<ContactLogEntry>(`/api/customers/${encodeURIComponent(customerId)}/contacts`, body),
};
