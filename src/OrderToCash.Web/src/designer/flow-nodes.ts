const BpmnModel = 'http://www.omg.org/spec/BPMN/20100524/MODEL';

/** Not flow nodes: what a migration cannot move a waiting instance to. */
const NotFlowNodes = new Set(['definitions', 'process', 'collaboration', 'participant', 'laneSet', 'lane', 'sequenceFlow', 'message', 'error', 'signal', 'escalation', 'textAnnotation', 'association', 'group', 'dataObject', 'dataObjectReference', 'dataStoreReference', 'messageFlow']);

/** One flow node of a BPMN document: its id, name and element type (e.g. userTask). */
export interface FlowNodeInfo {
  id: string;
  name: string | null;
  type: string;
}

/** The flow nodes of a BPMN document read from its XML (tasks, events, gateways, sub-processes), in document order. */
export function flowNodesOf(xml: string): FlowNodeInfo[] {
  const document = new DOMParser().parseFromString(xml, 'application/xml');
  return Array.from(document.getElementsByTagNameNS(BpmnModel, '*'))
    .filter(e => e.hasAttribute('id') && !NotFlowNodes.has(e.localName) && !e.localName.endsWith('EventDefinition'))
    .map(e => ({ id: e.getAttribute('id') ?? '', name: e.getAttribute('name'), type: e.localName }));
}
