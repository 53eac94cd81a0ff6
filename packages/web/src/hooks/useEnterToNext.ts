import { useCallback, type KeyboardEvent } from 'react';

const FOCUSABLE = [
  'input:not([type=hidden]):not([disabled]):not([readonly])',
  'input[role=combobox]:not([disabled])',
  'textarea:not([disabled])',
  'button[type=submit]:not([disabled])',
].join(', ');

function isVisible(element: HTMLElement): boolean {
  return element.getClientRects().length > 0;
}

/** Radio groups count as one stop: the checked radio, or the first one. */
function isStop(element: HTMLElement): boolean {
  if (!isVisible(element) || element.closest('[data-enter-skip]')) return false;
  if (element instanceof HTMLInputElement && element.type === 'radio') {
    const group = element.closest('.ant-radio-group');
    if (!group) return true;
    const radios = Array.from(group.querySelectorAll<HTMLInputElement>('input[type=radio]:not([disabled])'));
    return element === (radios.find((r) => r.checked) ?? radios[0]);
  }
  return true;
}

/**
 * Keyboard entry for data-entry forms: Enter moves focus to the next field, like Tab,
 * and submits from the last field. Textareas, IME composition and open dropdowns keep their own Enter.
 * Attach in the capture phase so it runs before antd's own handlers: `<Form onKeyDownCapture={onKeyDown}>`.
 */
export function useEnterToNext(onLastField?: () => void): (event: KeyboardEvent<HTMLElement>) => void {
  return useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      if (event.key !== 'Enter' || event.shiftKey || event.altKey || event.ctrlKey || event.metaKey) return;
      if (event.nativeEvent.isComposing) return;
      const target = event.target as HTMLElement;
      if (target.tagName === 'TEXTAREA' || target.tagName === 'BUTTON') return;
      if (target.getAttribute('aria-expanded') === 'true') return;
      const fields = Array.from(event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(isStop);
      const index = fields.indexOf(target);
      if (index < 0) return;
      event.preventDefault();
      event.stopPropagation();
      const next = fields[index + 1];
      if (!next || next.tagName === 'BUTTON') {
        if (onLastField) onLastField();
        else next?.click();
        return;
      }
      next.focus();
      if (next instanceof HTMLInputElement && next.type === 'text') next.select();
    },
    [onLastField],
  );
}
