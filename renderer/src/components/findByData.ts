/**
 * The element with a test id whose data attribute equals a value. Compared in script rather
 * than in a selector so ids need no CSS escaping (ids come from user files).
 */
export function findByData(testId: string, attribute: 'requestId' | 'specialistId', value: string): HTMLElement | null {
  for (const el of document.querySelectorAll<HTMLElement>(`[data-testid="${testId}"]`)) {
    if (el.dataset[attribute] === value) return el;
  }
  return null;
}
