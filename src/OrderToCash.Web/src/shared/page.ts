import { ApiError, type CurrentUser } from './api';
import { renderFailure, renderHeader, renderNotAllowed } from './layout';
import { requireUser, redirectToLogin } from './session';
import { pages, canOpen, pageTitle } from './pages';
import { t } from '../i18n/i18n';
import './../styles/app.css';

/**
 * Starts a signed-in page: the user is fetched (or sent to sign in), the header drawn, the page's role checked,
 * then the page renders. A 401 later (session expired) goes back to sign-in; a 403 shows "not allowed".
 */
export async function startPage(path: string, render: (user: CurrentUser) => Promise<void> | void): Promise<void> {
  try {
    const page = pages.find(p => p.path === path);
    if (page) {
      document.title = `${pageTitle(page)} · OrderToCash`;
    }
    const user = await requireUser();
    renderHeader(user, path);
    if (page && !canOpen(user, page)) {
      renderNotAllowed(page);
      return;
    }
    await render(user);
  } catch (error) {
    handlePageError(error, path);
  } finally {
    document.body.classList.remove('is-loading');
  }
}

export function handlePageError(error: unknown, path: string): void {
  if (error instanceof ApiError && error.status === 401) {
    redirectToLogin();
    return;
  }
  const page = pages.find(p => p.path === path);
  if (error instanceof ApiError && error.status === 403 && page) {
    renderNotAllowed(page);
    return;
  }
  console.error(error);
  renderFailure(error instanceof ApiError ? t('shell:failureServer', { title: error.title }) : t('shell:failureStart'));
}

/** The words for a failed call: the server's problem (its field errors when it lists them), or "unreachable". */
export function problemText(error: unknown): string {
  if (!(error instanceof ApiError)) {
    return t('shell:unreachable');
  }
  const errors = error.problem?.errors;
  if (errors && typeof errors === 'object') {
    const lines = Object.values(errors as Record<string, string[]>).flat();
    if (lines.length > 0) {
      return lines.join(' ');
    }
  }
  return error.title;
}
