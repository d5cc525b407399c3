import { ApiError } from '../shared/api';
import { append, byId, h } from '../shared/dom';
import { startPage } from '../shared/page';
import { rootCauses, type ImprovementTask, type Kpis } from '../root-causes/api';

const statusLabel: Record<ImprovementTask['status'], string> = {
  Open: 'Open',
  Acknowledged: 'Acknowledged',
  FixInProgress: 'Fix in progress',
  FixDeployed: 'Fix deployed',
  Verified: 'Verified',
  Reopened: 'Reopened',
};

const isoDate = (d: Date) => d.toISOString().slice(0, 10);
const today = new Date();
const from = isoDate(new Date(today.getTime() - 89 * 86_400_000));
const to = isoDate(today);

void startPage('/root-causes', async () => {
  const analyze = h('button', { type: 'button', class: 'button', 'data-test': 'analyze' }, 'Analyse now');
  byId('main').replaceChildren(
    h(
      'section',
      { class: 'page-intro' },
      h('h1', {}, 'Root causes'),
      h('p', { class: 'lead' }, 'Why invoices are disputed or paid late, which department causes it, and whether each fix made the cause stop recurring.'),
    ),
    h('p', { id: 'rc-status', class: 'muted', role: 'status', 'aria-live': 'polite' }),
    h('section', { id: 'kpis', class: 'totals', 'aria-label': `Figures from ${from} to ${to}` }),
    h('div', { class: 'split-layout' }, h('section', { id: 'tasks', class: 'card', 'aria-label': 'Improvement tasks' }), h('section', { id: 'task-detail', class: 'card', 'aria-label': 'Selected improvement task' })),
    h('section', { id: 'groups', class: 'card', 'aria-label': 'Causes of the last 90 days' }),
    h('p', {}, analyze, ' ', h('a', { href: `/api/root-causes/groups.csv?from=${from}&to=${to}` }, 'Causes as CSV'), ' · ', h('a', { href: '/api/improvement-tasks/tasks.csv' }, 'Tasks as CSV'), ' · ', h('a', { href: `/api/kpis/aged-balance.csv?at=${to}` }, 'Aged balance as CSV')),
  );
  analyze.addEventListener('click', () => {
    analyze.disabled = true;
    void rootCauses
      .analyze()
      .then(result => {
        byId('rc-status').textContent = `Analysis done: ${result.tasksCreated} task(s) created, ${result.tasksVerified} verified, ${result.tasksReopened} reopened.`;
        return Promise.all([renderTasks(), renderGroups()]);
      })
      .catch((error: unknown) => (byId('rc-status').textContent = error instanceof ApiError ? error.title : 'The analysis could not run.'))
      .finally(() => (analyze.disabled = false));
  });
  await Promise.all([renderKpis(), renderTasks(), renderGroups()]);
});

function percent(value: number | null, digits = 1): string {
  return value === null ? '—' : `${value.toFixed(digits)}${digits === 1 ? ' %' : ''}`;
}

async function renderKpis(): Promise<void> {
  let kpis: Kpis;
  try {
    kpis = await rootCauses.kpis(from, to);
  } catch {
    return; // A role without the KPIs still sees its tasks.
  }
  const tile = (label: string, value: string) => h('div', { class: 'total' }, h('span', {}, label), h('strong', {}, value));
  const days = (v: number | null) => (v === null ? '—' : `${v.toFixed(1)} d`);
  byId('kpis').replaceChildren(
    tile('DSO', days(kpis.dso)),
    tile('Count-back DSO', days(kpis.countBackDso)),
    tile('Best possible DSO', days(kpis.bestPossibleDso)),
    tile('Days delinquent', days(kpis.averageDaysDelinquent)),
    tile('CEI', percent(kpis.cei)),
    tile('Disputed invoices', percent(kpis.disputedInvoicesPercent)),
    tile('Promises kept', percent(kpis.promiseToPayKeptRate)),
    tile('Orders credit-blocked', percent(kpis.creditBlockRate)),
  );
}

async function renderGroups(): Promise<void> {
  const grouped = await rootCauses.groups(from, to);
  const section = byId('groups');
  if (grouped.groups.length === 0) {
    section.replaceChildren(h('h2', {}, 'Causes of the last 90 days'), h('p', { class: 'muted' }, 'No dispute or late payment in the period.'));
    return;
  }
  const body = h('tbody', {});
  for (const g of [...grouped.groups].sort((a, b) => b.ratePer1000Invoices - a.ratePer1000Invoices)) {
    append(
      body,
      h(
        'tr',
        {},
        h('td', {}, g.reason),
        h('td', {}, g.kind),
        h('td', {}, g.department),
        h('td', {}, g.segment),
        h('td', {}, g.productFamily),
        h('td', { class: 'num' }, String(g.count)),
        h('td', { class: 'num' }, g.amount.toFixed(2)),
        h('td', { class: 'num' }, g.ratePer1000Invoices.toFixed(2)),
      ),
    );
  }
  section.replaceChildren(
    h('h2', {}, `Causes of the last 90 days (${grouped.invoicesIssued} invoices issued)`),
    h(
      'table',
      { class: 'data-table', 'data-test': 'cause-groups' },
      h('thead', {}, h('tr', {}, ...['Reason', 'Kind', 'Department', 'Segment', 'Product family', 'Count', 'Amount', 'Per 1,000 invoices'].map(t => h('th', {}, t)))),
      body,
    ),
  );
}

