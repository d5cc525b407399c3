import type { CurrentUser } from './api';
import { append, byId, h } from './dom';
import { signOut } from './session';
import { pages, roleLabel, canOpen } from './pages';

/** Fills the page's header: product name, the pages the user's roles open, the user and sign-out. */
export function renderHeader(user: CurrentUser, currentPath: string): void {
  const header = byId('app-header');
  header.replaceChildren();
  const nav = h('nav', { class: 'app-nav', 'aria-label': 'Main' });
  const list = h('ul', {});
  for (const page of pages.filter(p => canOpen(user, p))) {
    const current = page.path === currentPath;
    append(list, h('li', {}, h('a', { href: page.path, 'aria-current': current ? 'page' : null }, page.title)));
  }
  append(nav, list);

  const signOutButton = h('button', { type: 'button', class: 'button button-quiet', 'data-test': 'sign-out' }, 'Sign out');
  signOutButton.addEventListener('click', () => {
    signOutButton.disabled = true;
    void signOut();
  });

  append(
    header,
    h('a', { class: 'brand', href: '/' }, h('span', { class: 'brand-mark', 'aria-hidden': 'true' }, 'O2C'), h('span', { class: 'brand-name' }, 'OrderToCash')),
    nav,
    h(
      'div',
      { class: 'app-user' },
      h(
        'span',
        { class: 'app-user-name', 'data-test': 'user-name', title: user.roles.map(roleLabel).join(', ') },
        user.displayName ?? user.userName,
      ),
      signOutButton,
    ),
  );
}

/** Replaces the main content with the view for a user whose roles do not open this page. */
export function renderNotAllowed(pageTitle: string, role: string): void {
  const main = byId('main');
  main.className = 'page page-narrow';
  main.replaceChildren(
    h(
      'section',
      { class: 'card notice', role: 'alert', 'data-test': 'not-allowed' },
      h('h1', {}, 'Not allowed'),
      h('p', {}, `The ${pageTitle.toLowerCase()} is for the ${roleLabel(role).toLowerCase()} role, which your account does not have.`),
      h('p', {}, 'Ask an administrator to grant the role if you need this page.'),
      h('p', {}, h('a', { class: 'button', href: '/' }, 'Back to the home page')),
    ),
  );
  document.title = `Not allowed · OrderToCash`;
}

/** Replaces the main content with an error the user can act on (reload). */
export function renderFailure(message: string): void {
  const main = byId('main');
  main.className = 'page page-narrow';
  main.replaceChildren(
    h(
      'section',
      { class: 'card notice notice-error', role: 'alert' },
      h('h1', {}, 'Something went wrong'),
      h('p', {}, message),
      h('p', {}, h('a', { class: 'button', href: window.location.pathname }, 'Reload the page')),
    ),
  );
}
