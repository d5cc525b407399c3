import { ApiError, type CurrentUser } from '../shared/api';
import { append, byId, h } from '../shared/dom';
import { startPage } from '../shared/page';
import { Roles, roleLabel } from '../shared/pages';
import { t } from '../i18n/i18n';
import { dateTime } from '../i18n/format';
import { departmentLabel, reasonLabel, stateLabel } from '../i18n/labels';
import { assignableRoles, reasonsApi, type Reason, type TaxonomyVersion } from '../reasons/api';
import '../reasons/texts';

/** Quality's levers: the reason taxonomy and the department → role map, edited here, each change a version. */
void startPage('/reasons', async user => {
  byId('main').replaceChildren(
    h('section', { class: 'page-intro' }, h('h1', {}, t('reasons:title')), h('p', { class: 'lead' }, t('reasons:lead'))),
    h('p', { id: 'reasons-status', class: 'muted', role: 'status', 'aria-live': 'polite' }),
    h('section', { id: 'reason-list', class: 'card', 'aria-label': t('reasons:reasons') }),
    h('section', { id: 'department-map', class: 'card', 'aria-label': t('reasons:departments') }),
    h('section', { id: 'taxonomy-versions', class: 'card', 'aria-label': t('reasons:versions') }),
  );
  await refresh(user);
});

const editsReasons = (user: CurrentUser) => user.roles.includes(Roles.Quality) || user.roles.includes(Roles.CreditManager);
const editsDepartments = (user: CurrentUser) => user.roles.includes(Roles.Quality) || user.roles.includes(Roles.ProcessOwner);

async function refresh(user: CurrentUser): Promise<void> {
  const [reasons, departments, versions] = await Promise.all([reasonsApi.list(), reasonsApi.departments(), reasonsApi.versions()]);
  renderReasons(user, reasons, departments.map(d => d.department));
  renderDepartments(user, departments);
  renderVersions(versions);
}

/** Runs a change, says what it made (or why nothing was saved), then draws the page again. */
async function change(user: CurrentUser, run: () => Promise<unknown>): Promise<void> {
  const status = byId('reasons-status');
  const before = (await reasonsApi.versions())[0]?.version ?? 0;
  try {
    await run();
  } catch (error) {
    status.textContent = t('reasons:notSaved', { reason: error instanceof ApiError ? error.title : t('shell:unreachable') });
    status.setAttribute('role', 'alert');
    return;
  }
  await refresh(user);
  const after = (await reasonsApi.versions())[0]?.version ?? 0;
  status.setAttribute('role', 'status');
  status.textContent = after > before ? t('reasons:saved', { version: after }) : t('reasons:unchanged');
}

function renderReasons(user: CurrentUser, reasons: Reason[], departments: string[]): void {
  const section = byId('reason-list');
  const form = h('div', { id: 'reason-form' });
  const body = h('tbody', {});
  for (const reason of reasons) {
    append(
      body,
      h(
        'tr',
        { 'data-reason': reason.code },
        h('td', {}, h('code', {}, reason.code)),
        h('td', {}, reasonLabel(reason.code, reason.label)),
        h('td', {}, stateLabel('reasonKind', reason.kind)),
        h('td', {}, departmentLabel(reason.department)),
        h('td', {}, reason.eInvoicingCodes.join(', ')),
        h('td', {}, editsReasons(user) ? h('button', { type: 'button', class: 'link-button', 'data-test': `edit-${reason.code}`, onclick: () => openForm(user, form, reason, departments) }, t('reasons:edit')) : ''),
      ),
    );
  }
  section.replaceChildren(
    h('h2', {}, t('reasons:reasons')),
    h(
      'table',
      { class: 'data-table', 'data-test': 'reasons' },
      h('thead', {}, h('tr', {}, ...['code', 'label', 'kind', 'department', 'eInvoicing'].map(k => h('th', {}, t(`reasons:${k}`))), h('th', {}, t('reasons:edit')))),
      body,
    ),
    editsReasons(user)
      ? h('button', { type: 'button', class: 'button', 'data-test': 'new-reason', onclick: () => openForm(user, form, null, departments) }, t('reasons:newReason'))
      : h('p', { class: 'muted' }, t('reasons:readOnly')),
    form,
  );
}

