import { t } from '../i18n/i18n';

/** A new, empty executable process with one start event, declaring our namespace up front; named in the page's language. */
export function newDiagramXml(): string {
  const suffix = Math.random().toString(36).slice(2, 9);
  const processName = escapeXml(t('designer:document.newProcess'));
  const startName = escapeXml(t('designer:document.start'));
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:o2c="https://ordertocash.dev/schema/bpmn" id="Definitions_${suffix}" targetNamespace="https://ordertocash.dev/workflows">
  <bpmn:process id="Process_${suffix}" name="${processName}" isExecutable="true">
    <bpmn:startEvent id="StartEvent_1" name="${startName}" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="BPMNDiagram_${suffix}">
    <bpmndi:BPMNPlane id="BPMNPlane_${suffix}" bpmnElement="Process_${suffix}">
      <bpmndi:BPMNShape id="StartEvent_1_di" bpmnElement="StartEvent_1">
        <dc:Bounds x="180" y="160" width="36" height="36" />
      </bpmndi:BPMNShape>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}
