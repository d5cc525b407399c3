import { t } from '../i18n/i18n';
import { h } from '../shared/dom';
import { definitions, type DefinitionSummary, type MigrationResult } from './definitions-api';
import { flowNodesOf, type FlowNodeInfo } from './flow-nodes';

/**
 * "Migrate instances…": a process owner moves the waiting instances of one published version to another, as Camunda
 * does. Choose the process and the two versions, check (the server previews: where the instances wait and where each
 * element goes), map an element the target lacks to one of the same kind, then migrate. Nothing moves unless every
 * instance of the batch can.
 */
export class MigrateDialog {
  private list: DefinitionSummary[] = [];
  private targetNodes: FlowNodeInfo[] = [];
  private sourceNodes: FlowNodeInfo[] = [];
  private readonly process = h('select', { id: 'migrate-process' });
  private readonly source = h('select', { id: 'migrate-source' });
  private readonly target = h('select', { id: 'migrate-target' });
  private readonly checkButton = h('button', { class: 'button', type: 'button' }, t('designerDialogs:migrate.check'));
  private readonly migrateButton = h('button', { class: 'button button-primary', type: 'button', disabled: true }, t('designerDialogs:migrate.migrate'));
  private readonly plan = h('div', { 'data-test': 'migration-plan' });
  private readonly outcome = h('p', { class: 'designer-status', role: 'status', 'aria-live': 'polite', 'data-test': 'migration-outcome' });

  constructor(
    private readonly dialog: HTMLDialogElement,
    private readonly body: HTMLElement,
    private readonly migrated: (message: string) => void,
  ) {
    dialog.querySelector('[data-close]')?.addEventListener('click', () => dialog.close());
    this.process.addEventListener('change', () => this.fillVersions());
    for (const select of [this.source, this.target]) {
      select.addEventListener('change', () => this.resetPlan());
    }
    this.checkButton.addEventListener('click', () => void this.check());
    this.migrateButton.addEventListener('click', () => void this.migrate());
  }

  /** Opens the dialog on <paramref name="processId"/> (the one on the canvas), or on the first process with waiting instances. */
  async show(processId?: string): Promise<void> {
    this.body.replaceChildren(h('p', { class: 'muted' }, t('designerDialogs:loading')));
    this.dialog.showModal();
    try {
      this.list = await definitions.list();
    } catch (error) {
      this.body.replaceChildren(h('p', { class: 'form-error', role: 'alert' }, t('designerDialogs:listFailed', { reason: message(error) })));
      return;
    }
    const processes = [...new Set(this.list.map(d => d.processId))];
    if (processes.length === 0) {
      this.body.replaceChildren(h('p', { class: 'muted' }, t('designerDialogs:migrate.none')));
      return;
    }
    this.process.replaceChildren(...processes.map(p => h('option', { value: p }, p)));
    this.process.value = processId && processes.includes(processId) ? processId : (this.list.find(d => d.running + d.incidents > 0)?.processId ?? processes[0]);
    this.body.replaceChildren(
      h(
        'div',
        { class: 'migrate-form' },
        field('migrate-process', t('designerDialogs:migrate.process'), this.process),
        field('migrate-source', t('designerDialogs:migrate.from'), this.source),
        field('migrate-target', t('designerDialogs:migrate.to'), this.target),
        h('div', { class: 'toolbar' }, this.checkButton, this.migrateButton),
      ),
      h('p', { class: 'muted small' }, t('designerDialogs:migrate.explain')),
      this.plan,
      this.outcome,
    );
    this.fillVersions();
  }

  private fillVersions(): void {
    const versions = this.list.filter(d => d.processId === this.process.value).sort((a, b) => a.version - b.version);
    const option = (d: DefinitionSummary) => h('option', { value: d.version }, t('designerDialogs:migrate.versionOption', { version: d.version, waiting: d.running + d.incidents }));
    this.source.replaceChildren(...versions.map(option));
    this.target.replaceChildren(...versions.map(option));
    const latest = versions[versions.length - 1];
    const waiting = versions.find(d => d.running + d.incidents > 0 && d !== latest) ?? versions[0];
    this.source.value = String(waiting?.version ?? '');
    this.target.value = String(latest?.version ?? '');
    this.resetPlan();
  }

  private resetPlan(): void {
    this.plan.replaceChildren();
    this.outcome.textContent = '';
    this.migrateButton.disabled = true;
  }

  private request(dryRun: boolean) {
    const mappings = Array.from(this.plan.querySelectorAll<HTMLSelectElement>('select[data-element]'))
      .filter(select => select.value !== '' && select.value !== select.dataset.element)
      .map(select => ({ sourceElementId: select.dataset.element ?? '', targetElementId: select.value }));
    return { sourceVersion: Number(this.source.value), targetVersion: Number(this.target.value), mappings, dryRun };
  }

