import { ApiError } from './api';
import { h } from './dom';

/** What an upload form shows and does; `name` prefixes its ids and test names (`<name>-form`, `<name>-file`). */
export interface Upload<T> {
  name: string;
  title: string;
  hint: string;
  fileLabel: string;
  button: string;
  accept: string;
  /** Where the outcome is shown; emptied on each submit. */
  output: HTMLElement;
  send: (text: string) => Promise<T>;
  sent: (result: T) => void;
  refused: (failure: unknown) => void;
}

/** A file sent whole as text: one form for every upload (bank statements, customer CSV), the button off while it travels. */
export function uploadForm<T>(upload: Upload<T>): HTMLElement {
  const file = h('input', { id: `${upload.name}-file`, type: 'file', accept: upload.accept });
  const submit = h('button', { type: 'submit', class: 'button' }, upload.button);
  const form = h(
    'form',
    { class: 'panel', 'data-test': `${upload.name}-form`, novalidate: true, 'aria-labelledby': `${upload.name}-title` },
    h('h2', { id: `${upload.name}-title` }, upload.title),
    h('p', { class: 'field-hint' }, upload.hint),
    h('div', { class: 'field' }, h('label', { for: `${upload.name}-file` }, upload.fileLabel), file),
    submit,
    upload.output,
  );
  form.addEventListener('submit', event => {
    event.preventDefault();
    const chosen = file.files?.[0];
    if (!chosen) {
      return;
    }
    submit.disabled = true;
    upload.output.replaceChildren();
    void chosen
      .text()
      .then(upload.send)
      .then(upload.sent)
      .catch(upload.refused)
      .finally(() => (submit.disabled = false));
  });
  return form;
}

/** The problem's field errors (where → messages), when the API answered with them. */
export function fieldErrors(failure: unknown): Record<string, string[]> | undefined {
  return failure instanceof ApiError ? (failure.problem?.errors as Record<string, string[]> | undefined) : undefined;
}
