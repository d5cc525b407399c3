import { ApiError, getJson, postJson } from '../shared/api';
import { append, byId, h } from '../shared/dom';
import { startPage } from '../shared/page';
import { roleLabel } from '../shared/pages';
import { register, t } from '../i18n/i18n';
import { date, dateTime, money, number } from '../i18n/format';
import { departmentLabel, reasonLabel } from '../i18n/labels';
import { creditCheckPanel } from '../tasks/credit-check';
import { choiceLabel, fieldLabel, isBookkeeping, taskName } from '../tasks/names';
import '../styles/tasks.css';

/** A user task as GET /api/tasks lists it. */
interface UserTask {
  id: string;
  instanceId: string;
  processId: string;
  elementId: string;
  name: string | null;
  candidateRole: string | null;
  businessKey: string | null;
  status: 'Open' | 'Claimed' | 'Completed' | 'Cancelled';
  assignee: string | null;
  createdAt: string;
  dueAt: string | null;
}

interface TaskField {
  name: string;
  type: 'string' | 'number' | 'bool' | 'date';
  /** The only values the field takes (its variable lists them), offered as a choice; null when free. */
  choices: string[] | null;
}

interface TaskForm {
  task: UserTask;
  fields: TaskField[];
  context: Record<string, unknown>;
}

register('tasks', {
  fr: {
    title: 'Tâches',
    lead: 'Ce que les processus vous demandent, à vous et à vos rôles. Prenez une tâche, puis répondez-y : le processus continue avec votre réponse.',
    list: 'Vos tâches',
    selected: 'Tâche sélectionnée',
    none: 'Rien à faire : aucune tâche n’attend vos rôles.',
    selectOne: 'Sélectionnez une tâche pour voir de quoi il s’agit.',
    colTask: 'Tâche',
    colAbout: 'Objet',
    colFor: 'Pour',
    colDue: 'Échéance',
    colState: 'État',
    late: '(en retard)',
    yours: 'À vous',
    takenBy: 'Prise par {{user}}',
    open: 'À prendre',
    count_one: '{{count}} tâche',
    count_other: '{{count}} tâches',
    created: 'créée le {{date}}',
    claim: 'Prendre cette tâche',
    took: 'Vous avez pris « {{task}} ».',
    someone: 'Quelqu’un',
    takenByOther: '{{user}} a pris cette tâche.',
    yes: 'Oui',
    no: 'Non',
    send: 'Envoyer la réponse',
    chooseFirst: 'Choisissez d’abord : {{field}}.',
    answered: 'Réponse envoyée à « {{task}} ».',
    dueIn: 'À traiter avant le {{date}} : il reste {{left}}.',
    dueLate: 'À traiter avant le {{date}} : en retard de {{late}}.',
    days: '{{count}} j',
    hours: '{{count}} h',
  },
  en: {
    title: 'Tasks',
    lead: 'What the workflows ask of you and your roles. Claim a task to take it, then answer it: the workflow goes on with your answer.',
    list: 'Your tasks',
    selected: 'Selected task',
    none: t('tasks:none'),
    selectOne: t('tasks:selectOne'),
    colTask: 'Task',
    colAbout: 'About',
    colFor: 'For',
    colDue: 'Due',
    colState: 'State',
    late: '(late)',
    yours: 'Yours',
    takenBy: 'Taken by {{user}}',
    open: 'Open',
    count_one: '{{count}} task',
    count_other: '{{count}} tasks',
    created: 'created {{date}}',
    claim: 'Claim this task',
    took: 'You took “{{task}}”.',
    someone: 'Someone',
    takenByOther: '{{user}} took this task.',
    yes: 'Yes',
    no: 'No',
    send: 'Send the answer',
    chooseFirst: 'Choose first: {{field}}.',
    answered: 'Answered “{{task}}”.',
    dueIn: 'Due by {{date}}: {{left}} left.',
    dueLate: 'Due by {{date}}: {{late}} late.',
    days: '{{count}} d',
    hours: '{{count}} h',
  },
});

let userName = '';

void startPage('/tasks', async user => {
  userName = user.userName;
  byId('main').replaceChildren(
    h(
      'section',
      { class: 'page-intro' },
      h('h1', {}, t('tasks:title')),
      h('p', { class: 'lead' }, t('tasks:lead')),
    ),
    h('p', { id: 'task-status', class: 'muted', role: 'status', 'aria-live': 'polite' }),
    h('div', { class: 'split-layout' }, h('section', { id: 'task-list', class: 'card', 'aria-label': t('tasks:list') }), h('section', { id: 'task-detail', class: 'card', 'aria-label': t('tasks:selected') })),
  );
  await refresh();
});

