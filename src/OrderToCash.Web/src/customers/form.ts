import { ApiError } from '../shared/api';
import { append, h } from '../shared/dom';
import { t } from '../i18n/i18n';
import { problemText } from '../shared/page';
import { customers, type CustomerDetail, type CustomerDraft } from './api';
import { sirenProblem, vatFor } from './identity-check';
import './texts';

type Kind = 'text' | 'number' | 'date' | 'select';

interface FieldSpec {
  name: keyof CustomerDraft;
  kind: Kind;
  choices?: readonly string[];
  choiceLabels?: string;
  required?: boolean;
}

const Fields: readonly FieldSpec[] = [
  { name: 'id', kind: 'text', required: true },
  { name: 'legalName', kind: 'text', required: true },
  { name: 'siren', kind: 'text', required: true },
  { name: 'vatNumber', kind: 'text', required: true },
  { name: 'addressLine1', kind: 'text', required: true },
  { name: 'addressLine2', kind: 'text' },
  { name: 'postalCode', kind: 'text', required: true },
  { name: 'city', kind: 'text', required: true },
  { name: 'countryCode', kind: 'text', required: true },
  { name: 'segment', kind: 'select', choices: ['Key', 'Standard', 'Small'], choiceLabels: 'segment' },
  { name: 'salesperson', kind: 'text', required: true },
  { name: 'paymentTermDays', kind: 'number', required: true },
  { name: 'paymentTermBasis', kind: 'select', choices: ['Delivery', 'InvoiceDate', 'EndOfMonth'], choiceLabels: 'basis' },
  { name: 'riskClass', kind: 'select', choices: ['A', 'B', 'C', 'D', 'E'], choiceLabels: 'risk' },
  { name: 'internalCreditLimit', kind: 'number' },
  { name: 'insurerCover', kind: 'number' },
  { name: 'insurerCoverExpiresOn', kind: 'date' },
  { name: 'nextReviewOn', kind: 'date' },
];

export interface FormOptions {
  /** The customer being edited; null for a new one. */
  customer: CustomerDetail | null;
  /** False for a salesperson: every field is shown disabled. */
  canEdit: boolean;
  isCreditManager: boolean;
  saved: (id: string, message: string) => void;
}

function initial(c: CustomerDetail | null): Record<string, string> {
  if (!c) {
    return { countryCode: 'FR', segment: 'Standard', paymentTermDays: '30', paymentTermBasis: 'Delivery', riskClass: 'C', internalCreditLimit: '0', insurerCover: '0' };
  }
  return {
    id: c.id,
    legalName: c.legalName,
    siren: c.siren,
    vatNumber: c.vatNumber,
    addressLine1: c.billingAddress.line1,
    addressLine2: c.billingAddress.line2 ?? '',
    postalCode: c.billingAddress.postalCode,
    city: c.billingAddress.city,
    countryCode: c.billingAddress.countryCode,
    segment: c.segment,
    salesperson: c.salesperson,
    paymentTermDays: String(c.paymentTermDays),
    paymentTermBasis: c.paymentTermBasis,
    riskClass: c.riskClass,
    internalCreditLimit: String(c.internalCreditLimit),
    insurerCover: String(c.insurerCover),
    insurerCoverExpiresOn: c.insurerCoverExpiresOn ?? '',
    nextReviewOn: c.nextReviewOn ?? '',
  };
}

