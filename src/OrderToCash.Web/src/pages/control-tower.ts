import type { CurrentUser } from '../shared/api';
import { append, byId, h } from '../shared/dom';
import { problemText, startPage } from '../shared/page';
import { canOpen, pages } from '../shared/pages';
import { t } from '../i18n/i18n';
import { fixed } from '../i18n/format';
import { alertLabel, stateLabel } from '../i18n/labels';
import { latestVersions, workflows, type PublishedVersion, type WaitingLine } from '../processes/api';
import { ProcessDiagram } from '../processes/diagram';
import '../processes/texts';
import '../styles/collections.css';
import '../styles/processes.css';

const Periods = [7, 30, 90];

let versions: PublishedVersion[] = [];
let lines: WaitingLine[] = [];
let diagram: ProcessDiagram;
/** Whether the user opens operations, where each waiting instance links to. */
let operator = false;
const chosen = { processId: 'order-to-cash', days: 30 };

void startPage('/control-tower', async (user: CurrentUser) => {
  operator = pages.some(p => p.path === '/operations' && canOpen(user, p));
  const process = h('select', { id: 'tower-process' });
  const period = h('select', { id: 'tower-period' }, ...Periods.map(d => h('option', { value: String(d) }, t('processes:days', { count: d }))));
  period.value = String(chosen.days);
  const canvas = h('div', { id: 'tower-diagram', class: 'process-diagram', role: 'region', 'aria-label': t('processes:diagram', { name: '' }) });
  byId('main').replaceChildren(
    h('section', { class: 'page-intro' }, h('h1', {}, t('shell:page.controlTower.title')), h('p', { class: 'lead' }, t('shell:page.controlTower.summary'))),
    h(
      'div',
      { class: 'toolbar' },
      h('div', { class: 'field' }, h('label', { for: 'tower-process' }, t('processes:process')), process),
      h('div', { class: 'field' }, h('label', { for: 'tower-period' }, t('processes:period')), period),
    ),
    h('p', { id: 'tower-status', class: 'muted', role: 'status', 'aria-live': 'polite' }),
    h('section', { class: 'card' }, canvas, h('p', { class: 'small muted' }, t('processes:heatLegend'))),
    h('section', { id: 'tower-waiting', class: 'card', hidden: true, 'aria-live': 'polite' }),
    h('section', { id: 'tower-lines', class: 'card' }),
  );
  diagram = new ProcessDiagram(canvas, elementId => void showWaiting(elementId));
  versions = latestVersions(await workflows.versions());
  if (!versions.some(v => v.processId === chosen.processId) && versions.length > 0) {
    chosen.processId = versions[0]!.processId;
  }
  for (const version of versions) {
    append(process, h('option', { value: version.processId }, t('processes:processOption', { name: version.name ?? version.processId, version: version.version })));
  }
  process.value = chosen.processId;
  process.addEventListener('change', () => {
    chosen.processId = process.value;
    void draw(true);
  });
  period.addEventListener('change', () => {
    chosen.days = Number(period.value);
    void draw(false);
  });
  await draw(true);
});

async function draw(newDiagram: boolean): Promise<void> {
  try {
    const version = versions.find(v => v.processId === chosen.processId);
    if (!version) {
      return;
    }
    if (newDiagram) {
      await diagram.show(await workflows.xml(version.processId, version.version));
      byId('tower-diagram').setAttribute('aria-label', t('processes:diagram', { name: version.name ?? version.processId }));
      byId('tower-waiting').hidden = true;
    }
    lines = (await workflows.waitingLines(chosen.days)).filter(l => l.processId === chosen.processId && diagram.has(l.elementId));
    heatMap();
    table();
  } catch (error) {
    setStatus(problemText(error), true);
  }
}

function setStatus(message: string, error = false): void {
  const status = byId('tower-status');
  status.textContent = message;
  status.classList.toggle('error', error);
}

