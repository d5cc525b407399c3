import { byId, h } from '../shared/dom';
import { startPage } from '../shared/page';
import { t } from '../i18n/i18n';
import { date, fixed, money } from '../i18n/format';
import { reasonLabel } from '../i18n/labels';
import { kpis, type CauseGroup, type CustomerExposure, type ImprovementTask, type Kpis, type MonthlyKpis } from '../kpis/api';
import { chartCard, Colours, emptyCard } from '../kpis/chart-card';
import '../kpis/texts';
import '../styles/kpis.css';

const Buckets = ['notDue', 'd1To30', 'd31To60', 'd61To90', 'over90'] as const;
const LargestCount = 10;

function iso(day: Date): string {
  return day.toISOString().slice(0, 10);
}

void startPage('/kpis', async () => {
  const slots = ['aged', 'trend', 'causes', 'fixes', 'exposure'].map(id => h('div', { id: `slot-${id}`, class: 'chart-slot' }));
  byId('main').replaceChildren(
    h('section', { class: 'page-intro' }, h('h1', {}, t('kpis:title')), h('p', { class: 'lead' }, t('kpis:lead'))),
    h('div', { class: 'chart-grid' }, ...slots),
  );
  const today = new Date();
  const to = iso(today);
  const from = iso(new Date(today.getTime() - 89 * 86_400_000));
  const [current, monthly, groups, tasks, largest] = await Promise.all([
    kpis.today(to, to),
    kpis.monthly(12),
    kpis.groups(from, to),
    kpis.improvementTasks().catch(() => [] as ImprovementTask[]),
    kpis.largestExposures(LargestCount),
  ]);
  aged(current, to);
  trend(monthly);
  causes(groups.groups, from, to);
  fixes(tasks);
  exposure(largest);
});

function aged(report: Kpis, at: string): void {
  const labels = Buckets.map(b => t(`kpis:bucket.${b}`));
  const values = Buckets.map(b => report.agedBalance[b]);
  chartCard(
    byId('slot-aged'),
    'aged-balance',
    t('kpis:aged', { date: date(at) }),
    {
      type: 'bar',
      data: { labels, datasets: [{ label: t('kpis:amount'), data: values, backgroundColor: [Colours.primary, Colours.soft, Colours.warning, Colours.danger, Colours.danger] }] },
      options: { plugins: { legend: { display: false } } },
    },
    { head: [t('kpis:bucketTitle'), t('kpis:amount')], rows: labels.map((l, i) => [l, money(values[i]!)]) },
  );
}

function trend(months: MonthlyKpis[]): void {
  const labels = months.map(m => m.month);
  chartCard(
    byId('slot-trend'),
    'dso-trend',
    t('kpis:trend'),
    {
      type: 'line',
      data: {
        labels,
        datasets: [
          { label: t('kpis:dso'), data: months.map(m => m.dso), borderColor: Colours.primary, backgroundColor: Colours.primary, yAxisID: 'days' },
          { label: t('kpis:cei'), data: months.map(m => m.cei), borderColor: Colours.warning, backgroundColor: Colours.warning, yAxisID: 'percent' },
        ],
      },
      options: { scales: { days: { type: 'linear', position: 'left' }, percent: { type: 'linear', position: 'right', min: 0, max: 100, grid: { drawOnChartArea: false } } } },
    },
    { head: [t('kpis:month'), t('kpis:dso'), t('kpis:cei')], rows: months.map(m => [m.month, fixed(m.dso, 1), fixed(m.cei, 1)]) },
  );
}

function causes(groups: CauseGroup[], from: string, to: string): void {
  const title = t('kpis:causes', { from: date(from), to: date(to) });
  const byReason = new Map<string, number>();
  for (const group of groups.filter(g => g.kind === 'Dispute')) {
    byReason.set(group.reason, (byReason.get(group.reason) ?? 0) + group.ratePer1000Invoices);
  }
  const rows = [...byReason.entries()].sort((a, b) => b[1] - a[1]);
  if (rows.length === 0) {
    emptyCard(byId('slot-causes'), 'dispute-causes', title, t('kpis:noCauses'));
    return;
  }
  const labels = rows.map(([reason]) => reasonLabel(reason));
  chartCard(
    byId('slot-causes'),
    'dispute-causes',
    title,
    { type: 'bar', data: { labels, datasets: [{ label: t('kpis:rate'), data: rows.map(([, rate]) => rate), backgroundColor: Colours.primary }] }, options: { indexAxis: 'y', plugins: { legend: { display: false } } } },
    { head: [t('kpis:cause'), t('kpis:rate')], rows: rows.map(([, rate], i) => [labels[i]!, fixed(rate, 2)]) },
  );
}

/** Each deployed fix: its cause's rate before and after the fix date, the date in the label. */
function fixes(tasks: ImprovementTask[]): void {
  const deployed = tasks.filter(task => task.fixDeployedOn && task.ratePer1000After !== null);
  if (deployed.length === 0) {
    emptyCard(byId('slot-fixes'), 'fix-effects', t('kpis:fixes'), t('kpis:noFixes'));
    return;
  }
  const labels = deployed.map(task => t('kpis:fixLabel', { reason: reasonLabel(task.reason), date: date(task.fixDeployedOn) }));
  chartCard(
    byId('slot-fixes'),
    'fix-effects',
    t('kpis:fixes'),
    {
      type: 'bar',
      data: {
        labels,
        datasets: [
          { label: t('kpis:before'), data: deployed.map(task => task.ratePer1000Before), backgroundColor: Colours.muted },
          { label: t('kpis:after'), data: deployed.map(task => task.ratePer1000After), backgroundColor: Colours.primary },
        ],
      },
    },
    { head: [t('kpis:cause'), t('kpis:before'), t('kpis:after')], rows: deployed.map((task, i) => [labels[i]!, fixed(task.ratePer1000Before, 2), fixed(task.ratePer1000After, 2)]) },
  );
}

function exposure(customers: CustomerExposure[]): void {
  const title = t('kpis:exposure', { count: customers.length });
  if (customers.length === 0) {
    emptyCard(byId('slot-exposure'), 'largest-exposures', title, t('kpis:notAvailable'));
    return;
  }
  const labels = customers.map(c => c.legalName);
  chartCard(
    byId('slot-exposure'),
    'largest-exposures',
    title,
    {
      type: 'bar',
      data: {
        labels,
        datasets: [
          { label: t('kpis:exposureSeries'), data: customers.map(c => c.exposure), backgroundColor: customers.map(c => (c.exposure > c.creditLimit ? Colours.danger : Colours.primary)) },
          { label: t('kpis:limitSeries'), data: customers.map(c => c.creditLimit), backgroundColor: Colours.muted },
        ],
      },
      options: { indexAxis: 'y' },
    },
    { head: [t('kpis:customer'), t('kpis:exposureSeries'), t('kpis:limitSeries')], rows: customers.map(c => [c.legalName, money(c.exposure, c.currency), money(c.creditLimit, c.currency)]) },
  );
}
