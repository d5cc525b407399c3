import { ApiError } from '../shared/api';
import { append, h } from '../shared/dom';
import { t } from '../i18n/i18n';
import { problemText } from '../shared/page';
import { customers } from './api';
import './texts';

const Columns = 'id;legalName;siren;vatNumber;addressLine1;addressLine2;postalCode;city;countryCode;segment;salesperson;paymentTermDays;paymentTermBasis;riskClass;internalCreditLimit;insurerCover;insurerCoverExpiresOn;nextReviewOn';

/** Onboarding: a CSV file sent whole; the refusals are listed by line, and nothing is created until the file is clean. */
export function importForm(imported: (message: string) => void): HTMLElement {
  const file = h('input', { id: 'import-file', type: 'file', accept: '.csv,text/csv' });
  const problems = h('ul', { class: 'form-error', 'data-test': 'import-problems', 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit', class: 'button' }, t('customers:importButton'));
  const form = h(
    'form',
    { class: 'panel', 'data-test': 'import-form', novalidate: true, 'aria-labelledby': 'import-title' },
    h('h2', { id: 'import-title' }, t('customers:import')),
    h('p', { class: 'field-hint' }, t('customers:importHint', { columns: Columns })),
    h('div', { class: 'field' }, h('label', { for: 'import-file' }, t('customers:importFile')), file),
    submit,
    problems,
  );
  form.addEventListener('submit', event => {
    event.preventDefault();
    const chosen = file.files?.[0];
    if (!chosen) {
      return;
    }
    submit.disabled = true;
    problems.replaceChildren();
    void chosen
      .text()
      .then(text => customers.import(text))
      .then(result => imported(t('customers:imported', { count: result.imported })))
      .catch((failure: unknown) => {
        const errors = failure instanceof ApiError ? (failure.problem?.errors as Record<string, string[]> | undefined) : undefined;
        append(problems, h('li', {}, t('customers:importRefused')));
        if (errors) {
          for (const [where, messages] of Object.entries(errors)) {
            append(problems, h('li', {}, `${where} : ${messages.join(' ')}`));
          }
        } else {
          append(problems, h('li', {}, problemText(failure)));
        }
      })
      .finally(() => (submit.disabled = false));
  });
  return form;
}