/** The customer's form: checks SIREN, VAT and terms as you type, shows the server's refusals next to each field. */
export function customerForm(options: FormOptions): HTMLFormElement {
  const creating = options.customer === null;
  const values = initial(options.customer);
  const inputs = new Map<string, HTMLInputElement | HTMLSelectElement>();
  const hints = new Map<string, HTMLElement>();
  const form = h('form', { class: 'customer-form', 'data-test': 'customer-form', novalidate: true });
  const grid = h('div', { class: 'form-grid' });
  for (const spec of Fields) {
    const id = `customer-${spec.name}`;
    const disabled = !options.canEdit || (spec.name === 'id' && !creating) || (spec.name === 'internalCreditLimit' && (!creating || !options.isCreditManager));
    const input =
      spec.kind === 'select'
        ? h('select', { id, name: spec.name, disabled }, ...(spec.choices ?? []).map(c => h('option', { value: c, selected: values[spec.name] === c }, t(`customers:${spec.choiceLabels}.${c}`))))
        : h('input', { id, name: spec.name, type: spec.kind, value: values[spec.name] ?? '', disabled, required: spec.required, step: spec.kind === 'number' ? (spec.name === 'paymentTermDays' ? '1' : '0.01') : null, min: spec.kind === 'number' ? '0' : null, 'aria-describedby': `${id}-hint` });
    const hint = h('p', { id: `${id}-hint`, class: 'field-hint', 'aria-live': 'polite' });
    inputs.set(spec.name, input);
    hints.set(spec.name, hint);
    append(grid, h('div', { class: 'field' }, h('label', { for: id }, t(`customers:field.${spec.name}`)), input, hint));
  }
  append(form, grid);

  const value = (name: string) => inputs.get(name)!.value.trim();
  const say = (name: string, text: string, bad: boolean) => {
    const hint = hints.get(name)!;
    hint.textContent = text;
    hint.classList.toggle('field-error', bad);
    inputs.get(name)!.setAttribute('aria-invalid', bad ? 'true' : 'false');
  };
  const checkIdentity = () => {
    const siren = value('siren');
    const sirenIssue = siren ? sirenProblem(siren) : null;
    say('siren', siren ? (sirenIssue ?? t('customers:sirenOk')) : '', sirenIssue !== null);
    const vat = value('vatNumber');
    if (!sirenIssue && siren && vat) {
      const expected = vatFor(siren);
      say('vatNumber', vat === expected ? t('customers:vatOk') : t('customers:vatExpected', { expected }), vat !== expected);
    } else {
      say('vatNumber', '', false);
    }
  };
  const checkTerms = () => {
    const days = Number(value('paymentTermDays'));
    const basis = value('paymentTermBasis');
    const problem = days > 60 ? t('customers:termsTooLong') : basis === 'EndOfMonth' && days > 45 ? t('customers:eomTooLong') : null;
    say('paymentTermDays', problem ?? t('customers:termsHint'), problem !== null);
  };
  inputs.get('siren')!.addEventListener('input', checkIdentity);
  inputs.get('vatNumber')!.addEventListener('input', checkIdentity);
  inputs.get('paymentTermDays')!.addEventListener('input', checkTerms);
  inputs.get('paymentTermBasis')!.addEventListener('change', checkTerms);
  checkIdentity();
  checkTerms();
  say('internalCreditLimit', creating ? (options.isCreditManager ? '' : t('customers:limitCreditManagerOnly')) : t('customers:limitByRequest'), false);

  if (!options.canEdit) {
    return form;
  }

  const error = h('p', { class: 'form-error', role: 'alert', 'data-test': 'customer-error' });
  const submit = h('button', { type: 'submit', class: 'button button-primary', 'data-test': 'save-customer' }, creating ? t('customers:create') : t('customers:save'));
  append(form, error, submit);
  form.addEventListener('submit', event => {
    event.preventDefault();
    const number = (name: string) => (value(name) === '' ? null : Number(value(name).replace(',', '.')));
    const text = (name: string) => (value(name) === '' ? null : value(name));
    const draft: CustomerDraft = {
      legalName: value('legalName'),
      siren: value('siren'),
      vatNumber: value('vatNumber'),
      addressLine1: value('addressLine1'),
      addressLine2: text('addressLine2'),
      postalCode: value('postalCode'),
      city: value('city'),
      countryCode: value('countryCode') || 'FR',
      segment: value('segment'),
      salesperson: value('salesperson'),
      paymentTermDays: number('paymentTermDays'),
      paymentTermBasis: value('paymentTermBasis'),
      riskClass: value('riskClass'),
      insurerCover: number('insurerCover'),
      insurerCoverExpiresOn: text('insurerCoverExpiresOn'),
      nextReviewOn: text('nextReviewOn'),
    };
    if (creating) {
      draft.id = value('id');
      draft.internalCreditLimit = number('internalCreditLimit');
    }
    submit.disabled = true;
    error.textContent = '';
    for (const hint of hints.values()) {
      hint.classList.remove('field-error');
    }
    const request = creating ? customers.create(draft) : customers.update(options.customer!.id, draft);
    request
      .then(saved => options.saved(saved.id, creating ? t('customers:created', { id: saved.id }) : t('customers:saved', { id: saved.id })))
      .catch((failure: unknown) => {
        submit.disabled = false;
        const errors = failure instanceof ApiError ? (failure.problem?.errors as Record<string, string[]> | undefined) : undefined;
        for (const [field, messages] of Object.entries(errors ?? {})) {
          if (hints.has(field)) {
            say(field, messages.join(' '), true);
          }
        }
        error.textContent = problemText(failure);
      });
  });
  return form;
}
