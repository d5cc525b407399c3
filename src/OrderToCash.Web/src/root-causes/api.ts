import { getJson, postJson } from '../shared/api';

export interface CauseGroup {
  reason: string;
  kind: string;
  department: string;
  segment: string;
  productFamily: string;
  count: number;
  amount: number;
  ratePer1000Invoices: number;
}

export interface ImprovementTask {
  number: string;
  reason: string;
  department: string;
  status: 'Open' | 'Acknowledged' | 'FixInProgress' | 'FixDeployed' | 'Verified' | 'Reopened';
  triggeredBy: string;
  createdAt: string;
  occurrencesBefore: number;
  amountBefore: number;
  ratePer1000Before: number;
  fixDeployedOn: string | null;
  fixDescription: string | null;
  ratePer1000After: number | null;
  verificationNote: string | null;
  evidence: { invoiceNumber: string; disputeNumber: string | null; amount: number; occurredOn: string }[] | null;
}

export interface Kpis {
  dso: number | null;
  countBackDso: number | null;
  bestPossibleDso: number | null;
  averageDaysDelinquent: number | null;
  cei: number | null;
  disputedInvoicesPercent: number | null;
  promiseToPayKeptRate: number | null;
  creditBlockRate: number | null;
  agedBalance: { notDue: number; d1To30: number; d31To60: number; d61To90: number; over90: number };
}

export const rootCauses = {
  groups: (from: string, to: string) => getJson<{ invoicesIssued: number; groups: CauseGroup[] }>(`/api/root-causes/groups?from=${from}&to=${to}`),
  analyze: () => postJson<{ tasksCreated: number; tasksVerified: number; tasksReopened: number }>('/api/root-causes/analyze', {}),
  tasks: () => getJson<ImprovementTask[]>('/api/improvement-tasks'),
  task: (number: string) => getJson<ImprovementTask>(`/api/improvement-tasks/${encodeURIComponent(number)}`),
  move: (number: string, action: 'acknowledge' | 'start-fix') => postJson<ImprovementTask>(`/api/improvement-tasks/${encodeURIComponent(number)}/${action}`, {}),
  deployFix: (number: string, deployedOn: string, description: string) =>
    postJson<ImprovementTask>(`/api/improvement-tasks/${encodeURIComponent(number)}/deploy-fix`, { deployedOn, description }),
  kpis: (from: string, to: string) => getJson<Kpis>(`/api/kpis?from=${from}&to=${to}`),
};
