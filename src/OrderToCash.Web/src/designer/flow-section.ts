import { t } from '../i18n/i18n';
import { h } from '../shared/dom';
import type { DiagramElement, ModdleElement } from './bpmn-types';
import { is, text } from './bpmn-types';
import { section, textField } from './fields';
import type { PanelContext } from './panel-sections';

let nextId = 0;

/** Sequence flows leaving a gateway or an activity can carry a condition, or be the way out when no condition holds. */
export function isChoosableFlow(bo: ModdleElement): boolean {
  const source = bo.get('sourceRef') as ModdleElement | undefined;
  return is(bo, 'bpmn:SequenceFlow') && (is(source, 'bpmn:ExclusiveGateway') || is(source, 'bpmn:InclusiveGateway') || is(source, 'bpmn:Activity'));
}

/**
 * The condition of a flow and whether it is its source's default flow. A default flow is taken exactly when no
 * condition holds, so marking it default also removes its condition (the validator refuses both: BPMN031).
 */
export function flowSection(ctx: PanelContext, element: DiagramElement, bo: ModdleElement): HTMLElement {
  const source = (element as DiagramElement & { source?: DiagramElement }).source;
  const sourceBo = bo.get('sourceRef') as ModdleElement;
  const isDefault = sourceBo.get('default') === bo;
  const condition = bo.get('conditionExpression') as ModdleElement | undefined;
  const { modeling, moddle } = ctx.edit;

  const id = `field-default-${++nextId}`;
  const checkbox = h('input', { id, type: 'checkbox', 'data-field': 'default' });
  checkbox.checked = isDefault;
  checkbox.addEventListener('change', () => {
    if (!source) {
      return;
    }
    if (checkbox.checked) {
      if (condition) {
        modeling.updateProperties(element, { conditionExpression: undefined });
      }
      modeling.updateProperties(source, { default: bo });
    } else {
      modeling.updateProperties(source, { default: undefined });
    }
  });

  return section(
    t('designerPanel:path.title'),
    h('div', { class: 'field field-check' }, checkbox, h('label', { for: id }, t('designerPanel:path.isDefault'))),
    isDefault
      ? h('p', { class: 'field-hint' }, t('designerPanel:path.defaultHasNoCondition'))
      : textField({
          key: 'condition',
          label: t('designerPanel:path.condition'),
          value: condition ? text(condition, 'body') : '',
          placeholder: t('designerPanel:path.conditionPlaceholder'),
          hint: t('designerPanel:path.conditionHint'),
          onChange: value =>
            modeling.updateProperties(element, { conditionExpression: value ? moddle.create('bpmn:FormalExpression', { body: value }) : undefined }),
        }),
  );
}
