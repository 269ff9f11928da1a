import type { Locator } from 'playwright-core';

/** The error text a control is described by (aria-describedby), '' when none. */
export const errorOf = (control: Locator): Promise<string> =>
  control.evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id))
      .filter((e) => e?.classList.contains('rq-error'))
      .map((e) => e!.textContent)
      .join(''),
  );