  private async check(): Promise<void> {
    const processId = this.process.value;
    const [sourceVersion, targetVersion] = [Number(this.source.value), Number(this.target.value)];
    if (sourceVersion === targetVersion) {
      this.say(t('designerDialogs:migrate.sameVersion', { version: sourceVersion }), 'error');
      return;
    }
    try {
      const [sourceXml, targetXml, preview] = await Promise.all([
        definitions.xml(processId, sourceVersion),
        definitions.xml(processId, targetVersion),
        definitions.migrate(processId, this.request(true)),
      ]);
      this.sourceNodes = flowNodesOf(sourceXml);
      this.targetNodes = flowNodesOf(targetXml);
      this.renderPlan(preview, targetVersion);
    } catch (error) {
      this.say(t('designerDialogs:migrate.checkFailed', { reason: message(error) }), 'error');
    }
  }

  private renderPlan(preview: MigrationResult, targetVersion: number): void {
    if (preview.instances.length === 0) {
      this.plan.replaceChildren();
      this.say(t('designerDialogs:migrate.nothingWaiting'), 'info');
      return;
    }
    const rows = preview.elements.map(element => {
      const kind = this.sourceNodes.find(n => n.id === element.elementId)?.type;
      const choices = this.targetNodes.filter(n => n.type === kind);
      const label = t('designerDialogs:migrate.where', { name: element.name ?? element.elementId });
      const select = h(
        'select',
        { 'aria-label': label, 'data-element': element.elementId },
        h('option', { value: '' }, t('designerDialogs:migrate.noneInVersion', { version: targetVersion })),
        ...choices.map(n => h('option', { value: n.id }, n.name ? `${n.name} (${n.id})` : n.id)),
      );
      select.value = element.targetElementId ?? '';
      select.addEventListener('change', () => {
        this.outcome.textContent = '';
      });
      return h(
        'tr',
        { 'data-test': 'migration-element', 'data-element': element.elementId },
        h('td', {}, h('strong', {}, element.name ?? element.elementId), h('div', { class: 'muted small' }, h('code', {}, element.elementId))),
        h('td', { class: 'number' }, String(element.waiting)),
        h('td', {}, select),
      );
    });
    this.plan.replaceChildren(
      h(
        'table',
        { class: 'table' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col' }, t('designerDialogs:migrate.col.waitingIn')),
            h('th', { scope: 'col', class: 'number' }, t('designerDialogs:migrate.col.instances')),
            h('th', { scope: 'col' }, t('designerDialogs:migrate.col.goesTo', { version: targetVersion })),
          ),
        ),
        h('tbody', {}, ...rows),
      ),
    );
    const more = preview.remaining > 0 ? t('designerDialogs:migrate.more', { remaining: preview.remaining }) : '';
    const instances = count(preview.instances.length);
    if (preview.refusals.length > 0) {
      this.say(t('designerDialogs:migrate.refusals', { instances, more, count: preview.refusals.length, reason: preview.refusals[0].reason }), 'warning');
    } else {
      this.say(t('designerDialogs:migrate.canMove', { instances, more, count: preview.instances.length, version: targetVersion }), 'info');
    }
    this.migrateButton.disabled = false;
  }

  private async migrate(): Promise<void> {
    const processId = this.process.value;
    const request = this.request(false);
    try {
      const result = await definitions.migrate(processId, request);
      if (!result.migrated) {
        this.say(`${result.title ?? t('designerDialogs:migrate.refused')} ${result.refusals.slice(0, 3).map(r => r.reason).join(' ')}`, 'error');
        return;
      }
      const done = t('designerDialogs:migrate.moved', {
        instances: count(result.instances.length),
        count: result.instances.length,
        processId,
        from: request.sourceVersion,
        to: request.targetVersion,
      });
      this.say(result.remaining > 0 ? t('designerDialogs:migrate.moreWait', { done, remaining: result.remaining }) : done, 'info');
      this.migrateButton.disabled = true;
      this.migrated(done);
    } catch (error) {
      this.say(t('designerDialogs:migrate.failed', { reason: message(error) }), 'error');
    }
  }

  private say(text: string, kind: 'info' | 'warning' | 'error'): void {
    this.outcome.textContent = text;
    this.outcome.dataset.kind = kind;
  }
}

function field(id: string, label: string, control: HTMLElement): HTMLElement {
  return h('div', { class: 'field' }, h('label', { for: id }, label), control);
}

function count(instances: number): string {
  return t('designerDialogs:migrate.instances', { count: instances });
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
