import { append, h } from '../shared/dom';
import { t } from '../i18n/i18n';
import { problemText } from '../shared/page';
import { fieldErrors, uploadForm } from '../shared/upload-form';
import { customers } from './api';
import './texts';

const Columns = 'id;legalName;siren;vatNumber;addressLine1;addressLine2;postalCode;city;countryCode;segment;salesperson;paymentTermDays;paymentTermBasis;riskClass;internalCreditLimit;insurerCover;insurerCoverExpiresOn;nextReviewOn;paidInvoicesCarriedOver';

/** Onboarding: a CSV file sent whole; the refusals are listed by line, and nothing is created until the file is clean. */
export function importForm(imported: (message: string) => void): HTMLElement {
  const problems = h('ul', { class: 'form-error', 'data-test': 'import-problems', 'aria-live': 'polite' });
  return uploadForm({
    name: 'import',
    title: t('customers:import'),
    hint: t('customers:importHint', { columns: Columns }),
    fileLabel: t('customers:importFile'),
    button: t('customers:importButton'),
    accept: '.csv,text/csv',
    output: problems,
    send: text => customers.import(text),
    sent: result => imported(t('customers:imported', { count: result.imported })),
    refused: failure => {
      const errors = fieldErrors(failure);
      append(problems, h('li', {}, t('customers:importRefused')));
      for (const line of errors ? Object.entries(errors).map(([where, messages]) => `${where} : ${messages.join(' ')}`) : [problemText(failure)]) {
        append(problems, h('li', {}, line));
      }
    },
  });
}
