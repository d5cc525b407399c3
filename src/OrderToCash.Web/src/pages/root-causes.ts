import { ApiError } from '../shared/api';
import { append, byId, h } from '../shared/dom';
import { startPage } from '../shared/page';
import { rootCauses, type Kpis } from '../root-causes/api';
import { t } from '../i18n/i18n';
import { date, fixed, money, number, percent } from '../i18n/format';
import { departmentLabel, reasonLabel, stateLabel } from '../i18n/labels';
import '../root-causes/texts';

const statusLabel = (status: string) => stateLabel('improvementState', status);

const isoDate = (d: Date) => d.toISOString().slice(0, 10);
const today = new Date();
const from = isoDate(new Date(today.getTime() - 89 * 86_400_000));
const to = isoDate(today);

void startPage('/root-causes', async () => {
  const analyze = h('button', { type: 'button', class: 'button', 'data-test': 'analyze' }, t('rootCauses:analyze'));
  byId('main').replaceChildren(
    h(
      'section',
      { class: 'page-intro' },
      h('h1', {}, t('rootCauses:title')),
      h('p', { class: 'lead' }, t('rootCauses:lead')),
    ),
    h('p', { id: 'rc-status', class: 'muted', role: 'status', 'aria-live': 'polite' }),
    h('section', { id: 'kpis', class: 'totals', 'aria-label': t('rootCauses:figures', { from: date(from), to: date(to) }) }),
    h('div', { class: 'split-layout' }, h('section', { id: 'tasks', class: 'card', 'aria-label': t('rootCauses:tasks') }), h('section', { id: 'task-detail', class: 'card', 'aria-label': t('rootCauses:selected') })),
    h('section', { id: 'groups', class: 'card', 'aria-label': t('rootCauses:causes') }),
    h('p', {}, analyze, ' ', h('a', { href: `/api/root-causes/groups.csv?from=${from}&to=${to}` }, t('rootCauses:causesCsv')), ' · ', h('a', { href: '/api/improvement-tasks/tasks.csv' }, t('rootCauses:tasksCsv')), ' · ', h('a', { href: `/api/kpis/aged-balance.csv?at=${to}` }, t('rootCauses:agedCsv'))),
  );
  analyze.addEventListener('click', () => {
    analyze.disabled = true;
    void rootCauses
      .analyze()
      .then(result => {
        byId('rc-status').textContent = t('rootCauses:analysed', { created: result.tasksCreated, verified: result.tasksVerified, reopened: result.tasksReopened });
        return Promise.all([renderTasks(), renderGroups()]);
      })
      .catch((error: unknown) => (byId('rc-status').textContent = error instanceof ApiError ? error.title : t('rootCauses:analysisFailed')))
      .finally(() => (analyze.disabled = false));
  });
  await Promise.all([renderKpis(), renderTasks(), renderGroups()]);
});

async function renderKpis(): Promise<void> {
  let kpis: Kpis;
  try {
    kpis = await rootCauses.kpis(from, to);
  } catch {
    return; // A role without the KPIs still sees its tasks.
  }
  const tile = (label: string, value: string) => h('div', { class: 'total' }, h('span', {}, label), h('strong', {}, value));
  const days = (v: number | null) => (v === null ? '—' : t('rootCauses:days', { value: fixed(v, 1) }));
  byId('kpis').replaceChildren(
    tile(t('rootCauses:dso'), days(kpis.dso)),
    tile(t('rootCauses:countBackDso'), days(kpis.countBackDso)),
    tile(t('rootCauses:bestDso'), days(kpis.bestPossibleDso)),
    tile(t('rootCauses:daysDelinquent'), days(kpis.averageDaysDelinquent)),
    tile(t('rootCauses:cei'), percent(kpis.cei)),
    tile(t('rootCauses:disputed'), percent(kpis.disputedInvoicesPercent)),
    tile(t('rootCauses:promisesKept'), percent(kpis.promiseToPayKeptRate)),
    tile(t('rootCauses:creditBlocked'), percent(kpis.creditBlockRate)),
  );
}

async function renderGroups(): Promise<void> {
  const grouped = await rootCauses.groups(from, to);
  const section = byId('groups');
  if (grouped.groups.length === 0) {
    section.replaceChildren(h('h2', {}, t('rootCauses:causes')), h('p', { class: 'muted' }, t('rootCauses:noCause')));
    return;
  }
  const body = h('tbody', {});
  for (const g of [...grouped.groups].sort((a, b) => b.ratePer1000Invoices - a.ratePer1000Invoices)) {
    append(
      body,
      h(
        'tr',
        {},
        h('td', {}, reasonLabel(g.reason)),
        h('td', {}, stateLabel('reasonKind', g.kind)),
        h('td', {}, departmentLabel(g.department)),
        h('td', {}, g.segment),
        h('td', {}, g.productFamily),
        h('td', { class: 'num' }, number(g.count, 0)),
        h('td', { class: 'num' }, money(g.amount)),
        h('td', { class: 'num' }, fixed(g.ratePer1000Invoices, 2)),
      ),
    );
  }
  section.replaceChildren(
    h('h2', {}, t('rootCauses:causesIssued', { count: grouped.invoicesIssued })),
    h(
      'table',
      { class: 'data-table', 'data-test': 'cause-groups' },
      h('thead', {}, h('tr', {}, ...['reason', 'kind', 'department', 'segment', 'productFamily', 'count', 'amount', 'per1000'].map(k => h('th', {}, t(`rootCauses:col.${k}`))))),
      body,
    ),
  );
}