function openForm(user: CurrentUser, form: HTMLElement, reason: Reason | null, departments: string[]): void {
  const field = (id: string, label: string, control: HTMLElement, hint?: string) =>
    h('div', { class: 'field' }, h('label', { for: id }, label), control, hint ? h('p', { class: 'field-hint' }, hint) : null);
  const code = h('input', { id: 'reason-code', value: reason?.code ?? '', required: true, readonly: reason !== null, autocomplete: 'off' });
  const label = h('input', { id: 'reason-label', value: reason?.label ?? '', required: true, maxlength: 200 });
  const kind = h('select', { id: 'reason-kind' }, ...(['Dispute', 'LatePayment'] as const).map(k => h('option', { value: k, selected: reason?.kind === k }, stateLabel('reasonKind', k))));
  const department = h('input', { id: 'reason-department', value: reason?.department ?? '', required: true, list: 'known-departments', maxlength: 50 });
  const known = h('datalist', { id: 'known-departments' }, ...departments.map(d => h('option', { value: d }, departmentLabel(d))));
  const codes = h('input', { id: 'reason-einvoicing', value: reason?.eInvoicingCodes.join(', ') ?? '' });
  const comment = h('input', { id: 'reason-comment', maxlength: 1000 });
  const save = h('button', { type: 'submit', class: 'button button-primary', 'data-test': 'save-reason' }, t('reasons:save'));
  const element = h(
    'form',
    { class: 'stacked-form', 'data-test': 'reason-form', 'aria-label': reason ? reason.code : t('reasons:newReason') },
    h('h3', {}, reason ? `${t('reasons:edit')} ${reason.code}` : t('reasons:newReason')),
    field('reason-code', t('reasons:code'), code),
    field('reason-label', t('reasons:label'), label),
    field('reason-kind', t('reasons:kind'), kind),
    field('reason-department', t('reasons:department'), department),
    known,
    field('reason-einvoicing', t('reasons:eInvoicing'), codes, t('reasons:eInvoicingHint')),
    field('reason-comment', t('reasons:comment'), comment),
    h('p', {}, save, ' ', h('button', { type: 'button', class: 'button', onclick: () => form.replaceChildren() }, t('reasons:cancel'))),
  );
  element.addEventListener('submit', event => {
    event.preventDefault();
    save.disabled = true;
    const edited: Reason = {
      code: code.value.trim(),
      label: label.value.trim(),
      kind: kind.value as Reason['kind'],
      department: department.value.trim(),
      eInvoicingCodes: codes.value.split(',').map(c => c.trim()).filter(c => c.length > 0),
    };
    void change(user, () => reasonsApi.save(edited, comment.value.trim())).finally(() => (save.disabled = false));
  });
  form.replaceChildren(element);
  (reason ? label : code).focus();
}

function renderDepartments(user: CurrentUser, departments: { department: string; roles: string[] }[]): void {
  const section = byId('department-map');
  const editable = editsDepartments(user);
  const comment = h('input', { id: 'department-comment', maxlength: 1000 });
  const body = h('tbody', {});
  const row = (department: string, roles: string[]) => {
    const boxes = assignableRoles.map(role =>
      h('input', { type: 'checkbox', value: role, checked: roles.includes(role), disabled: !editable, 'aria-label': `${departmentLabel(department)} · ${roleLabel(role)}` }),
    );
    const save = h('button', { type: 'button', class: 'button', 'data-test': `save-department-${department}` }, t('reasons:save'));
    save.addEventListener('click', () => {
      save.disabled = true;
      const chosen = boxes.filter(b => b.checked).map(b => b.value);
      void change(user, () => reasonsApi.saveDepartment(department, chosen, comment.value.trim())).finally(() => (save.disabled = false));
    });
    return h(
      'tr',
      { 'data-department': department },
      h('th', { scope: 'row' }, departmentLabel(department), department !== departmentLabel(department) ? h('span', { class: 'muted' }, ` (${department})`) : null),
      ...boxes.map(b => h('td', { class: 'center' }, b)),
      h('td', {}, roles.length === 0 ? h('span', { class: 'muted' }, t('reasons:nobody')) : ''),
      h('td', {}, editable ? save : ''),
    );
  };
  for (const d of departments) {
    append(body, row(d.department, d.roles));
  }
  const added = h('input', { id: 'new-department', maxlength: 50, autocomplete: 'off' });
  const add = h('button', { type: 'button', class: 'button', 'data-test': 'add-department' }, t('reasons:addDepartment'));
  add.addEventListener('click', () => {
    const name = added.value.trim();
    if (name) {
      append(body, row(name, []));
      added.value = '';
    }
  });
  section.replaceChildren(
    h('h2', {}, t('reasons:departments')),
    h('p', { class: 'muted' }, t('reasons:departmentsLead')),
    editable ? h('div', { class: 'field' }, h('label', { for: 'department-comment' }, t('reasons:comment')), comment) : h('p', { class: 'muted' }, t('reasons:readOnly')),
    h(
      'table',
      { class: 'data-table', 'data-test': 'departments' },
      h('thead', {}, h('tr', {}, h('th', {}, t('reasons:department')), ...assignableRoles.map(r => h('th', {}, roleLabel(r))), h('th', {}, ''), h('th', {}, ''))),
      body,
    ),
    ...(editable ? [h('div', { class: 'field inline-field' }, h('label', { for: 'new-department' }, t('reasons:newDepartment')), added, add)] : []),
  );
}

function renderVersions(versions: TaxonomyVersion[]): void {
  const field = (name: string) => t(`reasons:field.${name}`);
  const value = (c: TaxonomyVersion['changes'][number], v: string | null) =>
    !v ? t('reasons:none') : c.field === 'roles' ? v.split(',').map(roleLabel).join(', ') : v;
  const line = (c: TaxonomyVersion['changes'][number]) =>
    c.field === 'added'
      ? `${c.subject} ${t('reasons:added', { after: c.after ?? '' })}`
      : `${c.subject} · ${t('reasons:changed', { field: field(c.field), before: value(c, c.before), after: value(c, c.after) })}`;
  byId('taxonomy-versions').replaceChildren(
    h('h2', {}, t('reasons:versions')),
    h(
      'ol',
      { class: 'history', 'data-test': 'taxonomy-versions', reversed: true },
      ...versions.map(v =>
        h(
          'li',
          { 'data-version': v.version },
          h('strong', {}, t('reasons:versionLine', { version: v.version, author: v.author, date: dateTime(v.changedAt) })),
          v.comment ? h('p', {}, v.comment) : null,
          h('ul', {}, ...v.changes.slice(0, 30).map(c => h('li', {}, line(c)))),
        ),
      ),
    ),
  );
}
