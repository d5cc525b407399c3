import type { CurrentUser } from '../shared/api';
import { append, byId, h } from '../shared/dom';
import { problemText, startPage } from '../shared/page';
import { t } from '../i18n/i18n';
import { dateTime } from '../i18n/format';
import { stateLabel } from '../i18n/labels';
import { latestVersions, workflows, type InstanceDetail, type InstancePage, type InstanceSearch, type InstanceStatus } from '../processes/api';
import { ProcessDiagram } from '../processes/diagram';
import { processLabel } from '../processes/texts';
import '../styles/collections.css';
import '../styles/processes.css';

const Statuses: InstanceStatus[] = ['Incident', 'Running', 'Completed', 'Failed', 'Cancelled'];

/** The search as the form holds it; an administrator lands on the incidents. */
const search: InstanceSearch = { status: 'Incident', page: 1, pageSize: 25 };
let user: CurrentUser;
let diagram: ProcessDiagram;

void startPage('/operations', async current => {
  user = current;
  const parameters = new URLSearchParams(location.search);
  const key = h('input', { id: 'search-key', type: 'search', maxlength: 200, autocomplete: 'off', value: parameters.get('key') ?? '' });
  const status = h('select', { id: 'search-status' }, h('option', { value: '' }, t('processes:anyStatus')), ...Statuses.map(s => h('option', { value: s }, stateLabel('instanceStatus', s))));
  const process = h('select', { id: 'search-process' }, h('option', { value: '' }, t('processes:anyProcess')));
  if (parameters.has('key')) {
    search.status = '';
    search.businessKey = parameters.get('key') ?? '';
  }
  status.value = search.status ?? '';
  const form = h(
    'form',
    { class: 'toolbar', role: 'search', 'aria-label': t('processes:search') },
    h('div', { class: 'field' }, h('label', { for: 'search-key' }, t('processes:key')), key),
    h('div', { class: 'field' }, h('label', { for: 'search-status' }, t('processes:status')), status),
    h('div', { class: 'field' }, h('label', { for: 'search-process' }, t('processes:process')), process),
    h('button', { class: 'button button-primary', type: 'submit', 'data-test': 'search' }, t('processes:search')),
  );
  form.addEventListener('submit', event => {
    event.preventDefault();
    Object.assign(search, { businessKey: key.value.trim(), status: status.value as InstanceStatus | '', processId: process.value, page: 1 });
    void find();
  });
  const canvas = h('div', { id: 'instance-diagram', class: 'process-diagram', role: 'region', 'aria-label': t('processes:diagram', { name: '' }) });
  byId('main').replaceChildren(
    h('section', { class: 'page-intro' }, h('h1', {}, t('shell:page.operations.title')), h('p', { class: 'lead' }, t('shell:page.operations.summary'))),
    form,
    h('p', { id: 'operations-status', class: 'muted', role: 'status', 'aria-live': 'polite' }),
    h('section', { id: 'instances', class: 'card', 'aria-label': t('processes:found', { total: '' }) }),
    h('section', { id: 'instance', class: 'card', hidden: true, 'aria-labelledby': 'instance-title' }, h('h2', { id: 'instance-title' }), canvas, h('div', { id: 'instance-body' })),
  );
  diagram = new ProcessDiagram(canvas);
  for (const version of latestVersions(await workflows.versions())) {
    append(process, h('option', { value: version.processId }, processLabel(version)));
  }
  await find();
  const wanted = parameters.get('instance');
  if (wanted) {
    await openInstance(wanted);
  } else if (parameters.has('key')) {
    const only = (await workflows.search(search)).instances;
    if (only.length === 1) {
      await openInstance(only[0]!.id);
    }
  }
});

function setStatus(message: string, error = false): void {
  const status = byId('operations-status');
  status.textContent = message;
  status.classList.toggle('error', error);
}

async function find(): Promise<void> {
  try {
    render(await workflows.search(search));
  } catch (error) {
    setStatus(problemText(error), true);
  }
}

