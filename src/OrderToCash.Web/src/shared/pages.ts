/** The pages of the application and the role each requires (the same role guards their API calls). */
export interface AppPage {
  path: string;
  title: string;
  /** The role named on the page's card and in "not allowed". */
  role: string;
  /** When the page is for several roles: any of them opens it. */
  anyOf?: readonly string[];
  summary: string;
}

/** Whether the user's roles open the page. */
export function canOpen(user: { roles: readonly string[] }, page: AppPage): boolean {
  return (page.anyOf ?? [page.role]).some(role => user.roles.includes(role));
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
    title: 'Receivables',
    role: 'customer or back office',
    anyOf: [Roles.Customer, Roles.Salesperson, Roles.Collector, Roles.CreditManager, Roles.SalesAdministration, Roles.Quality],
    summary: 'Invoices, what is open and overdue, payments, credit notes, disputes and promises to pay; contest an invoice or promise a date.',
  },
  {
    path: '/root-causes',
    title: 'Root causes',
    role: Roles.Quality,
    anyOf: [Roles.Quality, Roles.ProcessOwner, Roles.CreditManager, Roles.Collector],
    summary: 'Recurring dispute and late-payment causes by department, the improvement tasks they opened, and whether each fix worked; the KPIs.',
  },
  {
    path: '/tasks',
    title: 'Tasks',
    role: 'back office',
    anyOf: [Roles.CreditManager, Roles.Collector, Roles.Salesperson, Roles.SalesAdministration, Roles.Quality, Roles.ProcessOwner, Roles.Administrator],
    summary: 'The work the workflows ask of you: blocked orders to release, customers to call, disputes to resolve.',
  },
  {
    path: '/designer',
    title: 'Workflow designer',
    role: Roles.ProcessOwner,
    summary: 'Draw and edit the order-to-cash workflows in BPMN, and bind their steps to handlers, rule sets and roles.',
  },
  {
    path: '/rules',
    title: 'Rules',
    role: Roles.CreditManager,
    summary: 'Credit limits, escalation, payment terms and dispute routing: the decisions taken at each step.',
  },
];

/** Human words for the role names the server uses. */
export function roleLabel(role: string): string {
  return role.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, c => c.toUpperCase()).replace(/ ([A-Z])/g, (_, c: string) => ` ${c.toLowerCase()}`);
}
