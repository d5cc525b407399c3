import { append, byId, h } from '../shared/dom';
import { startPage } from '../shared/page';
import { pages, roleLabel, canOpen } from '../shared/pages';

void startPage('/', user => {
  const main = byId('main');
  const open = pages.filter(p => canOpen(user, p));
  const name = user.displayName ?? user.userName;

  const intro = h(
    'section',
    { class: 'page-intro' },
    h('h1', {}, `Welcome, ${name}`),
    h('p', { class: 'muted', 'data-test': 'roles' }, `Signed in as ${user.userName} · ${user.roles.map(roleLabel).join(', ') || 'no role'}`),
  );

  const grid = h('ul', { class: 'card-grid', 'aria-label': 'Your pages' });
  for (const page of open) {
    append(
      grid,
      h(
        'li',
        {},
        h('a', { class: 'card card-link', href: page.path }, h('h2', {}, page.title), h('p', {}, page.summary), h('span', { class: 'card-role' }, roleLabel(page.role))),
      ),
    );
  }

  main.replaceChildren(
    intro,
    open.length > 0
      ? grid
      : h('section', { class: 'card notice', 'data-test': 'no-pages' }, h('h2', {}, 'No page for your role yet'), h('p', {}, 'The pages for your role are not available yet. Your administrator can tell you when they are.')),
  );
});
