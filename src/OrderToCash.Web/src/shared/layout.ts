import type { CurrentUser } from './api';
import { append, byId, h } from './dom';
import { signOut } from './session';
import { pages, roleLabel, canOpen, pageTitle, type AppPage, pageRole } from './pages';
import { currentLanguage, switchLanguage, t } from '../i18n/i18n';

/** Fills the page's header: product name, the pages the user's roles open, the language switch, the user and sign-out. */
export function renderHeader(user: CurrentUser, currentPath: string): void {
  const header = byId('app-header');
  header.replaceChildren();
  const nav = h('nav', { class: 'app-nav', 'aria-label': t('shell:nav') });
  const list = h('ul', {});
  for (const page of pages.filter(p => canOpen(user, p))) {
    const current = page.path === currentPath;
    append(list, h('li', {}, h('a', { href: page.path, 'aria-current': current ? 'page' : null }, pageTitle(page))));
  }
  append(nav, list);

  const signOutButton = h('button', { type: 'button', class: 'button button-quiet', 'data-test': 'sign-out' }, t('shell:signOut'));
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
      languageSwitch(),
      h('span', { class: 'app-user-name', 'data-test': 'user-name', title: user.roles.map(roleLabel).join(', ') }, user.displayName ?? user.userName),
      signOutButton,
    ),
  );
}

/** The button that shows the pages in the other language (the choice is kept on this browser). */
export function languageSwitch(): HTMLElement {
  const other = currentLanguage() === 'fr' ? 'en' : 'fr';
  return h(
    'button',
    { type: 'button', class: 'button button-quiet', lang: other, 'data-test': 'language', title: t('shell:switchToLabel'), onclick: () => switchLanguage(other) },
    t('shell:switchTo'),
  );
}

/** Replaces the main content with the view for a user whose roles do not open this page. */
export function renderNotAllowed(page: AppPage): void {
  const main = byId('main');
  main.className = 'page page-narrow';
  main.replaceChildren(
    h(
      'section',
      { class: 'card notice', role: 'alert', 'data-test': 'not-allowed' },
      h('h1', {}, t('shell:notAllowed')),
      h('p', {}, t('shell:notAllowedText', { page: pageTitle(page), role: pageRole(page).toLowerCase() })),
      h('p', {}, t('shell:askAdministrator')),
      h('p', {}, h('a', { class: 'button', href: '/' }, t('shell:backHome'))),
    ),
  );
  document.title = `${t('shell:notAllowed')} · OrderToCash`;
}

/** Replaces the main content with an error the user can act on (reload). */
export function renderFailure(message: string): void {
  const main = byId('main');
  main.className = 'page page-narrow';
  main.replaceChildren(
    h(
      'section',
      { class: 'card notice notice-error', role: 'alert' },
      h('h1', {}, t('shell:failureTitle')),
      h('p', {}, message),
      h('p', {}, h('a', { class: 'button', href: window.location.pathname }, t('shell:reload'))),
    ),
  );
}
