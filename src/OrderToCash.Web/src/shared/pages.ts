import { t } from '../i18n/i18n';
import { roleLabel } from '../i18n/labels';
import '../i18n/shell';

/** The pages of the application and the roles that open each (the same roles guard their API calls). */
export interface AppPage {
  path: string;
  /** The page's key in the shell's texts (`shell:page.<key>.title` and `.summary`). */
  key: string;
  /** The role (or group of roles, `shell:group.<x>`) named on the page's card and in "not allowed". */
  role: string;
  /** When the page is for several roles: any of them opens it. */
  anyOf?: readonly string[];
  /** Also opened by any business role (one a process owner created, not in {@link Roles}). */
  businessRoles?: boolean;
}

/** Whether the user's roles open the page. */
export function canOpen(user: { roles: readonly string[] }, page: AppPage): boolean {
  return (page.anyOf ?? [page.role]).some(role => user.roles.includes(role)) || (page.businessRoles === true && user.roles.some(role => !(role in Roles)));
}

export const Roles = {
  ProcessOwner: 'ProcessOwner',
  CreditManager: 'CreditManager',
  Collector: 'Collector',
  Salesperson: 'Salesperson',
  SalesAdministration: 'SalesAdministration',
  Quality: 'Quality',
  Administrator: 'Administrator',
  Customer: 'Customer',
} as const;

export const pages: readonly AppPage[] = [
  {
    path: '/receivables',
    key: 'receivables',
    role: 'customerOrBackOffice',
    anyOf: [Roles.Customer, Roles.Salesperson, Roles.Collector, Roles.CreditManager, Roles.SalesAdministration, Roles.Quality],
  },
  {
    path: '/customers',
    key: 'customers',
    role: Roles.SalesAdministration,
    anyOf: [Roles.SalesAdministration, Roles.CreditManager, Roles.Salesperson],
  },
  {
    path: '/collections',
    key: 'collections',
    role: Roles.Collector,
  },
  {
    path: '/sales',
    key: 'sales',
    role: Roles.Salesperson,
  },
  {
    path: '/root-causes',
    key: 'rootCauses',
    role: Roles.Quality,
    anyOf: [Roles.Quality, Roles.ProcessOwner, Roles.CreditManager, Roles.Collector],
  },
  {
    path: '/reasons',
    key: 'reasons',
    role: Roles.Quality,
    anyOf: [Roles.Quality, Roles.ProcessOwner, Roles.CreditManager],
  },
  {
    path: '/tasks',
    key: 'tasks',
    role: 'backOffice',
    anyOf: [Roles.CreditManager, Roles.Collector, Roles.Salesperson, Roles.SalesAdministration, Roles.Quality, Roles.ProcessOwner, Roles.Administrator],
    businessRoles: true,
  },
  { path: '/credit', key: 'credit', role: Roles.CreditManager },
  {
    path: '/kpis',
    key: 'kpis',
    role: 'backOffice',
    anyOf: [Roles.CreditManager, Roles.Collector, Roles.Quality, Roles.ProcessOwner, Roles.SalesAdministration, Roles.Salesperson],
  },
  {
    path: '/control-tower',
    key: 'controlTower',
    role: Roles.ProcessOwner,
    anyOf: [Roles.ProcessOwner, Roles.Quality, Roles.CreditManager, Roles.Collector],
  },
  {
    path: '/operations',
    key: 'operations',
    role: Roles.ProcessOwner,
    anyOf: [Roles.ProcessOwner, Roles.Administrator],
  },
  { path: '/designer', key: 'designer', role: Roles.ProcessOwner },
  { path: '/rules', key: 'rules', role: Roles.CreditManager },
];

export function pageTitle(page: AppPage): string {
  return t(`shell:page.${page.key}.title`);
}

export function pageSummary(page: AppPage): string {
  return t(`shell:page.${page.key}.summary`);
}

/** The role or group of roles a page names. */
export function pageRole(page: AppPage): string {
  return page.role in Roles ? roleLabel(page.role) : t(`shell:group.${page.role}`);
}

export { roleLabel };
