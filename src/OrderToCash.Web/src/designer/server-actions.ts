import { t } from '../i18n/i18n';
import { ApiError } from '../shared/api';
import { definitions, type PublishedVersion } from './definitions-api';
import type { ProblemsView } from './problems';

interface Diagram {
  saveXML(options: { format: boolean }): Promise<{ xml?: string }>;
}

interface Options {
  /** The name the server gives the file in diagnostics (and stores as the source name). */
  fileName: () => string;
  status: (message: string, kind?: 'info' | 'warning' | 'error') => void;
  /** The diagram is now on the server as it is on the canvas. */
  /** The versions the publication created or found (the diagram on the canvas is now those). */
  published: (versions: PublishedVersion[]) => void;
  /** A 401 or 403: the page deals with it (sign in again, not allowed). */
  fail: (error: unknown) => void;
}

/** How long the designer waits after the last edit before it asks the server to check the diagram. */
const CheckDelayMs = 800;

/**
 * Check and Publish against the server. Checks run after an edit (debounced), after an import and on request; only
 * the answer to the latest request is shown. Publish is refused while the last check found errors.
 */
export class ServerActions {
  private sequence = 0;
  private timer: number | undefined;
  private publishing = false;

  constructor(
    private readonly modeler: Diagram,
    private readonly problems: ProblemsView,
    private readonly publishButton: HTMLButtonElement,
    private readonly options: Options,
  ) {}

  /** The diagram changed: the last result no longer applies, a new check follows shortly. */
  changed(): void {
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => void this.check(), CheckDelayMs);
  }

  async check(): Promise<void> {
    window.clearTimeout(this.timer);
    const ticket = ++this.sequence;
    this.problems.note(t('designer:problems.checking'));
    try {
      const result = await definitions.check(await this.xml(), this.options.fileName());
      if (ticket === this.sequence) {
        this.problems.show(result.diagnostics);
      }
    } catch (error) {
      if (ticket === this.sequence) {
        this.report(error, t('designer:status.checkFailed'));
      }
    } finally {
      this.updateButton();
    }
  }

  async publish(): Promise<void> {
    if (this.publishing || this.problems.errors > 0) {
      return;
    }
    window.clearTimeout(this.timer);
    const ticket = ++this.sequence;
    this.publishing = true;
    this.updateButton();
    this.options.status(t('designer:status.publishing'));
    try {
      const outcome = await definitions.publish(await this.xml(), this.options.fileName());
      if (ticket === this.sequence) {
        this.problems.show(outcome.diagnostics);
      }
      if (outcome.published) {
        this.options.status(describe(outcome.versions));
        this.options.published(outcome.versions);
      } else {
        this.options.status(t('designer:status.notPublished', { title: outcome.title }), 'error');
      }
    } catch (error) {
      this.report(error, t('designer:status.publishFailed'));
    } finally {
      this.publishing = false;
      this.updateButton();
    }
  }

  private async xml(): Promise<string> {
    return (await this.modeler.saveXML({ format: true })).xml ?? '';
  }

  private updateButton(): void {
    this.publishButton.disabled = this.publishing || this.problems.errors > 0;
    this.publishButton.title = t(this.problems.errors > 0 ? 'designer:toolbar.publishBlocked' : 'designer:toolbar.publishTitle');
  }

  private report(error: unknown, what: string): void {
    if (error instanceof ApiError && (error.status === 401 || error.status === 403)) {
      this.options.fail(error);
      return;
    }
    const reason = error instanceof ApiError ? error.title : error instanceof Error ? error.message : String(error);
    const message = t('designer:status.failure', { what, reason });
    this.problems.note(message, 'error');
    this.options.status(message, 'error');
  }
}

/** "Published credit-check version 2." or "credit-check unchanged: version 1 is the latest." per process in the file. */
function describe(versions: PublishedVersion[]): string {
  return versions
    .map(v => t(v.created ? 'designer:status.published' : 'designer:status.unchanged', { processId: v.processId, version: v.version }))
    .join(' ');
}
