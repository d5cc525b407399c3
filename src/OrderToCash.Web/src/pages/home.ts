import { append, byId, h } from '../shared/dom';
import { startPage } from '../shared/page';
import { pages, roleLabel, canOpen, pageTitle, pageSummary, pageRole } from '../shared/pages';
import { t } from '../i18n/i18n';

void startPage('/', user => {
  const main = byId('main');
  const open = pages.filter(p => canOpen(user, p));
  const name = user.displayName ?? user.userName;

  const intro = h(
    'section',
    { class: 'page-intro' },
    h('h1', {}, t('shell:welcome', { name })),
    h('p', { class: 'muted', 'data-test': 'roles' }, t('shell:signedInAs', { user: user.userName, roles: user.roles.map(roleLabel).join(', ') || t('shell:noRole') })),
  );

  const grid = h('ul', { class: 'card-grid', 'aria-label': t('shell:yourPages') });
  for (const page of open) {
    append(
      grid,
      h('li', {}, h('a', { class: 'card card-link', href: page.path }, h('h2', {}, pageTitle(page)), h('p', {}, pageSummary(page)), h('span', { class: 'card-role' }, pageRole(page)))),
    );
  }

  main.replaceChildren(
    intro,
    open.length > 0 ? grid : h('section', { class: 'card notice', 'data-test': 'no-pages' }, h('h2', {}, t('shell:noPagesTitle')), h('p', {}, t('shell:noPagesText'))),
  );
});
