import { describe, expect, it } from 'vitest';
import { apiOperationNames } from '../../shared/api/index';
import { validateInvokePayload } from '../../electron/main/ipc-validation';

const APP = 'app://planner/index.html';
const ops = new Set(['plan-open', 'plan-info']);
const check = (payload: unknown, sender: string | undefined = APP) => validateInvokePayload(payload, sender, undefined, ops);

describe('validateInvokePayload', () => {
  it('accepts a known operation from the app', () => {
    expect(check({ name: 'plan-open', input: { path: '/tmp/a.tmplan' } })).toEqual({
      ok: true,
      name: 'plan-open',
      input: { path: '/tmp/a.tmplan' },
    });
  });

  it('treats a missing input as an empty object (every operation takes one object)', () => {
    expect(check({ name: 'plan-info' })).toEqual({ ok: true, name: 'plan-info', input: {} });
  });

  it('accepts the dev server only when it is the configured one', () => {
    const payload = { name: 'plan-info', input: {} };
    expect(validateInvokePayload(payload, 'http://localhost:5173/', 'http://localhost:5173', ops).ok).toBe(true);
    expect(validateInvokePayload(payload, 'http://localhost:5173/', undefined, ops).ok).toBe(false);
  });

  it.each([
    ['a string', 'plan-open'],
    ['null', null],
    ['undefined', undefined],
    ['a number', 42],
    ['an array', ['plan-open', {}]],
  ])('refuses a payload that is %s', (_label, payload) => {
    const r = check(payload);
    expect(r).toEqual({ ok: false, code: 'invalid-input', message: 'A request must be an object with an operation name and an input.' });
  });

  it.each([
    [{ input: {} }],
    [{ name: 7, input: {} }],
    [{ name: '', input: {} }],
    [{ name: ['plan-open'], input: {} }],
    [{ name: { toString: () => 'plan-open' }, input: {} }],
  ])('refuses a name that is not a non-empty string: %j', (payload) => {
    expect(check(payload)).toMatchObject({ ok: false, message: 'A request must name its operation as a string.' });
  });

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'plan-delete-everything', 'PLAN-OPEN', 'plan-open '])(
    'refuses the unknown operation %j',
    (name) => {
      const r = check({ name, input: {} });
      expect(r).toMatchObject({ ok: false, code: 'unknown-operation' });
      if (!r.ok) expect(r.message).toContain('Unknown operation');
    },
  );

  it('ignores a name inherited through a forged prototype', () => {
    const payload = Object.create({ name: 'plan-open' }) as object;
    expect(check(payload)).toMatchObject({ ok: false, message: 'A request must name its operation as a string.' });
    const parsed = JSON.parse('{"__proto__": {"name": "plan-open"}, "input": {}}') as unknown;
    expect(check(parsed).ok).toBe(false);
  });

  it.each([['text'], [5], [null], [[1, 2]]])('refuses a non-object input %j', (input) => {
    expect(check({ name: 'plan-open', input })).toEqual({
      ok: false,
      code: 'invalid-input',
      message: 'The input of "plan-open" must be an object.',
    });
  });

  it.each(['https://evil.example/', 'file:///tmp/page.html', 'data:text/html,x', 'about:blank', 'app://other/index.html'])(
    'refuses a valid request from the foreign page %s',
    (sender) => {
      const r = check({ name: 'plan-open', input: { path: '/x' } }, sender);
      expect(r).toMatchObject({ ok: false, code: 'invalid-input' });
      if (!r.ok) expect(r.message).toMatch(/^Refused a request from a page outside the app \(/);
    },
  );

  it('refuses a request whose frame is gone', () => {
    expect(validateInvokePayload({ name: 'plan-info' }, undefined, undefined, ops)).toMatchObject({
      ok: false,
      message: expect.stringContaining('no address'),
    });
    expect(validateInvokePayload({ name: 'plan-info' }, null, undefined, ops).ok).toBe(false);
  });

  it('keeps messages short for huge names and addresses', () => {
    const r = check({ name: 'x'.repeat(10_000) });
    const r2 = check({ name: 'plan-info' }, `https://evil.example/${'x'.repeat(10_000)}`);
    for (const result of [r, r2]) {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message.length).toBeLessThan(200);
    }
  });
});

describe('the contract the shell relies on', () => {
  it('has the plan operations the menu and start-up call', () => {
    for (const name of ['plan-open', 'plan-create', 'plan-save-copy', 'plan-info']) expect(apiOperationNames).toContain(name);
  });

  it('validates against the real operation list by default', () => {
    expect(validateInvokePayload({ name: 'plan-info', input: {} }, APP).ok).toBe(true);
    expect(validateInvokePayload({ name: '__proto__', input: {} }, APP).ok).toBe(false);
  });
});
