import { getJson, putJson } from '../shared/api';

export interface Reason {
  code: string;
  kind: 'Dispute' | 'LatePayment';
  label: string;
  department: string;
  eInvoicingCodes: string[];
}

export interface Department {
  department: string;
  roles: string[];
}

export interface TaxonomyVersion {
  version: number;
  author: string;
  changedAt: string;
  comment: string | null;
  changes: { subject: string; field: string; before: string | null; after: string | null }[];
}

/** The roles a department can be given (the server's DepartmentRoles.Assignable). */
export const assignableRoles = ['SalesAdministration', 'Salesperson', 'CreditManager', 'Collector'] as const;

export const reasonsApi = {
  list: () => getJson<Reason[]>('/api/reasons'),
  save: (reason: Reason, comment: string) => putJson<Reason>(`/api/reasons/${encodeURIComponent(reason.code)}`, { ...reason, comment: comment || null }),
  departments: () => getJson<Department[]>('/api/reasons/departments'),
  saveDepartment: (department: string, roles: string[], comment: string) =>
    putJson<Department>(`/api/reasons/departments/${encodeURIComponent(department)}`, { roles, comment: comment || null }),
  versions: () => getJson<TaxonomyVersion[]>('/api/reasons/versions'),
};
