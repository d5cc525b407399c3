import { ApiError, getJson, postJson } from '../shared/api';
import { append, byId, h } from '../shared/dom';
import { startPage } from '../shared/page';
import { roleLabel } from '../shared/pages';
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
}

interface TaskForm {
  task: UserTask;
  fields: TaskField[];
  context: Record<string, unknown>;
}

let userName = '';

void startPage('/tasks', async user => {
  userName = user.userName;
  byId('main').replaceChildren(
    h(
      'section',
      { class: 'page-intro' },
      h('h1', {}, 'Tasks'),
      h('p', { class: 'lead' }, 'What the workflows ask of you and your roles. Claim a task to take it, then answer it: the workflow goes on with your answer.'),
    ),
    h('p', { id: 'task-status', class: 'muted', role: 'status', 'aria-live': 'polite' }),
    h('div', { class: 'split-layout' }, h('section', { id: 'task-list', class: 'card', 'aria-label': 'Your tasks' }), h('section', { id: 'task-detail', class: 'card', 'aria-label': 'Selected task' })),
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
    list.replaceChildren(h('p', { 'data-test': 'no-tasks' }, 'Nothing to do: no task is waiting for your roles.'));
    byId('task-detail').replaceChildren(h('p', { class: 'muted' }, 'Select a task to see what it is about.'));
    return;
  }
  const table = h(
    'table',
    { class: 'data-table', 'data-test': 'data-table' },
    h('thead', {}, h('tr', {}, h('th', {}, 'Task'), h('th', {}, 'About'), h('th', {}, 'For'), h('th', {}, 'Due'), h('th', {}, 'State'))),
  );
  const body = h('tbody', {});
  for (const task of tasks) {
    const overdue = task.dueAt !== null && new Date(task.dueAt).getTime() < Date.now();
    const row = h(
      'tr',
      { 'data-task': task.id, class: overdue ? 'overdue' : null },
      h('td', {}, h('button', { type: 'button', class: 'link-button', onclick: () => void select(task.id) }, task.name ?? task.elementId)),
      h('td', {}, task.businessKey ?? task.processId),
      h('td', {}, task.candidateRole ? roleLabel(task.candidateRole) : '—'),
      h('td', {}, task.dueAt ? `${formatDate(task.dueAt)}${overdue ? ' (late)' : ''}` : '—'),
      h('td', {}, task.status === 'Claimed' ? (task.assignee === userName ? 'Yours' : `Taken by ${task.assignee}`) : 'Open'),
    );
    append(body, row);
  }
  append(table, body);
  list.replaceChildren(h('h2', {}, `${tasks.length} task${tasks.length === 1 ? '' : 's'}`), table);
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
  if (selecting !== id) {
    return;
  }
  const detail = byId('task-detail');
  const task = form.task;
  const context = h('dl', { class: 'facts', 'data-test': 'task-context' });
  for (const [name, value] of Object.entries(form.context)) {
    append(context, h('dt', {}, humanize(name)), h('dd', {}, display(value)));
  }
  detail.replaceChildren();
  append(
    detail,
    h('h2', {}, task.name ?? task.elementId),
    h('p', { class: 'muted' }, `${task.processId} · created ${formatDate(task.createdAt)}${task.businessKey ? ` · ${task.businessKey}` : ''}`),
    Object.keys(form.context).length > 0 && context,
    task.status === 'Open' ? claimButton(task) : task.assignee === userName ? answerForm(form) : h('p', {}, `${task.assignee ?? 'Someone'} took this task.`),
  );
}

function claimButton(task: UserTask): HTMLElement {
  const button = h('button', { type: 'button', class: 'button button-primary', 'data-test': 'claim' }, 'Claim this task');
  button.addEventListener('click', () => {
    button.disabled = true;
    void postJson(`/api/tasks/${encodeURIComponent(task.id)}/claim`, {})
      .then(() => refresh(task.id))
      .then(() => status(`You took “${task.name ?? task.elementId}”.`))
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
        ? h('select', { id, name: field.name }, h('option', { value: 'true' }, 'Yes'), h('option', { value: 'false' }, 'No'))
        : h('input', { id, name: field.name, type: field.type === 'number' ? 'number' : field.type === 'date' ? 'date' : 'text', step: field.type === 'number' ? 'any' : null });
    inputs.set(field.name, input);
    append(element, h('div', { class: 'field' }, h('label', { for: id }, humanize(field.name)), input));
  }
  const error = h('p', { class: 'form-error', role: 'alert', 'data-test': 'task-error' });
  const submit = h('button', { type: 'submit', class: 'button button-primary', 'data-test': 'complete' }, 'Send the answer');
  append(element, error, submit);
  element.addEventListener('submit', event => {
    event.preventDefault();
    const outputs: Record<string, unknown> = {};
    for (const field of form.fields) {
      const raw = inputs.get(field.name)!.value.trim();
      outputs[field.name] = field.type === 'bool' ? raw === 'true' : field.type === 'number' ? (raw === '' ? null : Number(raw)) : raw === '' ? null : raw;
    }
    submit.disabled = true;
    error.textContent = '';
    void postJson(`/api/tasks/${encodeURIComponent(form.task.id)}/complete`, { outputs })
      .then(() => refresh())
      .then(() => status(`Answered “${form.task.name ?? form.task.elementId}”.`))
      .catch((failure: unknown) => {
        submit.disabled = false;
        error.textContent = messageOf(failure);
      });
  });
  return element;
}

function messageOf(error: unknown): string {
  return error instanceof ApiError ? error.title : 'The server could not be reached; try again.';
}

function humanize(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/^./, c => c.toUpperCase());
}

function display(value: unknown): string {
  if (value === null || value === undefined) {
    return '—';
  }
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function formatDate(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