function status(message: string): void {
  byId('task-status').textContent = message;
}

async function refresh(selectId?: string): Promise<void> {
  const tasks = await getJson<UserTask[]>('/api/tasks');
  const list = byId('task-list');
  if (tasks.length === 0) {
    list.replaceChildren(h('p', { 'data-test': 'no-tasks' }, t('tasks:none')));
    byId('task-detail').replaceChildren(h('p', { class: 'muted' }, t('tasks:selectOne')));
    return;
  }
  const table = h(
    'table',
    { class: 'data-table', 'data-test': 'data-table' },
    h('thead', {}, h('tr', {}, h('th', {}, t('tasks:colTask')), h('th', {}, t('tasks:colAbout')), h('th', {}, t('tasks:colFor')), h('th', {}, t('tasks:colDue')), h('th', {}, t('tasks:colState')))),
  );
  const body = h('tbody', {});
  for (const task of tasks) {
    const overdue = task.dueAt !== null && new Date(task.dueAt).getTime() < Date.now();
    const row = h(
      'tr',
      { 'data-task': task.id, class: overdue ? 'overdue' : null },
      h('td', {}, h('button', { type: 'button', class: 'link-button', onclick: () => void select(task.id) }, taskName(task))),
      h('td', {}, task.businessKey ?? task.processId),
      h('td', {}, task.candidateRole ? roleLabel(task.candidateRole) : '—'),
      h('td', {}, task.dueAt ? `${dateTime(task.dueAt)}${overdue ? ` ${t('tasks:late')}` : ''}` : '—'),
      h('td', {}, task.status === 'Claimed' ? (task.assignee === userName ? t('tasks:yours') : t('tasks:takenBy', { user: task.assignee })) : t('tasks:open')),
    );
    append(body, row);
  }
  append(table, body);
  list.replaceChildren(h('h2', {}, t('tasks:count', { count: tasks.length })), table);
  const chosen = selectId ?? tasks[0]?.id;
  if (chosen && tasks.some(t => t.id === chosen)) {
    await select(chosen);
  }
}

/** The task the user asked to see last: an earlier answer arriving late must not replace it. */
let selecting = '';

async function select(id: string): Promise<void> {
  selecting = id;
  for (const row of document.querySelectorAll<HTMLTableRowElement>('tr[data-task]')) {
    row.classList.toggle('selected', row.dataset.task === id);
  }
  const form = await getJson<TaskForm>(`/api/tasks/${encodeURIComponent(id)}/form`);
  const creditCheck = await creditCheckPanel(form.task.processId, form.context);
  if (selecting !== id) {
    return;
  }
  const detail = byId('task-detail');
  const task = form.task;
  const context = h('dl', { class: 'facts', 'data-test': 'task-context' });
  const facts = Object.entries(form.context).filter(([name]) => !isBookkeeping(name));
  for (const [name, value] of facts) {
    append(context, h('dt', {}, fieldLabel(name)), h('dd', {}, display(name, value, form.context)));
  }
  detail.replaceChildren();
  append(
    detail,
    h('h2', {}, taskName(task)),
    h('p', { class: 'muted' }, `${task.processId} · ${t('tasks:created', { date: dateTime(task.createdAt) })}${task.businessKey ? ` · ${task.businessKey}` : ''}`),
    task.dueAt ? due(task.dueAt) : null,
    facts.length > 0 && context,
    creditCheck,
    task.status === 'Open' ? claimButton(task) : task.assignee === userName ? answerForm(form) : h('p', {}, t('tasks:takenByOther', { user: task.assignee ?? t('tasks:someone') })),
  );
}

/** The SLA: the due date and how long is left (or how late it is), in days and hours. */
function due(dueAt: string): HTMLElement {
  const minutes = Math.round((new Date(dueAt).getTime() - Date.now()) / 60_000);
  const hours = Math.floor(Math.abs(minutes) / 60);
  const span = hours >= 24 ? `${t('tasks:days', { count: Math.floor(hours / 24) })} ${t('tasks:hours', { count: hours % 24 })}` : t('tasks:hours', { count: hours });
  return minutes >= 0
    ? h('p', { class: 'sla', 'data-test': 'task-due' }, t('tasks:dueIn', { date: dateTime(dueAt), left: span }))
    : h('p', { class: 'sla form-error', 'data-test': 'task-due' }, t('tasks:dueLate', { date: dateTime(dueAt), late: span }));
}