function render(found: InstancePage): void {
  const container = byId('instances');
  const title = search.status === 'Incident' && !search.businessKey ? t('processes:incidents') : t('processes:found', { total: found.total });
  if (found.total === 0) {
    container.replaceChildren(h('h2', {}, title), h('p', { 'data-test': 'no-instances' }, t('processes:noneFound')));
    return;
  }
  const pages = Math.max(1, Math.ceil(found.total / found.pageSize));
  container.replaceChildren(
    h('h2', {}, `${title} (${found.total})`),
    h(
      'div',
      { class: 'table-scroll' },
      h(
        'table',
        { class: 'data-table', 'data-test': 'instances' },
        h(
          'thead',
          {},
          h('tr', {}, ...[t('processes:key'), t('processes:process'), t('processes:status'), t('processes:updated'), t('processes:incidents'), ''].map(c => h('th', {}, c))),
        ),
        h(
          'tbody',
          {},
          ...found.instances.map(i =>
            h(
              'tr',
              { 'data-instance': i.id },
              h('td', {}, i.businessKey ?? '—'),
              h('td', {}, `${processLabel(i)} · ${t('processes:version', { version: i.version })}`),
              h('td', { 'data-test': 'status' }, stateLabel('instanceStatus', i.status)),
              h('td', {}, dateTime(i.updatedAt)),
              h('td', { class: 'small' }, i.incidentMessage ?? ''),
              h(
                'td',
                {},
                h('button', { type: 'button', class: 'button button-small', 'aria-label': t('processes:openLabel', { key: i.businessKey ?? i.id }), onclick: () => void openInstance(i.id) }, t('processes:open')),
              ),
            ),
          ),
        ),
      ),
    ),
    h(
      'div',
      { class: 'pager' },
      h('button', { type: 'button', class: 'button button-small', disabled: found.page <= 1, onclick: () => void turn(found.page - 1) }, t('processes:previous')),
      h('span', {}, t('processes:pageOf', { page: found.page, pages })),
      h('button', { type: 'button', class: 'button button-small', disabled: found.page >= pages, onclick: () => void turn(found.page + 1) }, t('processes:next')),
    ),
  );
}

async function turn(page: number): Promise<void> {
  search.page = page;
  await find();
}

async function openInstance(id: string): Promise<void> {
  try {
    const instance = await workflows.instance(id);
    const section = byId('instance');
    section.hidden = false;
    await diagram.show(await workflows.xml(instance.processId, instance.version));
    byId('instance-title').textContent = t('processes:instanceTitle', { process: processLabel(instance), key: instance.businessKey ?? instance.id });
    byId('instance-diagram').setAttribute('aria-label', t('processes:diagram', { name: processLabel(instance) }));
    drawPath(instance);
    byId('instance-body').replaceChildren(...details(instance));
    section.scrollIntoView({ block: 'start' });
  } catch (error) {
    setStatus(problemText(error), true);
  }
}

/** Passed elements, where the instance waits now, and the failing element, coloured on the diagram. */
function drawPath(instance: InstanceDetail): void {
  diagram.clear();
  for (const step of instance.path) {
    diagram.mark(step.elementId, step.leftAt ? 'path-done' : 'path-active');
  }
  if (instance.incident) {
    diagram.mark(instance.incident.elementId, 'path-incident');
  }
}

function details(instance: InstanceDetail): HTMLElement[] {
  const waits = instance.path.filter(step => !step.leftAt).map(step => diagram.nameOf(step.elementId));
  const facts = h(
    'dl',
    { class: 'facts', 'data-test': 'instance-facts' },
    h('dt', {}, t('processes:status')),
    h('dd', { 'data-test': 'instance-status' }, stateLabel('instanceStatus', instance.status)),
    h('dt', {}, t('processes:process')),
    h('dd', {}, `${processLabel(instance)} · ${t('processes:version', { version: instance.version })}`),
    h('dt', {}, t('processes:started')),
    h('dd', {}, dateTime(instance.startedAt)),
    instance.endedAt ? h('dt', {}, t('processes:ended')) : null,
    instance.endedAt ? h('dd', {}, dateTime(instance.endedAt)) : null,
    waits.length > 0 ? h('dt', {}, t('processes:waits')) : null,
    waits.length > 0 ? h('dd', {}, waits.join(', ')) : null,
  );
  const legend = h(
    'p',
    { class: 'small legend', 'aria-label': t('processes:legend') },
    h('span', { class: 'legend-swatch path-done-swatch' }), t('processes:legendDone'), ' ',
    h('span', { class: 'legend-swatch path-active-swatch' }), t('processes:legendActive'), ' ',
    h('span', { class: 'legend-swatch path-incident-swatch' }), t('processes:legendIncident'),
  );
  return [facts, ...incident(instance), actions(instance), legend, variables(instance), history(instance)];
}