async function renderTasks(select?: string): Promise<void> {
  const tasks = await rootCauses.tasks();
  const section = byId('tasks');
  if (tasks.length === 0) {
    section.replaceChildren(h('h2', {}, 'Improvement tasks'), h('p', { class: 'muted', 'data-test': 'no-improvement-tasks' }, 'No recurring cause has opened a task for your departments.'));
    byId('task-detail').replaceChildren(h('p', { class: 'muted' }, 'A task opens here when the analysis finds a recurring cause.'));
    return;
  }
  const body = h('tbody', {});
  for (const t of tasks) {
    append(
      body,
      h(
        'tr',
        { 'data-improvement-task': t.number },
        h('td', {}, h('button', { type: 'button', class: 'link-button', onclick: () => void show(t.number) }, t.number)),
        h('td', {}, t.reason),
        h('td', {}, t.department),
        h('td', {}, statusLabel[t.status]),
        h('td', { class: 'num' }, t.ratePer1000Before.toFixed(2)),
        h('td', { class: 'num' }, t.ratePer1000After === null ? '—' : t.ratePer1000After.toFixed(2)),
      ),
    );
  }
  section.replaceChildren(
    h('h2', {}, 'Improvement tasks'),
    h(
      'table',
      { class: 'data-table', 'data-test': 'improvement-tasks' },
      h('thead', {}, h('tr', {}, ...['Task', 'Reason', 'Department', 'State', 'Rate before', 'Rate after'].map(t => h('th', {}, t)))),
      body,
    ),
  );
  await show(select ?? tasks[0]!.number);
}

/** The task the user asked to see last: an earlier answer arriving late must not replace it. */
let showing = '';

async function show(number: string): Promise<void> {
  showing = number;
  for (const row of document.querySelectorAll<HTMLTableRowElement>('tr[data-improvement-task]')) {
    row.classList.toggle('selected', row.dataset.improvementTask === number);
  }
  const t = await rootCauses.task(number);
  if (showing !== number) {
    return;
  }
  const detail = byId('task-detail');
  const facts = h('dl', { class: 'facts' });
  const fact = (label: string, value: string) => append(facts, h('dt', {}, label), h('dd', {}, value));
  fact('Cause', `${t.reason} → ${t.department}`);
  fact('Why', t.triggeredBy);
  fact('Before the fix', `${t.occurrencesBefore} occurrences, ${t.amountBefore.toFixed(2)} EUR, ${t.ratePer1000Before.toFixed(2)} per 1,000 invoices`);
  if (t.fixDeployedOn) {
    fact('Fix', `${t.fixDeployedOn}: ${t.fixDescription ?? ''}`);
  }
  if (t.verificationNote) {
    fact('Verification', t.verificationNote);
  }
  detail.replaceChildren(h('h2', {}, `${t.number} · ${statusLabel[t.status]}`), facts);
  const evidence = t.evidence ?? [];
  if (evidence.length > 0) {
    append(detail, h('h3', {}, 'Evidence'), h('ul', { class: 'history' }, ...evidence.slice(0, 20).map(e => h('li', {}, `${e.occurredOn} · ${e.invoiceNumber}${e.disputeNumber ? ` / ${e.disputeNumber}` : ''} · ${e.amount.toFixed(2)}`))));
  }
  const error = h('p', { class: 'form-error', role: 'alert' });
  const act = (run: () => Promise<unknown>) => () =>
    void run()
      .then(() => renderTasks(number))
      .catch((e: unknown) => (error.textContent = e instanceof ApiError ? e.title : 'The server could not be reached.'));
  if (t.status === 'Open' || t.status === 'Reopened') {
    append(detail, h('button', { type: 'button', class: 'button button-primary', 'data-test': 'acknowledge', onclick: act(() => rootCauses.move(number, 'acknowledge')) }, 'Acknowledge'));
  } else if (t.status === 'Acknowledged') {
    append(detail, h('button', { type: 'button', class: 'button button-primary', 'data-test': 'start-fix', onclick: act(() => rootCauses.move(number, 'start-fix')) }, 'Start the fix'));
  } else if (t.status === 'FixInProgress') {
    const date = h('input', { id: 'fix-date', type: 'date', value: to });
    const description = h('textarea', { id: 'fix-description', rows: 3 });
    append(
      detail,
      h('div', { class: 'field' }, h('label', { for: 'fix-date' }, 'Deployed on'), date),
      h('div', { class: 'field' }, h('label', { for: 'fix-description' }, 'What changed in the process'), description),
      h('button', { type: 'button', class: 'button button-primary', 'data-test': 'deploy-fix', onclick: act(() => rootCauses.deployFix(number, date.value, description.value.trim())) }, 'Fix deployed'),
    );
  }
  append(detail, error);
}