function claimButton(task: UserTask): HTMLElement {
  const button = h('button', { type: 'button', class: 'button button-primary', 'data-test': 'claim' }, t('tasks:claim'));
  button.addEventListener('click', () => {
    button.disabled = true;
    void postJson(`/api/tasks/${encodeURIComponent(task.id)}/claim`, {})
      .then(() => refresh(task.id))
      .then(() => status(t('tasks:took', { task: taskName(task) })))
      .catch((error: unknown) => {
        button.disabled = false;
        status(messageOf(error));
      });
  });
  return button;
}

function answerForm(form: TaskForm): HTMLElement {
  const element = h('form', { class: 'task-form', 'data-test': 'task-form', novalidate: true });
  const inputs = new Map<string, HTMLInputElement | HTMLSelectElement>();
  for (const field of form.fields) {
    const id = `field-${field.name}`;
    const input =
      field.type === 'bool'
        ? h('select', { id, name: field.name }, h('option', { value: 'true' }, t('tasks:yes')), h('option', { value: 'false' }, t('tasks:no')))
        : field.choices
          ? h(
              'select',
              { id, name: field.name, required: true },
              h('option', { value: '' }, t('taskNames:choose')),
              ...field.choices.map(value => h('option', { value }, choiceLabel(field.name, value))),
            )
          : h('input', { id, name: field.name, type: field.type === 'number' ? 'number' : field.type === 'date' ? 'date' : 'text', step: field.type === 'number' ? 'any' : null });
    inputs.set(field.name, input);
    append(element, h('div', { class: 'field' }, h('label', { for: id }, fieldLabel(field.name)), input));
  }
  const error = h('p', { class: 'form-error', role: 'alert', 'data-test': 'task-error' });
  const submit = h('button', { type: 'submit', class: 'button button-primary', 'data-test': 'complete' }, t('tasks:send'));
  append(element, error, submit);
  element.addEventListener('submit', event => {
    event.preventDefault();
    const outputs: Record<string, unknown> = {};
    for (const field of form.fields) {
      const raw = inputs.get(field.name)!.value.trim();
      outputs[field.name] = field.type === 'bool' ? raw === 'true' : field.type === 'number' ? (raw === '' ? null : Number(raw)) : raw === '' ? null : raw;
    }
    const unchosen = form.fields.find(field => field.choices && outputs[field.name] === null);
    if (unchosen) {
      error.textContent = t('tasks:chooseFirst', { field: fieldLabel(unchosen.name) });
      inputs.get(unchosen.name)!.focus();
      return;
    }
    submit.disabled = true;
    error.textContent = '';
    void postJson(`/api/tasks/${encodeURIComponent(form.task.id)}/complete`, { outputs })
      .then(() => refresh())
      .then(() => status(t('tasks:answered', { task: taskName(form.task) })))
      .catch((failure: unknown) => {
        submit.disabled = false;
        error.textContent = messageOf(failure);
      });
  });
  return element;
}

function messageOf(error: unknown): string {
  return error instanceof ApiError ? error.title : t('shell:unreachable');
}

/** A variable's value in words: codes with their labels, amounts in the task's currency, dates in the page's locale. */
function display(name: string, value: unknown, context: Record<string, unknown>): string {
  if (value === null || value === undefined) {
    return '—';
  }
  if (typeof value === 'string') {
    switch (name) {
      case 'reasonCode':
        return reasonLabel(value);
      case 'department':
        return departmentLabel(value);
      case 'role':
        return roleLabel(value);
      case 'decision':
      case 'outcome':
        return choiceLabel(name, value);
    }
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
      return date(value);
    }
    if (/^\d{4}-\d{2}-\d{2}T/.test(value)) {
      return dateTime(value);
    }
  }
  if (typeof value === 'number') {
    return /amount|exposure|limit|cover/i.test(name) ? money(value, typeof context.currency === 'string' ? context.currency : 'EUR') : number(value, Number.isInteger(value) ? 0 : 2);
  }
  if (typeof value === 'boolean') {
    return value ? t('tasks:yes') : t('tasks:no');
  }
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
