// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { invoke, toUiError } from '../../renderer/src/api/client';
import { ApiError } from '../../shared/api/errors';

afterEach(() => {
  vi.unstubAllGlobals();
  delete window.tmPlanner;
});

describe('invoke over HTTP', () => {
  it('posts JSON to /api/<name> and returns the result', async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify({ ok: true, result: { departments: ['Storage'] } }), { status: 200 }));
    vi.stubGlobal('fetch', fetch);
    await expect(invoke('departments-list', {})).resolves.toEqual({ departments: ['Storage'] });
    expect(fetch).toHaveBeenCalledOnce();
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/departments-list');
    expect(init.method).toBe('POST');
    expect(JSON.parse(String(init.body))).toEqual({});
  });

  it('throws an error carrying the message and code of an {ok:false} answer', async () => {
    const body = { ok: false, error: { code: 'no-plan-open', message: 'No plan is open.' } };
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify(body), { status: 409 }));
    const error = await invoke('plan-info', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).message).toBe('No plan is open.');
    expect((error as ApiError).code).toBe('no-plan-open');
  });

  it('says so when the host cannot be reached or answers garbage', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(invoke('plan-info', {})).rejects.toThrow(/Cannot reach the TM Planner host/);
    vi.stubGlobal('fetch', async () => new Response('<html>', { status: 502 }));
    await expect(invoke('plan-info', {})).rejects.toThrow(/HTTP 502/);
  });
});

describe('invoke in the desktop shell', () => {
  it('uses the preload bridge and never fetch', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    const bridgeInvoke = vi.fn(async () => ({ departments: [] }));
    window.tmPlanner = { invoke: bridgeInvoke as never, on: () => () => {}, platform: 'linux' };
    await expect(invoke('departments-list', {})).resolves.toEqual({ departments: [] });
    expect(bridgeInvoke).toHaveBeenCalledWith('departments-list', {});
    expect(fetch).not.toHaveBeenCalled();
  });

  it('shows a bridged error without Electron\'s "Error invoking remote method" prefix', () => {
    const e = new Error("Error invoking remote method 'tm:invoke': Error: The plan file is damaged.");
    expect(toUiError(e).message).toBe('The plan file is damaged.');
  });
});
