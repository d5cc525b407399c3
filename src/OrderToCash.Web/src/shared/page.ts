import { ApiError, type CurrentUser } from './api';
import { renderFailure, renderHeader, renderNotAllowed } from './layout';
import { requireUser, redirectToLogin } from './session';
import { pages, canOpen } from './pages';
import './../styles/app.css';

/**
 * Starts a signed-in page: the user is fetched (or sent to sign in), the header drawn, the page's role checked,
 * then the page renders. A 401 later (session expired) goes back to sign-in; a 403 shows "not allowed".
 */
export async function startPage(path: string, render: (user: CurrentUser) => Promise<void> | void): Promise<void> {
  try {
    const user = await requireUser();
    renderHeader(user, path);
    const page = pages.find(p => p.path === path);
    if (page && !canOpen(user, page)) {
      renderNotAllowed(page.title, page.role);
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
    renderNotAllowed(page.title, page.role);
    return;
  }
  console.error(error);
  renderFailure(error instanceof ApiError ? `The server answered: ${error.title}.` : 'The page could not start. Reload it; if the problem stays, tell your administrator.');
}
