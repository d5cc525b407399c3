import { h } from '../shared/dom';
import { ApiError, getJson, postJson, putJson } from '../shared/api';
import { t } from '../i18n/i18n';
import { dateTime, money } from '../i18n/format';
import './reminder-templates-texts';

/** GET /api/reminder-templates, …/{step}/versions, PUT …/{step} (ADR 0081). */
interface Template {
  step: string;
  version: number;
  subject: string;
  body: string;
  author: string;
  comment: string | null;
  createdAt: string;
}

interface Preview {
  subject: string;
  body: string;
  recipients: string[];
  invoices: string[];
  amountAsked: number;
  currency: string;
}

const url = '/api/reminder-templates';

/** The problem's details as one line: the template's problems (line and what) or the title. */
function problemText(error: unknown): string {
  if (!(error instanceof ApiError)) {
    return String(error);
  }
  const errors = error.problem?.errors as Record<string, string[]> | undefined;
  return errors ? Object.values(errors).flat().join(' ') : error.title;
}

/**
 * The e-mailed reminder steps' Liquid templates on the rules page: the credit manager edits a step's subject and text,
 * previews them on a real invoice (nothing saved), and saves a new version with a comment; a template that does not
 * parse or names an unknown variable is refused with the line and the name, and nothing is saved.
 */
export class ReminderTemplatesPanel {
  private readonly status = h('p', { class: 'small', role: 'status', 'aria-live': 'polite', 'data-test': 'template-status' });
  private readonly previewBox = h('div', { class: 'template-preview', 'data-test': 'template-preview', hidden: true });
  private step = 'FormalReminder';

  constructor(
    private readonly container: HTMLElement,
    private readonly canEdit: boolean,
  ) {}

  async load(): Promise<void> {
    const templates = await getJson<Template[]>(url);
    await this.draw(templates);
  }

  private async draw(templates: Template[]): Promise<void> {
    const current = templates.find(x => x.step === this.step) ?? templates[0];
    this.step = current.step;
    const versions = await getJson<Template[]>(`${url}/${encodeURIComponent(this.step)}/versions`);
    const stepSelect = h(
      'select',
      { id: 'template-step', 'data-test': 'template-step' },
      ...templates.map(x => h('option', { value: x.step, selected: x.step === this.step }, t(`reminderTemplates:steps.${x.step}`, { defaultValue: x.step }))),
    );
    stepSelect.addEventListener('change', () => {
      this.step = stepSelect.value;
      void this.draw(templates);
    });
    const subject = h('input', { id: 'template-subject', value: current.subject, 'data-test': 'template-subject', readonly: !this.canEdit });
    const body = h('textarea', { id: 'template-body', rows: 14, class: 'code', spellcheck: false, 'data-test': 'template-body', readonly: !this.canEdit });
    body.value = current.body;
    const invoice = h('input', { id: 'template-invoice', placeholder: 'FA-2026-000001', 'data-test': 'template-invoice' });
    const comment = h('input', { id: 'template-comment', 'data-test': 'template-comment' });
    const previewButton = h('button', { type: 'button', class: 'button', 'data-test': 'template-preview-button' }, t('reminderTemplates:preview'));
    previewButton.addEventListener('click', () => void this.preview(subject.value, body.value, invoice.value.trim()));
    const save = h('button', { type: 'submit', class: 'button button-primary', 'data-test': 'template-save' }, t('reminderTemplates:save'));
    const form = h(
      'form',
      {
        class: 'form-grid',
        'aria-label': t('reminderTemplates:title'),
        'data-test': 'template-form',
        onsubmit: async (event: Event) => {
          event.preventDefault();
          save.disabled = true;
          try {
            const saved = await putJson<Template>(`${url}/${encodeURIComponent(this.step)}`, { subject: subject.value, body: body.value, comment: comment.value.trim() || null });
            await this.draw(await getJson<Template[]>(url));
            this.status.textContent = t('reminderTemplates:saved', { version: saved.version });
          } catch (error) {
            this.status.textContent = t('reminderTemplates:refused', { problems: problemText(error) });
            save.disabled = false;
          }
        },
      },
      h('label', { for: 'template-step' }, t('reminderTemplates:step')),
      stepSelect,
      h('label', { for: 'template-subject' }, t('reminderTemplates:subject')),
      subject,
      h('label', { for: 'template-body' }, t('reminderTemplates:body')),
      body,
      h('label', { for: 'template-invoice' }, t('reminderTemplates:previewOn'), h('span', { class: 'field-hint' }, t('reminderTemplates:previewHint'))),
      h('div', {}, invoice, ' ', previewButton),
      ...(this.canEdit ? [h('label', { for: 'template-comment' }, t('reminderTemplates:comment')), comment, save] : []),
    );
    this.container.replaceChildren(
      h('h2', { id: 'reminder-templates-title' }, t('reminderTemplates:title')),
      h('p', { class: 'field-hint' }, t('reminderTemplates:lead')),
      h('p', { class: 'small', 'data-test': 'template-current' }, this.versionLine(current)),
      this.canEdit ? form : h('div', {}, form, h('p', { class: 'muted small' }, t('reminderTemplates:readOnly'))),
      this.status,
      this.previewBox,
      h('h3', {}, t('reminderTemplates:history')),
      h('ul', { class: 'small', 'data-test': 'template-history' }, ...versions.map(v => h('li', { 'data-version': String(v.version) }, this.versionLine(v)))),
    );
  }

  private versionLine(v: Template): string {
    const author = v.version === 0 ? t('reminderTemplates:builtIn') : v.author;
    return t('reminderTemplates:current', { version: v.version, author, date: v.version === 0 ? '—' : dateTime(v.createdAt), comment: v.comment ? ` · ${v.comment}` : '' });
  }

  private async preview(subject: string, body: string, invoiceNumber: string): Promise<void> {
    if (invoiceNumber === '') {
      this.status.textContent = t('reminderTemplates:needInvoice');
      return;
    }
    try {
      const preview = await postJson<Preview>(`${url}/${encodeURIComponent(this.step)}/preview`, { invoiceNumber, subject, body });
      this.status.textContent = '';
      this.previewBox.replaceChildren(
        h('h3', {}, t('reminderTemplates:previewTitle')),
        h('p', { class: 'small', 'data-test': 'preview-recipients' }, t('reminderTemplates:previewTo', { recipients: preview.recipients.join(', ') })),
        h('p', { class: 'small', 'data-test': 'preview-invoices' }, t('reminderTemplates:previewInvoices', { invoices: preview.invoices.join(', '), amount: money(preview.amountAsked, preview.currency) })),
        h('p', { 'data-test': 'preview-subject' }, h('strong', {}, preview.subject)),
        h('pre', { class: 'code', 'data-test': 'preview-body' }, preview.body),
      );
      this.previewBox.hidden = false;
    } catch (error) {
      this.previewBox.hidden = true;
      this.status.textContent = t('reminderTemplates:refused', { problems: problemText(error) });
    }
  }
}
