import { ApiError } from '../shared/api';
import { append, h } from '../shared/dom';
import { t } from '../i18n/i18n';
import { problemText } from '../shared/page';
import { customers, type Contact, type CustomerDetail, type CustomerDraft } from './api';
import { sirenProblem, vatFor } from './identity-check';
import './texts';

type Kind = 'text' | 'number' | 'date' | 'select' | 'checkbox';

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
  { name: 'paymentTermsAgreedInContract', kind: 'checkbox' },
  { name: 'periodicInvoicing', kind: 'checkbox' },
  { name: 'riskClass', kind: 'select', choices: ['A', 'B', 'C', 'D', 'E'], choiceLabels: 'risk' },
  { name: 'internalCreditLimit', kind: 'number' },
  { name: 'insurerCover', kind: 'number' },
  { name: 'insurerCoverExpiresOn', kind: 'date' },
  { name: 'nextReviewOn', kind: 'date' },
  { name: 'paidInvoicesCarriedOver', kind: 'number' },
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
    return { countryCode: 'FR', segment: 'Standard', paymentTermDays: '30', paymentTermBasis: 'Delivery', paymentTermsAgreedInContract: 'false', periodicInvoicing: 'false', riskClass: 'C', internalCreditLimit: '0', insurerCover: '0', paidInvoicesCarriedOver: '0' };
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
    paymentTermsAgreedInContract: String(c.paymentTermsAgreedInContract),
    periodicInvoicing: String(c.periodicInvoicing),
    riskClass: c.riskClass,
    internalCreditLimit: String(c.internalCreditLimit),
    insurerCover: String(c.insurerCover),
    insurerCoverExpiresOn: c.insurerCoverExpiresOn ?? '',
    nextReviewOn: c.nextReviewOn ?? '',
    paidInvoicesCarriedOver: String(c.paidInvoicesCarriedOver),
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
      spec.kind === 'checkbox'
        ? h('input', { id, name: spec.name, type: 'checkbox', checked: values[spec.name] === 'true', disabled, 'aria-describedby': `${id}-hint` })
        : spec.kind === 'select'
        ? h('select', { id, name: spec.name, disabled }, ...(spec.choices ?? []).map(c => h('option', { value: c, selected: values[spec.name] === c }, t(`customers:${spec.choiceLabels}.${c}`))))
        : h('input', { id, name: spec.name, type: spec.kind, value: values[spec.name] ?? '', disabled, required: spec.required, step: spec.kind === 'number' ? (spec.name === 'paymentTermDays' ? '1' : '0.01') : null, min: spec.kind === 'number' ? '0' : null, 'aria-describedby': `${id}-hint` });
    const hint = h('p', { id: `${id}-hint`, class: 'field-hint', 'aria-live': 'polite' });
    inputs.set(spec.name, input);
    hints.set(spec.name, hint);
    const label = h('label', { for: id }, t(`customers:field.${spec.name}`));
    append(grid, spec.kind === 'checkbox' ? h('div', { class: 'field field-check' }, input, label, hint) : h('div', { class: 'field' }, label, input, hint));
  }
  const contacts = contactsEditor(options.customer?.contacts ?? [], options.canEdit);
  append(form, grid, contacts.element);

  const value = (name: string) => inputs.get(name)!.value.trim();
  const checked = (name: string) => (inputs.get(name) as HTMLInputElement).checked;
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
    const contract = checked('paymentTermsAgreedInContract');
    const problem =
      days > 60
        ? t('customers:termsTooLong')
        : basis === 'EndOfMonth' && (days > 45 || !contract)
          ? t('customers:eomTooLong')
          : !contract && days > 30
            ? t('customers:needsContract')
            : checked('periodicInvoicing') && days > 45
              ? t('customers:periodicTooLong')
              : null;
    say('paymentTermDays', problem ?? t('customers:termsHint'), problem !== null);
  };
  inputs.get('siren')!.addEventListener('input', checkIdentity);
  inputs.get('vatNumber')!.addEventListener('input', checkIdentity);
  inputs.get('paymentTermDays')!.addEventListener('input', checkTerms);
  inputs.get('paymentTermBasis')!.addEventListener('change', checkTerms);
  inputs.get('paymentTermsAgreedInContract')!.addEventListener('change', checkTerms);
  inputs.get('periodicInvoicing')!.addEventListener('change', checkTerms);
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
      paymentTermsAgreedInContract: checked('paymentTermsAgreedInContract'),
      periodicInvoicing: checked('periodicInvoicing'),
      contacts: contacts.values(),
      riskClass: value('riskClass'),
      insurerCover: number('insurerCover'),
      insurerCoverExpiresOn: text('insurerCoverExpiresOn'),
      nextReviewOn: text('nextReviewOn'),
      paidInvoicesCarriedOver: number('paidInvoicesCarriedOver'),
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
          } else if (field.startsWith('contacts[')) {
            contacts.error(messages.join(' '));
          }
        }
        error.textContent = problemText(failure);
      });
  });
  return form;
}

