import { ApiError } from '../shared/api';
import { append, h } from '../shared/dom';
import { t } from '../i18n/i18n';
import { date, money } from '../i18n/format';
import { problemText } from '../shared/page';
import { receivables, type BankStatementImportResult } from './api';
import './texts';

/** A collector uploads the bank's camt.053 file; the outcome of each entry is listed, a refusal names its lines. */
export function statementForm(imported: (message: string) => void): HTMLElement {
  const file = h('input', { id: 'statement-file', type: 'file', accept: '.xml,application/xml,text/xml' });
  const result = h('div', { 'data-test': 'statement-result', 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit', class: 'button' }, t('receivables:statementImport'));
  const form = h(
    'form',
    { class: 'panel', 'data-test': 'statement-form', novalidate: true, 'aria-labelledby': 'statement-title' },
    h('h2', { id: 'statement-title' }, t('receivables:statementTitle')),
    h('p', { class: 'field-hint' }, t('receivables:statementHint')),
    h('div', { class: 'field' }, h('label', { for: 'statement-file' }, t('receivables:statementFile')), file),
    submit,
    result,
  );
  form.addEventListener('submit', event => {
    event.preventDefault();
    const chosen = file.files?.[0];
    if (!chosen) {
      return;
    }
    submit.disabled = true;
    result.replaceChildren();
    void chosen
      .text()
      .then(xml => receivables.importStatement(xml))
      .then(summary => {
        result.replaceChildren(...outcomes(summary));
        imported(t('receivables:statementImported', { applied: summary.applied, unapplied: summary.unapplied, already: summary.alreadyImported, ignored: summary.ignored }));
      })
      .catch((failure: unknown) => {
        const errors = failure instanceof ApiError ? (failure.problem?.errors as Record<string, string[]> | undefined) : undefined;
        const problems = h('ul', { class: 'form-error', 'data-test': 'statement-problems' }, h('li', {}, t('receivables:statementRefused')));
        for (const message of errors ? Object.values(errors).flat() : [problemText(failure)]) {
          append(problems, h('li', {}, message));
        }
        result.replaceChildren(problems);
      })
      .finally(() => (submit.disabled = false));
  });
  return form;
}

function outcomes(summary: BankStatementImportResult): HTMLElement[] {
  const list = h('ul', { class: 'history', 'data-test': 'statement-entries' });
  for (const e of summary.entries) {
    const parts = [`${date(e.bookedOn)} · ${e.reference} · ${money(e.amount, e.currency)} : ${t(`receivables:outcome_${e.outcome}`)}`];
    if (!e.isNew && e.outcome !== 'ignored') {
      parts.push(`(${t('receivables:importedBefore')})`);
    }
    if (e.appliedTo.length > 0) {
      parts.push(`→ ${e.appliedTo.join(', ')}`);
    }
    if (e.reason) {
      parts.push(`— ${e.reason}`);
    }
    append(list, h('li', { 'data-outcome': e.outcome }, parts.join(' ')));
  }
  return summary.tasksOpened ? [list] : [list, h('p', { class: 'form-error' }, t('receivables:statementNoTasks'))];
}
