import type { DiagramElement, ModdleElement, Moddle, Modeling } from './bpmn-types';

/** The modeler services the panel edits through, so that every change is one undoable command. */
export interface EditContext {
  modeling: Modeling;
  moddle: Moddle;
}

function container(owner: ModdleElement): ModdleElement | undefined {
  return owner.get('extensionElements') as ModdleElement | undefined;
}

function values(extensions: ModdleElement | undefined): ModdleElement[] {
  return (extensions?.get('values') as ModdleElement[] | undefined) ?? [];
}

/** The owner's extension elements of one type (e.g. o2c:Input), in document order. */
export function extensionsOf(owner: ModdleElement, type: string): ModdleElement[] {
  return values(container(owner)).filter(value => value.$instanceOf(type));
}

/** Appends a new extension element, creating bpmn:extensionElements when the owner has none. */
export function addExtension(context: EditContext, element: DiagramElement, owner: ModdleElement, type: string): void {
  let extensions = container(owner);
  if (!extensions) {
    extensions = context.moddle.create('bpmn:ExtensionElements', { values: [] });
    extensions.$parent = owner;
    context.modeling.updateModdleProperties(element, owner, { extensionElements: extensions });
  }
  const added = context.moddle.create(type);
  added.$parent = extensions;
  context.modeling.updateModdleProperties(element, extensions, { values: [...values(extensions), added] });
}

export function removeExtension(context: EditContext, element: DiagramElement, owner: ModdleElement, removed: ModdleElement): void {
  const extensions = container(owner);
  if (extensions) {
    context.modeling.updateModdleProperties(element, extensions, { values: values(extensions).filter(value => value !== removed) });
  }
}
