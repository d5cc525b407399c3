import type { ModdleElement } from './bpmn-types';
import { is } from './bpmn-types';

/** "bpmn:ServiceTask" → "Service task"; message and timer events say which they are. */
export function typeLabel(element: ModdleElement): string {
  const base = element.$type.replace(/^bpmn:/, '').replace(/([a-z])([A-Z])/g, '$1 $2');
  const words = base.charAt(0).toUpperCase() + base.slice(1).toLowerCase();
  if (is(element, 'bpmn:Event')) {
    const definition = (element.get('eventDefinitions') as ModdleElement[] | undefined)?.[0];
    if (definition) {
      const kind = definition.$type.replace(/^bpmn:/, '').replace(/EventDefinition$/, '').toLowerCase();
      return words.replace(/ event$/, ` ${kind} event`);
    }
  }
  return words;
}