async function renderTasks(select?: string): Promise<void> {
  const tasks = await rootCauses.tasks();
  const section = byId('tasks');
  if (tasks.length === 0) {
    section.replaceChildren(h('h2', {}, t('rootCauses:tasks')), h('p', { class: 'muted', 'data-test': 'no-improvement-tasks' }, t('rootCauses:noTask')));
    byId('task-detail').replaceChildren(h('p', { class: 'muted' }, t('rootCauses:taskOpensHere')));
    return;
  }
  const body = h('tbody', {});
  for (const task of tasks) {
    append(
      body,
      h(
        'tr',
        { 'data-improvement-task': task.number },
        h('td', {}, h('button', { type: 'button', class: 'link-button', onclick: () => void show(task.number) }, task.number)),
        h('td', {}, reasonLabel(task.reason)),
        h('td', {}, departmentLabel(task.department)),
        h('td', {}, statusLabel(task.status)),
        h('td', { class: 'num' }, fixed(task.ratePer1000Before, 2)),
        h('td', { class: 'num' }, fixed(task.ratePer1000After, 2)),
      ),
    );
  }
  section.replaceChildren(
    h('h2', {}, t('rootCauses:tasks')),
    h(
      'table',
      { class: 'data-table', 'data-test': 'improvement-tasks' },
      h('thead', {}, h('tr', {}, ...['task', 'reason', 'department', 'state', 'rateBefore', 'rateAfter'].map(k => h('th', {}, t(`rootCauses:col.${k}`))))),
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
  const task = await rootCauses.task(number);
  if (showing !== number) {
    return;
  }
  const detail = byId('task-detail');
  const facts = h('dl', { class: 'facts' });
  const fact = (label: string, value: string) => append(facts, h('dt', {}, label), h('dd', {}, value));
  fact(t('rootCauses:cause'), `${reasonLabel(task.reason)} → ${departmentLabel(task.department)}`);
  fact(t('rootCauses:why'), task.triggeredBy);
  fact(t('rootCauses:beforeFix'), t('rootCauses:beforeFixLine', { count: task.occurrencesBefore, amount: money(task.amountBefore), rate: fixed(task.ratePer1000Before, 2) }));
  if (task.fixDeployedOn) {
    fact(t('rootCauses:fix'), `${date(task.fixDeployedOn)} : ${task.fixDescription ?? ''}`);
  }
  if (task.verificationNote) {
    fact(t('rootCauses:verification'), task.verificationNote);
  }
  detail.replaceChildren(h('h2', {}, `${task.number} · ${statusLabel(task.status)}`), facts);
  const evidence = task.evidence ?? [];
  if (evidence.length > 0) {
    append(detail, h('h3', {}, t('rootCauses:evidence')), h('ul', { class: 'history' }, ...evidence.slice(0, 20).map(e => h('li', {}, `${date(e.occurredOn)} · ${e.invoiceNumber}${e.disputeNumber ? ` / ${e.disputeNumber}` : ''} · ${money(e.amount)}`))));
  }
  const error = h('p', { class: 'form-error', role: 'alert' });
  const act = (run: () => Promise<unknown>) => () =>
    void run()
      .then(() => renderTasks(number))
      .catch((e: unknown) => (error.textContent = e instanceof ApiError ? e.title : t('shell:unreachable')));
  if (task.status === 'Open' || task.status === 'Reopened') {
    append(detail, h('button', { type: 'button', class: 'button button-primary', 'data-test': 'acknowledge', onclick: act(() => rootCauses.move(number, 'acknowledge')) }, t('rootCauses:acknowledge')));
  } else if (task.status === 'Acknowledged') {
    append(detail, h('button', { type: 'button', class: 'button button-primary', 'data-test': 'start-fix', onclick: act(() => rootCauses.move(number, 'start-fix')) }, t('rootCauses:startFix')));
  } else if (task.status === 'FixInProgress') {
    const date = h('input', { id: 'fix-date', type: 'date', value: to });
    const description = h('textarea', { id: 'fix-description', rows: 3 });
    append(
      detail,
      h('div', { class: 'field' }, h('label', { for: 'fix-date' }, t('rootCauses:deployedOn')), date),
      h('div', { class: 'field' }, h('label', { for: 'fix-description' }, t('rootCauses:whatChanged')), description),
      h('button', { type: 'button', class: 'button button-primary', 'data-test': 'deploy-fix', onclick: act(() => rootCauses.deployFix(number, date.value, description.value.trim())) }, t('rootCauses:fixDeployed')),
    );
  }
  append(detail, error);
}
