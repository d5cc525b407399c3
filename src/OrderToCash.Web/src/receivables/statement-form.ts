import { append, h } from '../shared/dom';
import { t } from '../i18n/i18n';
import { date, money } from '../i18n/format';
import { problemText } from '../shared/page';
import { fieldErrors, uploadForm } from '../shared/upload-form';
import { receivables, type BankStatementImportResult } from './api';
import './texts';

/** A collector uploads the bank's camt.053 file; the outcome of each entry is listed, a refusal names its lines. */
export function statementForm(imported: (message: string) => void): HTMLElement {
  const result = h('div', { 'data-test': 'statement-result', 'aria-live': 'polite' });
  return uploadForm({
    name: 'statement',
    title: t('receivables:statementTitle'),
    hint: t('receivables:statementHint'),
    fileLabel: t('receivables:statementFile'),
    button: t('receivables:statementImport'),
    accept: '.xml,application/xml,text/xml',
    output: result,
    send: xml => receivables.importStatement(xml),
    sent: summary => {
      result.replaceChildren(...outcomes(summary));
      imported(t('receivables:statementImported', { applied: summary.applied, unapplied: summary.unapplied, already: summary.alreadyImported, ignored: summary.ignored }));
    },
    refused: failure => {
      const errors = fieldErrors(failure);
      const problems = h('ul', { class: 'form-error', 'data-test': 'statement-problems' }, h('li', {}, t('receivables:statementRefused')));
      for (const message of errors ? Object.values(errors).flat() : [problemText(failure)]) {
        append(problems, h('li', {}, message));
      }
      result.replaceChildren(problems);
    },
  });
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
