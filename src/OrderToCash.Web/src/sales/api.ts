import { getJson } from '../shared/api';
import type { AgendaDispute } from '../collections/api';

export interface SalesAccount {
  customerId: string;
  legalName: string;
  riskClass: string;
  currency: string;
  creditLimit: number;
  exposure: number;
  headroom: number;
  overdueAmount: number;
  blockedOrders: number;
}

export interface SalesCockpit {
  today: string;
  page: number;
  pageSize: number;
  total: number;
  customers: SalesAccount[];
  overdueItems: { number: string; customerId: string; dueDate: string; daysLate: number; openAmount: number; disputedAmount: number; currency: string; reminderLevel: number }[];
  blockedOrders: { number: string; customerId: string; grossTotal: number; currency: string; enteredAt: string; reasons: string; firstApprover: string | null }[];
  calls: { taskId: string; invoiceNumber: string | null; createdAt: string; dueAt: string | null; customerId: string | null }[];
  disputes: AgendaDispute[];
  customerNames: Record<string, string>;
}

export const sales = {
  cockpit: (page: number, sort: string) => getJson<SalesCockpit>(`/api/sales/cockpit?page=${page}&pageSize=25&sort=${sort}`),
};
