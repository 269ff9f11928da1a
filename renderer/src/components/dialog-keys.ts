import type { KeyboardEvent } from 'react';

const FOCUSABLE = 'input, button, select, textarea, [tabindex]:not([tabindex="-1"])';

/** What Tab visits inside `root`: enabled controls, and of a radio group only the checked button. */
function tabStops(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => !(el as HTMLInputElement).disabled && !(el instanceof HTMLInputElement && el.type === 'radio' && !el.checked),
  );
}

/**
 * The keys the app's dialogs (the drop editor, the chip menu) handle alike, on the dialog
 * element's own keydown: Escape cancels and goes no further (a drag or the view behind must not
 * see it), Tab and Shift+Tab stay inside the dialog while it is open. True when it took the key.
 */
export function dialogKeyDown(e: KeyboardEvent<HTMLElement>, onEscape: () => void): boolean {
  if (e.key === 'Escape') {
    e.preventDefault();
    e.stopPropagation();
    onEscape();
    return true;
  }
  if (e.key !== 'Tab') return false;
  const stops = tabStops(e.currentTarget);
  const first = stops[0];
  const last = stops[stops.length - 1];
  if (!first || !last) return true;
  if (e.shiftKey && document.activeElement === first) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && document.activeElement === last) {
    e.preventDefault();
    first.focus();
  }
  return true;
}
