import { getJson } from '../shared/api';
import { rootCauses, type CauseGroup, type ImprovementTask, type Kpis } from '../root-causes/api';

export interface MonthlyKpis {
  month: string;
  from: string;
  to: string;
  dso: number | null;
  cei: number | null;
  disputedInvoicesPercent: number | null;
  creditBlockRate: number | null;
  closingReceivables: number;
}

export interface CustomerExposure {
  customerId: string;
  legalName: string;
  currency: string;
  exposure: number;
  creditLimit: number;
}

export type { CauseGroup, ImprovementTask, Kpis };

export const kpis = {
  today: (from: string, to: string): Promise<Kpis> => rootCauses.kpis(from, to),
  monthly: (months: number): Promise<MonthlyKpis[]> => getJson<MonthlyKpis[]>(`/api/kpis/monthly?months=${months}`),
  largestExposures: (top: number): Promise<CustomerExposure[]> => getJson<CustomerExposure[]>(`/api/kpis/largest-exposures?top=${top}`),
  groups: (from: string, to: string) => rootCauses.groups(from, to),
  improvementTasks: (): Promise<ImprovementTask[]> => rootCauses.tasks(),
};
