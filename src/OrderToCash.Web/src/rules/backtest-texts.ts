import { register } from '../i18n/i18n';

register('backTest', {
  fr: {
    title: 'Rejouer les décisions passées',
    lead: 'Avant de publier : les décisions de la période repassent par les règles modifiées (non publiées). Rien n’est écrit.',
    from: 'Du',
    to: 'Au',
    run: 'Rejouer',
    running: 'Décisions en cours de rejeu…',
    failed: 'Le rejeu n’a pas pu se faire : {{message}}.',
    summary: '{{replayed}} décision(s) rejouée(s), {{changed}} changerai(en)t : {{released}} débloquée(s) ({{releasedAmount}}), {{held}} bloquée(s) ({{heldAmount}}).',
    unreadable: '{{count}} décision(s) ignorée(s) : leurs entrées ne correspondent plus aux règles.',
    truncated: 'Seules les {{count}} premières sont listées.',
    none: 'Aucune décision de la période ne changerait.',
    direction: { released: 'Débloquée', held: 'Bloquée', changed: 'Autre résultat' },
    col: { subject: 'Objet', date: 'Décidée le', version: 'Version', before: 'Avant', after: 'Après', direction: 'Effet', amount: 'Montant' },
  },
  en: {
    title: 'Replay past decisions',
    lead: 'Before publishing: the decisions of the period go through the edited (unpublished) rules. Nothing is written.',
    from: 'From',
    to: 'To',
    run: 'Replay',
    running: 'Replaying the decisions…',
    failed: 'The replay could not run: {{message}}.',
    summary: '{{replayed}} decision(s) replayed, {{changed}} would change: {{released}} released ({{releasedAmount}}), {{held}} held ({{heldAmount}}).',
    unreadable: '{{count}} decision(s) skipped: their inputs no longer fit the rules.',
    truncated: 'Only the first {{count}} are listed.',
    none: 'No decision of the period would change.',
    direction: { released: 'Released', held: 'Held', changed: 'Other outcome' },
    col: { subject: 'Subject', date: 'Decided on', version: 'Version', before: 'Before', after: 'After', direction: 'Effect', amount: 'Amount' },
  },
});