function incident(instance: InstanceDetail): HTMLElement[] {
  if (!instance.incident) {
    return [];
  }
  const { elementId, message, budget, detail } = instance.incident;
  return [
    h(
      'div',
      { class: 'incident', role: 'alert', 'data-test': 'incident' },
      h('h3', {}, t('processes:incidentAt', { element: diagram.nameOf(elementId) })),
      h('p', {}, message),
      budget ? h('p', { class: 'small' }, t('processes:budget', { budget })) : null,
      detail ? h('details', {}, h('summary', {}, t('processes:incidentDetail')), h('pre', { 'data-test': 'incident-detail' }, detail)) : null,
    ),
  ];
}

function actions(instance: InstanceDetail): HTMLElement {
  const operator = user.roles.includes('ProcessOwner') || user.roles.includes('Administrator');
  const bar = h('div', { class: 'actions' });
  if (!operator) {
    return bar;
  }
  if (instance.status === 'Incident') {
    append(bar, h('button', { type: 'button', class: 'button button-primary', 'data-test': 'retry', onclick: () => void act(instance, 'retry') }, t('processes:retry')));
  }
  if (instance.status === 'Running' || instance.status === 'Incident') {
    append(bar, h('button', { type: 'button', class: 'button', 'data-test': 'cancel', onclick: () => void act(instance, 'cancel') }, t('processes:cancel')));
  }
  if (user.roles.includes('ProcessOwner') && instance.status === 'Running') {
    append(bar, h('a', { class: 'button', href: `/designer?migrate=${encodeURIComponent(instance.processId)}` }, t('processes:migrate')));
  }
  return bar;
}

async function act(instance: InstanceDetail, action: 'retry' | 'cancel'): Promise<void> {
  if (action === 'cancel' && !window.confirm(t('processes:confirmCancel', { key: instance.businessKey ?? instance.id }))) {
    return;
  }
  try {
    await (action === 'retry' ? workflows.retry(instance.id) : workflows.cancel(instance.id));
    const after = await workflows.instance(instance.id);
    setStatus(action === 'retry' ? t('processes:retried', { status: stateLabel('instanceStatus', after.status) }) : t('processes:cancelled'));
    await find();
    await openInstance(instance.id);
  } catch (error) {
    setStatus(problemText(error), true);
  }
}

function variables(instance: InstanceDetail): HTMLElement {
  const entries = Object.entries(instance.variables).sort(([a], [b]) => a.localeCompare(b));
  return h(
    'section',
    { 'aria-labelledby': 'variables-title' },
    h('h3', { id: 'variables-title' }, t('processes:variables')),
    entries.length === 0
      ? h('p', {}, t('processes:noVariables'))
      : h(
          'table',
          { class: 'data-table', 'data-test': 'variables' },
          h('thead', {}, h('tr', {}, h('th', {}, t('processes:variable')), h('th', {}, t('processes:value')))),
          h('tbody', {}, ...entries.map(([name, value]) => h('tr', {}, h('td', {}, name), h('td', { class: 'mono' }, typeof value === 'string' ? value : JSON.stringify(value))))),
        ),
  );
}

function history(instance: InstanceDetail): HTMLElement {
  return h(
    'section',
    { 'aria-labelledby': 'history-title' },
    h('h3', { id: 'history-title' }, t('processes:history')),
    h(
      'table',
      { class: 'data-table', 'data-test': 'history' },
      h('thead', {}, h('tr', {}, ...[t('processes:element'), t('processes:process'), t('processes:entered'), t('processes:left'), t('processes:outcome')].map(c => h('th', {}, c)))),
      h(
        'tbody',
        {},
        ...instance.path.map(step =>
          h('tr', {}, h('td', {}, diagram.nameOf(step.elementId)), h('td', {}, step.processId), h('td', {}, dateTime(step.enteredAt)), h('td', {}, dateTime(step.leftAt)), h('td', {}, step.outcome ? stateLabel('visitOutcome', step.outcome) : '')),
        ),
      ),
    ),
  );
}
