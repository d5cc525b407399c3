/** The pages of the application and the role each requires (the same role guards their API calls). */
export interface AppPage {
  path: string;
  title: string;
  role: string;
  summary: string;
}

export const Roles = {
  ProcessOwner: 'ProcessOwner',
  CreditManager: 'CreditManager',
} as const;

export const pages: readonly AppPage[] = [
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
