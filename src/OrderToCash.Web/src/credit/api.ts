import { getJson, postJson } from '../shared/api';

export interface CockpitTask {
  id: string;
  elementId: string;
  name: string | null;
  status: 'Open' | 'Claimed';
  assignee: string | null;
}

export interface BlockedOrder {
  number: string;
  status: 'CreditBlocked' | 'DeliveryBlocked';
  customerId: string;
  legalName: string;
  riskClass: string;
  grossTotal: number;
  currency: string;
  enteredAt: string;
  reasons: string[];
  creditLimit: number;
  openOrders: number;
  deliveredNotInvoiced: number;
  openReceivables: number;
  exposure: number;
  headroom: number;
  overdueAmount: number;
  oldestOverdueDays: number;
  paidInvoices: number;
  needsSecondApprover: boolean;
  firstApprover: string | null;
  firstApprovalComment: string | null;
  task: CockpitTask | null;
}

export interface LimitRequest {
  id: string;
  customerId: string;
  legalName: string;
  currency: string;
  currentLimit: number;
  requestedLimit: number;
  reason: string;
  requestedBy: string;
  requestedAt: string;
}

export interface Review {
  customerId: string;
  legalName: string;
  riskClass: string;
  currency: string;
  internalCreditLimit: number;
  insurerCover: number;
  nextReviewOn: string | null;
  insurerCoverExpiresOn: string | null;
}

export interface CreditCockpit {
  today: string;
  blockedTotal: number;
  blockedOrders: BlockedOrder[];
  limitRequests: LimitRequest[];
  reviews: Review[];
}

export const credit = {
  cockpit: (): Promise<CreditCockpit> => getJson<CreditCockpit>('/api/credit/cockpit'),
  claim: (taskId: string): Promise<unknown> => postJson(`/api/tasks/${encodeURIComponent(taskId)}/claim`, {}),
  complete: (taskId: string, decision: 'release' | 'reject', comment: string): Promise<unknown> =>
    postJson(`/api/tasks/${encodeURIComponent(taskId)}/complete`, { outputs: { decision, comment } }),
  decideLimit: (requestId: string, approve: boolean, grantedLimit: number | null, comment: string): Promise<unknown> =>
    postJson(`/api/credit-limit-requests/${encodeURIComponent(requestId)}/decision`, { approve, grantedLimit, comment }),
};