const ContactRoles: readonly Contact['role'][] = ['AccountsPayable', 'Finance', 'Purchasing', 'Management'];

/** The customer's contacts: a row per person (name, e-mail, role), rows added and removed in place. */
function contactsEditor(initialContacts: readonly Contact[], canEdit: boolean): { element: HTMLElement; values: () => Contact[]; error: (message: string) => void } {
  const rows = h('div', { class: 'contact-rows' });
  const problem = h('p', { class: 'field-hint field-error', role: 'alert', 'data-test': 'contacts-error' });
  let next = 0;
  const addRow = (contact: Contact | null) => {
    const n = next++;
    const name = h('input', { id: `contact-name-${n}`, type: 'text', value: contact?.name ?? '', disabled: !canEdit, 'data-contact': 'name' });
    const email = h('input', { id: `contact-email-${n}`, type: 'email', value: contact?.email ?? '', disabled: !canEdit, 'data-contact': 'email' });
    const role = h('select', { id: `contact-role-${n}`, disabled: !canEdit, 'data-contact': 'role' }, ...ContactRoles.map(r => h('option', { value: r, selected: (contact?.role ?? 'AccountsPayable') === r }, t(`customers:contactRole.${r}`))));
    const row = h(
      'div',
      { class: 'inline-form contact-row' },
      h('div', { class: 'field' }, h('label', { for: name.id }, t('customers:contactName')), name),
      h('div', { class: 'field' }, h('label', { for: email.id }, t('customers:contactEmail')), email),
      h('div', { class: 'field' }, h('label', { for: role.id }, t('customers:contactRoleLabel')), role),
    );
    if (canEdit) {
      append(row, h('button', { type: 'button', class: 'button button-quiet', onclick: () => row.remove() }, t('customers:removeContact')));
    }
    append(rows, row);
  };
  for (const contact of initialContacts) {
    addRow(contact);
  }
  const element = h('fieldset', { class: 'contacts', 'data-test': 'contacts' }, h('legend', {}, t('customers:contacts')), rows, problem);
  if (canEdit) {
    append(element, h('button', { type: 'button', class: 'button', 'data-test': 'add-contact', onclick: () => addRow(null) }, t('customers:addContact')));
  }
  const values = () =>
    [...rows.querySelectorAll<HTMLElement>('.contact-row')]
      .map(row => ({
        name: row.querySelector<HTMLInputElement>('[data-contact=name]')!.value.trim(),
        email: row.querySelector<HTMLInputElement>('[data-contact=email]')!.value.trim(),
        role: row.querySelector<HTMLSelectElement>('[data-contact=role]')!.value as Contact['role'],
      }))
      .filter(c => c.name !== '' || c.email !== '');
  return { element, values, error: message => (problem.textContent = message) };
}
