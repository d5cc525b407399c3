import '../styles/rules.css';
import { byId, h } from '../shared/dom';
import { handlePageError, startPage } from '../shared/page';
import { hasRole } from '../shared/session';
import { formatDate, isFuture } from './format';
import { EcbRatesPanel } from './ecb-rates-panel';
import { ReminderTemplatesPanel } from './reminder-templates-panel';
import { RuleSetEditor } from './rule-set-editor';
import { rulesApi, type VersionSummary } from './rules-api';
import { t } from '../i18n/i18n';
import './inputs-texts';
import './editor-texts';

void startPage('/rules', async user => {
  document.querySelector('#main > .loading')?.remove();
  const list = byId('rule-sets');
  const editor = new RuleSetEditor(byId('rule-editor'), async () => {
    const versions = await rulesApi.versions();
    drawList(versions);
    return versions;
  });
  let selected = new URLSearchParams(window.location.search).get('set');
  // Credit managers and process owners create rule sets (a new decision a process can call); Quality edits root-cause only.
  const mayCreate = hasRole(user, 'CreditManager') || hasRole(user, 'ProcessOwner');
  const create = h('button', { type: 'button', class: 'button', 'data-test': 'new-rule-set', hidden: !mayCreate, onclick: () => void startNew() }, t('newRuleSet:create'));
  introduce();
  document.querySelector('.page-intro')?.append(create);

  function drawList(versions: VersionSummary[]): void {
    const names = [...new Set(versions.map(v => v.name))];
    if (names.length === 0) {
      list.replaceChildren(h('p', { class: 'muted', 'data-test': 'no-rule-sets' }, t('rulesEditor:page.none')));
      return;
    }
    list.replaceChildren(
      h(
        'ul',
        { class: 'rule-set-list' },
        ...names.map(name => {
          const own = versions.filter(v => v.name === name);
          const latest = own[0]!;
          const inForce = own.find(v => !isFuture(v.effectiveFrom));
          return h(
            'li',
            {},
            h(
              'button',
              {
                type: 'button',
                class: 'rule-set-link',
                'aria-current': name === selected ? 'true' : null,
                'data-test': 'rule-set',
                'data-name': name,
                onclick: () => void select(name, versions),
              },
              h('strong', {}, name),
              h('span', { class: 'small muted' }, `${own.length} version${own.length === 1 ? '' : 's'} · latest v${latest.version} by ${latest.author}`),
              h('span', { class: 'small muted' }, inForce ? `in force: v${inForce.version} since ${formatDate(inForce.effectiveFrom)}` : `v${latest.version} effective ${formatDate(latest.effectiveFrom)}`),
            ),
          );
        }),
      ),
    );
  }

  async function select(name: string, versions: VersionSummary[]): Promise<void> {
    if (editor.dirty && !window.confirm(t('rulesEditor:page.discard', { name: selected ?? t('rulesEditor:page.thisRuleSet') }))) {
      return;
    }
    selected = name;
    drawList(versions);
    const url = new URL(window.location.href);
    url.searchParams.set('set', name);
    window.history.replaceState(null, '', url);
    editor.element.hidden = false;
    byId('rule-editor-empty').hidden = true;
    try {
      await editor.open(name, versions);
    } catch (error) {
      handlePageError(error, '/rules');
    }
  }

  async function startNew(): Promise<void> {
    if (editor.dirty && !window.confirm(t('rulesEditor:page.discard', { name: selected ?? t('rulesEditor:page.thisRuleSet') }))) {
      return;
    }
    selected = null;
    const versions = await rulesApi.versions();
    drawList(versions);
    editor.element.hidden = false;
    byId('rule-editor-empty').hidden = true;
    editor.startNew(versions);
  }

  window.addEventListener('beforeunload', event => {
    if (editor.dirty) {
      event.preventDefault();
    }
  });

  const versions = await rulesApi.versions();
  drawList(versions);
  if (selected && versions.some(v => v.name === selected)) {
    await select(selected, versions);
  }
  byId('rules-workspace').setAttribute('aria-busy', 'false');
  await new EcbRatesPanel(byId('ecb-rates'), hasRole(user, 'CreditManager')).load();
  if (hasRole(user, 'CreditManager') || hasRole(user, 'Collector')) {
    await new ReminderTemplatesPanel(byId('reminder-templates'), hasRole(user, 'CreditManager')).load();
  } else {
    byId('reminder-templates').hidden = true;
  }
});

/** The page's static texts (rules.html) in the page's language. */
function introduce(): void {
  document.querySelector('.page-intro h1')!.textContent = t('rulesEditor:page.title');
  document.querySelector('.page-intro .lead')!.textContent = t('rulesEditor:page.lead');
  byId('rule-sets').setAttribute('aria-label', t('rulesEditor:page.ruleSets'));
  byId('rule-editor-empty').textContent = t('rulesEditor:page.pick');
}
