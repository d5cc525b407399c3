import { t } from './i18n';

/** The attributes a page's static HTML marks its translatable texts with, and what each one sets. */
const Targets: { attribute: string; apply: (element: HTMLElement, text: string) => void }[] = [
  { attribute: 'data-i18n', apply: (element, text) => (element.textContent = text) },
  { attribute: 'data-i18n-title', apply: (element, text) => element.setAttribute('title', text) },
  { attribute: 'data-i18n-aria-label', apply: (element, text) => element.setAttribute('aria-label', text) },
  { attribute: 'data-i18n-placeholder', apply: (element, text) => element.setAttribute('placeholder', text) },
];

/**
 * Puts the current language's texts into a page's static HTML: an element marked `data-i18n="ns:key"` gets that
 * text as its content, `data-i18n-title`, `data-i18n-aria-label` and `data-i18n-placeholder` set those attributes.
 * The HTML carries the French texts too, so a page reads right before its script runs.
 */
export function translateStatic(root: ParentNode = document): void {
  for (const { attribute, apply } of Targets) {
    for (const element of Array.from(root.querySelectorAll<HTMLElement>(`[${attribute}]`))) {
      const key = element.getAttribute(attribute);
      if (key) {
        apply(element, t(key));
      }
    }
  }
}
