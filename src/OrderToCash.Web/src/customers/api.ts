import { getJson, postJson, sendText, ApiError } from '../shared/api';

/** A customer as GET /api/customers lists it. */
export interface CustomerRow {
  id: string;
  legalName: string;
  siren: string;
  segment: string;
  salesperson: string;
  riskClass: string;
  currency: string;
  nextReviewOn: string | null;
  insurerCoverExpiresOn: string | null;
}

/** A person at the customer we write to (reminders go to the accounts-payable ones). */
export interface Contact {
  name: string;
  email: string;
  role: 'AccountsPayable' | 'Finance' | 'Purchasing' | 'Management';
}

/** A customer as GET /api/customers/{id} describes it. */
export interface CustomerDetail {
  id: string;
  legalName: string;
  siren: string;
  vatNumber: string;
  billingAddress: { line1: string; line2: string | null; postalCode: string; city: string; countryCode: string };
  segment: string;
  salesperson: string;
  paymentTermDays: number;
  paymentTermBasis: string;
  paymentTermsAgreedInContract: boolean;
  periodicInvoicing: boolean;
  contacts: Contact[];
  currency: string;
  internalCreditLimit: number;
  insurerCover: number;
  insurerCoverExpiresOn: string | null;
  nextReviewOn: string | null;
  paidInvoicesCarriedOver: number;
  creditLimit: number;
  riskClass: string;
  exposure: { openOrders: number; deliveredNotInvoiced: number; openReceivables: number; total: number; headroom: number } | null;
}

/** What the form sends (POST /api/customers, PUT /api/customers/{id}). */
export interface CustomerDraft {
  id?: string;
  legalName: string;
  siren: string;
  vatNumber: string;
  addressLine1: string;
  addressLine2: string | null;
  postalCode: string;
  city: string;
  countryCode: string;
  segment: string;
  salesperson: string;
  paymentTermDays: number | null;
  paymentTermBasis: string;
  paymentTermsAgreedInContract: boolean;
  periodicInvoicing: boolean;
  contacts: Contact[];
  riskClass: string;
  internalCreditLimit?: number | null;
  insurerCover: number | null;
  insurerCoverExpiresOn: string | null;
  nextReviewOn: string | null;
  paidInvoicesCarriedOver: number | null;
}

export interface CustomerChange {
  changedAt: string;
  changedBy: string;
  kind: string;
  fields: { field: string; before: string | null; after: string | null }[];
}

export interface LimitRequest {
  id: string;
  currentLimit: number;
  requestedLimit: number;
  grantedLimit: number | null;
  reason: string;
  requestedBy: string;
  requestedAt: string;
  status: 'Pending' | 'Approved' | 'Rejected';
  decidedBy: string | null;
  decisionComment: string | null;
}

async function put<T>(url: string, body: unknown): Promise<T> {
  const response = await fetch(url, { method: 'PUT', credentials: 'same-origin', headers: { Accept: 'application/json', 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) {
    let problem: Record<string, unknown> | undefined;
    try {
      problem = (await response.json()) as Record<string, unknown>;
    } catch {
      problem = undefined;
    }
    throw new ApiError(response.status, typeof problem?.title === 'string' ? problem.title : response.statusText, problem);
  }
  return (await response.json()) as T;
}

const id = (value: string) => encodeURIComponent(value);

export const customers = {
  list: (q: string) => getJson<CustomerRow[]>(`/api/customers${q ? `?q=${encodeURIComponent(q)}` : ''}`),
  get: (customerId: string) => getJson<CustomerDetail>(`/api/customers/${id(customerId)}`),
  create: (draft: CustomerDraft) => postJson<{ id: string }>('/api/customers', draft),
  update: (customerId: string, draft: CustomerDraft) => put<{ id: string }>(`/api/customers/${id(customerId)}`, draft),
  history: (customerId: string) => getJson<CustomerChange[]>(`/api/customers/${id(customerId)}/history`),
  import: async (csv: string) => (await (await sendText('POST', '/api/customers/import', csv, 'text/csv')).json()) as { imported: number },
  limitRequests: (customerId: string) => getJson<LimitRequest[]>(`/api/customers/${id(customerId)}/credit-limit-requests`),
  requestLimit: (customerId: string, requestedLimit: number, reason: string) =>
    postJson<LimitRequest>(`/api/customers/${id(customerId)}/credit-limit-requests`, { requestedLimit, reason }),
  decideLimit: (requestId: string, approve: boolean, grantedLimit: number | null, comment: string) =>
    postJson<LimitRequest>(`/api/credit-limit-requests/${id(requestId)}/decision`, { approve, grantedLimit, comment }),
};
