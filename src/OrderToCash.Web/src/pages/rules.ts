import { byId, h } from '../shared/dom';
import { startPage } from '../shared/page';

void startPage('/rules', () => {
  byId('main').replaceChildren(
    h(
      'section',
      { class: 'page-intro' },
      h('h1', {}, 'Rules'),
      h(
        'p',
        { class: 'lead' },
        'The rules decide at each step of the cycle: whether an order within the credit limit goes through, when a reminder escalates, which payment terms apply and which department a dispute goes to.',
      ),
    ),
    h(
      'section',
      { class: 'card notice', 'data-test': 'rules-coming' },
      h('h2', {}, 'The rules editor arrives with the rule store'),
      h(
        'p',
        {},
        'Here you will list the rule sets with their versions and effective dates, edit a rule in a form with its raw JSON one click away, try what-if cases before publishing, and compare or roll back versions.',
      ),
      h('p', { class: 'muted' }, 'Until then, the rules in force are the ones your administrator deployed with the application.'),
    ),
  );
});