/** Each element with instances waiting gets a badge and a shade by its share of the busiest element; red past the SLA. */
function heatMap(): void {
  diagram.clear();
  const busiest = Math.max(1, ...lines.map(l => l.waitingNow));
  for (const line of lines.filter(l => l.waitingNow > 0)) {
    const level = Math.min(3, Math.ceil((line.waitingNow / busiest) * 3));
    diagram.mark(line.elementId, line.slaBreaches > 0 ? 'heat-breach' : `heat-${level}`);
    const label = t('processes:badge', { count: line.waitingNow, breaches: line.slaBreaches });
    diagram.badge(
      line.elementId,
      h('button', { type: 'button', class: `heat-badge${line.slaBreaches > 0 ? ' heat-badge-breach' : ''}`, 'data-element': line.elementId, title: label, 'aria-label': label, onclick: () => void showWaiting(line.elementId) }, String(line.waitingNow)),
    );
  }
}

function hours(value: number | null): string {
  return value === null ? '—' : t('processes:hours', { value: fixed(value, 1) });
}

function table(): void {
  const rows = [...lines].sort((a, b) => b.waitingNow - a.waitingNow || a.elementId.localeCompare(b.elementId));
  const heads = ['element', 'waitingNow', 'oldest', 'mean', 'p90', 'sla', 'breaches', 'alerts'].map(k => h('th', {}, t(`processes:${k}`)));
  byId('tower-lines').replaceChildren(
    h(
      'div',
      { class: 'table-scroll' },
      h(
        'table',
        { class: 'data-table', 'data-test': 'waiting-lines' },
        h('thead', {}, h('tr', {}, ...heads, h('th', {}, h('span', { class: 'visually-hidden' }, t('processes:showWaiting'))))),
        h(
          'tbody',
          {},
          ...rows.map(line =>
            h(
              'tr',
              { 'data-element': line.elementId },
              h('td', {}, diagram.nameOf(line.elementId)),
              h('td', { class: 'num' }, String(line.waitingNow)),
              h('td', { class: 'num' }, hours(line.oldestWaitHours)),
              h('td', { class: 'num' }, hours(line.meanHours)),
              h('td', { class: 'num' }, hours(line.p90Hours)),
              h('td', { class: 'num' }, hours(line.slaHours)),
              h('td', { class: line.slaBreaches > 0 ? 'num error' : 'num' }, String(line.slaBreaches)),
              h('td', { class: 'small' }, line.alerts.map(alertLabel).join(' ; ')),
              h(
                'td',
                {},
                line.waitingNow > 0
                  ? h('button', { type: 'button', class: 'button button-small', 'aria-label': t('processes:showWaitingLabel', { element: diagram.nameOf(line.elementId) }), onclick: () => void showWaiting(line.elementId) }, t('processes:showWaiting'))
                  : null,
              ),
            ),
          ),
        ),
      ),
    ),
  );
}

/** The instances waiting at an element now, each linked to its page in operations. */
async function showWaiting(elementId: string): Promise<void> {
  const section = byId('tower-waiting');
  try {
    const found = await workflows.search({ processId: chosen.processId, elementId, pageSize: 50 });
    const title = h('h2', {}, t('processes:waitingAt', { element: diagram.nameOf(elementId), total: found.total }));
    section.replaceChildren(
      title,
      found.total === 0
        ? h('p', {}, t('processes:noWaiting'))
        : h(
            'ul',
            { class: 'history', 'data-test': 'waiting-instances' },
            ...found.instances.map(i =>
              h(
                'li',
                { 'data-instance': i.id },
                operator ? h('a', { href: `/operations?instance=${encodeURIComponent(i.id)}` }, i.businessKey ?? i.id) : h('strong', {}, i.businessKey ?? i.id),
                ` · ${i.processId} · ${stateLabel('instanceStatus', i.status)}`,
              ),
            ),
          ),
    );
    section.hidden = false;
    section.scrollIntoView({ block: 'nearest' });
  } catch (error) {
    setStatus(problemText(error), true);
  }
}
