import Modeler from 'bpmn-js/lib/Modeler';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import '../styles/designer.css';
import { byId, h } from '../shared/dom';
import { handlePageError, startPage } from '../shared/page';
import { fixed, number } from '../i18n/format';
import { t } from '../i18n/i18n';
import { translateStatic } from '../i18n/static-texts';
import { translationModules } from './bpmn-translate';
import type { Canvas, CommandStack, EventBus, ModdleElement } from './bpmn-types';
import { loadCatalog } from './catalog';
import { ComparisonView, compareDefinitions } from './compare';
import { definitions } from './definitions-api';
import './designer-texts';
import './dialog-texts';
import { download, fileNameFor, MaxDiagramBytes } from './files';
import { MigrateDialog } from './migrate-dialog';
import { newDiagramXml } from './new-diagram';
import o2cDescriptor from './o2c-moddle.json';
import { ProblemsView } from './problems';
import { PropertiesPanel } from './properties-panel';
import './panel-texts';
import { PublishedDialog } from './published-dialog';
import { ServerActions } from './server-actions';

translateStatic();

void startPage('/designer', async () => {
  const catalog = await loadCatalog();
  const modeler = new Modeler({ container: byId('canvas'), moddleExtensions: { o2c: o2cDescriptor }, additionalModules: translationModules() });
  const panel = new PropertiesPanel(byId('properties'), modeler, catalog);
  const status = byId('designer-status');
  const documentName = byId('document-name');
  const fileInput = byId<HTMLInputElement>('open-file');
  const newDiagramName = t('designer:document.newDiagram');
  const newDiagramMessage = t('designer:status.newDiagram');
  let fileName = newDiagramName;
  let dirty = false;
  const problems = new ProblemsView(byId('problems-list'), byId('problems-summary'), modeler);
  const comparison = new ComparisonView(byId('compare-panel'), byId('compare-title'), byId('compare-list'), modeler);
  const compareVersion = byId<HTMLSelectElement>('compare-version');
  const compareButton = byId<HTMLButtonElement>('compare');
  /** The published version on the canvas, when one was opened from the server or just published (what "Compare" compares). */
  let openedVersion: { processId: string; version: number; sourceName: string } | null = null;
  const setOpenedVersion = async (value: { processId: string; version: number; sourceName: string } | null) => {
    openedVersion = value;
    setDirty(dirty);
    compareVersion.replaceChildren();
    compareVersion.disabled = true;
    compareButton.disabled = true;
    compareButton.title = t('designer:toolbar.compareNeedsVersion');
    if (!value) {
      return;
    }
    // Any other published version of the process, the previous one first chosen.
    const others = (await definitions.list()).filter(d => d.processId === value.processId && d.version !== value.version).sort((a, b) => b.version - a.version);
    if (openedVersion !== value) {
      return;
    }
    compareVersion.replaceChildren(...others.map(d => h('option', { value: d.version }, t('designer:versionOption', { version: d.version }))));
    const previous = others.find(d => d.version < value.version) ?? others[0];
    if (previous) {
      compareVersion.value = String(previous.version);
    }
    compareVersion.disabled = others.length === 0;
    compareButton.disabled = others.length === 0;
    compareButton.title = others.length === 0 ? t('designer:toolbar.noOtherVersion', { processId: value.processId }) : t('designer:toolbar.compareVersion', { version: value.version });
  };

  const setStatus = (message: string, kind: 'info' | 'warning' | 'error' = 'info') => {
    status.textContent = message;
    status.dataset.kind = kind;
  };
  /** The header names the open process and version when the canvas shows a published one, else the file. */
  const setDirty = (value: boolean) => {
    dirty = value;
    const name = openedVersion ? t('designer:document.version', { ...openedVersion }) : fileName;
    documentName.textContent = dirty ? t('designer:document.unsaved', { name }) : name;
  };
  const confirmDiscard = () => !dirty || window.confirm(t('designer:document.confirmDiscard', { name: fileName }));
  const server = new ServerActions(modeler, problems, byId<HTMLButtonElement>('publish'), {
    fileName: publishedFileName,
    status: setStatus,
    published: versions => {
      setDirty(false);
      const version = versions.length === 1 ? versions[0] : undefined;
      void setOpenedVersion(version ? { processId: version.processId, version: version.version, sourceName: publishedFileName() } : null);
    },
    fail: error => handlePageError(error, '/designer'),
  });

  const commandStack = modeler.get<CommandStack>('commandStack');
  const undo = byId<HTMLButtonElement>('undo');
  const redo = byId<HTMLButtonElement>('redo');
  undo.addEventListener('click', () => commandStack.undo());
  redo.addEventListener('click', () => commandStack.redo());
  modeler.get<EventBus>('eventBus').on('commandStack.changed', event => {
    setDirty(true);
    undo.disabled = !commandStack.canUndo();
    redo.disabled = !commandStack.canRedo();
    // Importing a diagram clears the stack: that is not an edit to check.
    if (event.trigger !== 'clear') {
      server.changed();
      comparison.clear();
    }
  });
  window.addEventListener('beforeunload', event => {
    if (dirty) {
      event.preventDefault();
    }
  });

  /** Puts a diagram on the canvas; an imported one (not a new one) is checked by the server straight away. */
  async function open(xml: string, name: string, openedMessage = t('designer:status.opened', { name }), check = true): Promise<void> {
    try {
      comparison.clear();
      void setOpenedVersion(null);
      const { warnings } = await modeler.importXML(xml);
      problems.reset(t(check ? 'designer:problems.checking' : 'designer:problems.notChecked'));
      if (check) {
        void server.check();
      }
      fileName = name;
      setDirty(false);
      undo.disabled = true;
      redo.disabled = true;
      // Fit the diagram, but never blow a small one (a new diagram's lone start event) up beyond its real size.
      const canvas = modeler.get<Canvas>('canvas');
      if (canvas.zoom('fit-viewport', 'auto') > 1) {
        canvas.zoom(1, 'auto');
      }
      panel.render();
      if (warnings.length > 0) {
        setStatus(t('designer:status.openedWithWarnings', { name, warningCount: warnings.length, warnings: warnings.slice(0, 3).map(describeWarning).join(' · ') }), 'warning');
      } else {
        setStatus(openedMessage);
      }
    } catch (error) {
      // bpmn-js leaves the previous diagram on the canvas when the new one cannot be read.
      setStatus(t('designer:status.notBpmn', { name, reason: reasonOf(error) }), 'error');
    }
  }

  /** The file name a publication records: the opened file's, or one made from the process name. */
  function publishedFileName(): string {
    return /\.bpmn$/i.test(fileName) ? fileName : fileNameFor(processName(), 'bpmn');
  }

  function processName(): string | undefined {
    const definitions = modeler.getDefinitions() as ModdleElement | undefined;
    const roots = (definitions?.get('rootElements') as ModdleElement[] | undefined) ?? [];
    return roots.find(r => r.$instanceOf('bpmn:Process'))?.name ?? roots.find(r => r.$instanceOf('bpmn:Collaboration'))?.name;
  }

  byId('new-diagram').addEventListener('click', () => {
    if (confirmDiscard()) {
      void open(newDiagramXml(), newDiagramName, newDiagramMessage, false);
    }
  });

  byId('open-diagram').addEventListener('click', () => {
    if (confirmDiscard()) {
      fileInput.click();
    }
  });

  fileInput.addEventListener('change', async () => {
    const file = fileInput.files?.[0];
    fileInput.value = '';
    if (!file) {
      return;
    }
    if (file.size > MaxDiagramBytes) {
      setStatus(t('designer:status.tooLarge', { name: file.name, size: fixed(file.size / 1024 / 1024, 1), max: number(MaxDiagramBytes / 1024 / 1024) }), 'error');
      return;
    }
    await open(await file.text(), file.name);
  });

  byId('download-bpmn').addEventListener('click', async () => {
    const { xml } = await modeler.saveXML({ format: true });
    const name = fileNameFor(processName(), 'bpmn');
    download(name, xml ?? '', 'application/xml');
    setDirty(false);
    setStatus(t('designer:status.downloaded', { name }));
    void server.check();
  });

  byId('download-svg').addEventListener('click', async () => {
    const { svg } = await modeler.saveSVG();
    const name = fileNameFor(processName(), 'svg');
    download(name, svg, 'image/svg+xml');
    setStatus(t('designer:status.downloaded', { name }));
  });

  byId('check').addEventListener('click', () => void server.check());
  byId('publish').addEventListener('click', () => void server.publish());

  const published = new PublishedDialog(byId<HTMLDialogElement>('published-dialog'), byId('published-body'), async d => {
    if (!confirmDiscard()) {
      return;
    }
    try {
      await open(await definitions.xml(d.processId, d.version), d.sourceName, t('designer:status.openedPublished', { processId: d.processId, version: d.version, user: d.publishedBy }));
      await setOpenedVersion({ processId: d.processId, version: d.version, sourceName: d.sourceName });
    } catch (error) {
      setStatus(t('designer:status.openPublishedFailed', { processId: d.processId, version: d.version, reason: reasonOf(error) }), 'error');
    }
  });
  byId('open-published').addEventListener('click', () => void published.show());

  compareButton.addEventListener('click', async () => {
    const other = Number(compareVersion.value);
    if (!openedVersion || !other) {
      return;
    }
    const { processId, version } = openedVersion;
    try {
      const [otherXml, current] = await Promise.all([definitions.xml(processId, other), definitions.xml(processId, version)]);
      const changes = compareDefinitions(otherXml, current);
      comparison.show(t('designer:compare.heading', { version, other }), changes, otherXml);
      setStatus(t('designer:status.compared', { processId, version, other, summary: summarize(changes) }));
    } catch (error) {
      setStatus(t('designer:status.compareFailed', { reason: reasonOf(error) }), 'error');
    }
  });

  const migrate = new MigrateDialog(byId<HTMLDialogElement>('migrate-dialog'), byId('migrate-body'), message => setStatus(message));
  byId('migrate-instances').addEventListener('click', () => void migrate.show(openedVersion?.processId));
  // Operations links here with ?migrate=<process> to move that process's waiting instances.
  const toMigrate = new URLSearchParams(location.search).get('migrate');

  await open(newDiagramXml(), newDiagramName, newDiagramMessage, false);
  if (toMigrate) {
    void migrate.show(toMigrate);
  }
  // The buttons stay disabled until their handlers are wired and a diagram is on the canvas.
  for (const id of ['new-diagram', 'open-diagram', 'download-bpmn', 'download-svg', 'open-published', 'migrate-instances', 'check', 'publish']) {
    byId<HTMLButtonElement>(id).disabled = false;
  }
  byId('designer-workspace').setAttribute('aria-busy', 'false');
});

/** "2 added, 1 changed, 1 removed", or "no element changed". */
function summarize(changes: { change: string }[]): string {
  const parts = (['Added', 'Changed', 'Removed'] as const)
    .map(kind => ({ kind, count: changes.filter(c => c.change === kind).length }))
    .filter(part => part.count !== 0)
    .map(part => t(`designer:compare.${part.kind.toLowerCase()}`, { count: part.count }));
  return parts.length === 0 ? t('designer:compare.noChange') : parts.join(', ');
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * bpmn-js declares import warnings as strings but hands over objects: `{ message, element, … }` from the XML reader and
 * the importer (plain objects, not Errors). Show their message either way.
 */
function describeWarning(warning: unknown): string {
  if (typeof warning === 'object' && warning !== null && 'message' in warning && typeof warning.message === 'string') {
    return warning.message;
  }
  return String(warning);
}
