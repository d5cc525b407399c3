import { h } from '../shared/dom';
import { ApiError, getJson, putJson } from '../shared/api';
import { t } from '../i18n/i18n';
import { dateTime, fixed, money } from '../i18n/format';
import './ecb-rates-texts';

/** GET/PUT /api/reference/ecb-rates (ADR 0101). */
interface EcbRates {
  version: number;
  author: string;
  publishedAt: string;
  comment: string | null;
  rates: { semester: string; label: string; ratePercent: number }[];
  missing: { semester: string; label: string; invoices: number; pendingCount: number; basisAmount: number; currency: string }[];
  charged: { invoiceNumber: string; semester: string; basisAmount: number; days: number; annualRatePercent: number; interest: number; currency: string }[];
  history: { version: number; author: string; publishedAt: string; comment: string | null; rates: Record<string, number> }[];
}

const url = '/api/reference/ecb-rates';

/**
 * The ECB rate table on the rules page: the rates in force, the semesters pending interest waits for, a form for the
 * credit manager (one semester at a time, sent as the whole table) and the versions with their authors.
 */
export class EcbRatesPanel {
  private readonly status = h('p', { class: 'small', role: 'status', 'aria-live': 'polite', 'data-test': 'ecb-status' });

  constructor(
    private readonly container: HTMLElement,
    private readonly canEdit: boolean,
  ) {}

  async load(): Promise<void> {
    this.draw(await getJson<EcbRates>(url));
  }

  private draw(table: EcbRates): void {
    const missing = table.missing.length === 0
      ? h('p', { class: 'muted', 'data-test': 'ecb-none-missing' }, t('ecbRates:noneMissing'))
      : h(
          'div',
          { class: 'notice', role: 'alert', 'data-test': 'ecb-missing' },
          h('strong', {}, t('ecbRates:missingTitle')),
          h('ul', {}, ...table.missing.map(m => h('li', { 'data-semester': m.semester }, t('ecbRates:missing', { label: m.label, invoices: m.invoices, basis: money(m.basisAmount, m.currency) })))),
        );
    const rows = [...table.rates].reverse().map(r =>
      h('tr', { 'data-test': 'ecb-rate', 'data-semester': r.semester }, h('td', {}, `${r.label} (${r.semester})`), h('td', { class: 'number' }, fixed(r.ratePercent, 2))),
    );
    this.container.replaceChildren(
      h('h2', { id: 'ecb-rates-title' }, t('ecbRates:title')),
      h('p', { class: 'field-hint' }, t('ecbRates:lead')),
      missing,
      this.canEdit ? this.form(table) : h('p', { class: 'muted small' }, t('ecbRates:readOnly')),
      this.status,
      h(
        'div',
        { class: 'table-scroll' },
        h('table', { class: 'table', 'aria-label': t('ecbRates:table') },
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('ecbRates:semester')), h('th', { scope: 'col', class: 'number' }, t('ecbRates:rate')))),
          h('tbody', {}, ...rows)),
      ),
      h('h3', {}, t('ecbRates:history')),
      h(
        'ul',
        { class: 'small', 'data-test': 'ecb-history' },
        ...table.history.map(v => h('li', {}, `${t('ecbRates:version')} ${v.version} · ${v.author} · ${dateTime(v.publishedAt)}${v.comment ? ` · ${v.comment}` : ''}`)),
      ),
    );
  }

  private form(table: EcbRates): HTMLElement {
    const semester = h('input', { id: 'ecb-semester', name: 'semester', required: true, pattern: '\\d{4}-H[12]', value: table.missing[0]?.semester ?? '', 'data-test': 'ecb-semester' });
    const rate = h('input', { id: 'ecb-rate', name: 'rate', required: true, inputmode: 'decimal', 'data-test': 'ecb-rate-input' });
    const comment = h('input', { id: 'ecb-comment', name: 'comment', 'data-test': 'ecb-comment' });
    const save = h('button', { type: 'submit', class: 'button button-primary', 'data-test': 'ecb-save' }, t('ecbRates:save'));
    return h(
      'form',
      {
        class: 'form-grid',
        'aria-label': t('ecbRates:enter'),
        'data-test': 'ecb-form',
        onsubmit: async (event: Event) => {
          event.preventDefault();
          const value = Number(rate.value.trim().replace(',', '.'));
          if (rate.value.trim() === '' || Number.isNaN(value)) {
            this.status.textContent = t('ecbRates:notANumber');
            return;
          }
          const rates: Record<string, number> = Object.fromEntries(table.rates.map(r => [r.semester, r.ratePercent]));
          rates[semester.value.trim()] = value;
          save.disabled = true;
          try {
            const saved = await putJson<EcbRates>(url, { rates, comment: comment.value.trim() || null });
            this.draw(saved);
            this.status.textContent = [
              t('ecbRates:saved', { version: saved.version }),
              ...saved.charged.map(c => t('ecbRates:charged', { invoice: c.invoiceNumber, amount: money(c.interest, c.currency), days: c.days, rate: fixed(c.annualRatePercent, 2) })),
            ].join(' ');
          } catch (error) {
            this.status.textContent = error instanceof ApiError ? error.title : String(error);
            save.disabled = false;
          }
        },
      },
      h('label', { for: 'ecb-semester' }, t('ecbRates:semester'), h('span', { class: 'field-hint' }, t('ecbRates:semesterHint'))),
      semester,
      h('label', { for: 'ecb-rate' }, t('ecbRates:rate'), h('span', { class: 'field-hint' }, t('ecbRates:rateHint'))),
      rate,
      h('label', { for: 'ecb-comment' }, t('ecbRates:comment')),
      comment,
      save,
    );
  }
}
