import { currentLanguage } from '../i18n/i18n';
import type { ModdleElement } from './bpmn-types';
import { is } from './bpmn-types';

/** The French names of the BPMN element types (the English ones are made from the type's own name). */
const FrenchTypes: Record<string, string> = {
  Process: 'Processus',
  Collaboration: 'Collaboration',
  Participant: 'Pool (participant)',
  Lane: 'Couloir',
  Task: 'Tâche',
  UserTask: 'Tâche utilisateur',
  ServiceTask: 'Tâche de service',
  BusinessRuleTask: 'Tâche de règle métier',
  ScriptTask: 'Tâche de script',
  SendTask: 'Tâche d’envoi',
  ReceiveTask: 'Tâche de réception',
  ManualTask: 'Tâche manuelle',
  CallActivity: 'Activité d’appel',
  SubProcess: 'Sous-processus',
  AdHocSubProcess: 'Sous-processus ad hoc',
  Transaction: 'Transaction',
  StartEvent: 'Événement de début',
  EndEvent: 'Événement de fin',
  IntermediateCatchEvent: 'Événement intermédiaire de réception',
  IntermediateThrowEvent: 'Événement intermédiaire d’envoi',
  BoundaryEvent: 'Événement de bordure',
  ExclusiveGateway: 'Passerelle exclusive',
  ParallelGateway: 'Passerelle parallèle',
  InclusiveGateway: 'Passerelle inclusive',
  EventBasedGateway: 'Passerelle basée sur les événements',
  ComplexGateway: 'Passerelle complexe',
  SequenceFlow: 'Flux de séquence',
  MessageFlow: 'Flux de message',
  Association: 'Association',
  DataInputAssociation: 'Association d’entrée de données',
  DataOutputAssociation: 'Association de sortie de données',
  TextAnnotation: 'Annotation',
  Group: 'Groupe',
  DataObjectReference: 'Objet de données',
  DataStoreReference: 'Stockage de données',
};

/** The French names of the kinds of event definition: "Événement de début (minuterie)". */
const FrenchEventKinds: Record<string, string> = {
  Message: 'message',
  Timer: 'minuterie',
  Signal: 'signal',
  Error: 'erreur',
  Escalation: 'escalade',
  Conditional: 'condition',
  Link: 'lien',
  Compensate: 'compensation',
  Cancel: 'annulation',
  Terminate: 'arrêt',
};

/** "bpmn:ServiceTask" → "Service task" ("Tâche de service"); message and timer events say which they are. */
export function typeLabel(element: ModdleElement): string {
  const type = element.$type.replace(/^bpmn:/, '');
  const definition = is(element, 'bpmn:Event') ? (element.get('eventDefinitions') as ModdleElement[] | undefined)?.[0] : undefined;
  const kind = definition?.$type.replace(/^bpmn:/, '').replace(/EventDefinition$/, '');
  if (currentLanguage() === 'fr' && FrenchTypes[type]) {
    return kind ? `${FrenchTypes[type]} (${FrenchEventKinds[kind] ?? kind.toLowerCase()})` : FrenchTypes[type];
  }
  const base = type.replace(/([a-z])([A-Z])/g, '$1 $2');
  const words = base.charAt(0).toUpperCase() + base.slice(1).toLowerCase();
  return kind ? words.replace(/ event$/, ` ${kind.toLowerCase()} event`) : words;
}
