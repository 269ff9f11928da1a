import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { UtilityRequest } from '../../electron/backend/utility-protocol';
import { BackendProcess, type ChildLike } from '../../electron/main/backend-process';

class FakeChild extends EventEmitter implements ChildLike {
  sent: UtilityRequest[] = [];
  killed = false;
  postMessage(message: UtilityRequest): void {
    this.sent.push(message);
  }
  kill(): boolean {
    this.killed = true;
    this.emit('exit', 0);
    return true;
  }
  reply(message: unknown): void {
    this.emit('message', message);
  }
  lastId(): number {
    const last = this.sent.at(-1);
    if (!last || !('id' in last)) throw new Error('no request sent');
    return last.id;
  }
}

function setup(options: ConstructorParameters<typeof BackendProcess>[1] = {}) {
  const children: FakeChild[] = [];
  const backend = new BackendProcess(() => {
    const c = new FakeChild();
    children.push(c);
    return c;
  }, options);
  return { backend, children };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('BackendProcess', () => {
  it('starts the process lazily and matches replies to requests by id', async () => {
    const { backend, children } = setup();
    expect(children).toHaveLength(0);
    const a = backend.invoke('plan-info', {});
    const b = backend.invoke('plan-open', { path: '/p.tmplan' });
    expect(children).toHaveLength(1);
    const [ra, rb] = children[0]!.sent as { id: number }[];
    children[0]!.reply({ id: rb!.id, ok: true, result: 'B' });
    children[0]!.reply({ id: ra!.id, ok: false, error: { code: 'no-plan-open', message: 'No plan is open.' } });
    await expect(b).resolves.toEqual({ ok: true, result: 'B' });
    await expect(a).resolves.toEqual({ ok: false, error: { code: 'no-plan-open', message: 'No plan is open.' } });
  });

  it('ignores malformed, unknown and duplicate replies', async () => {
    const { backend, children } = setup();
    const p = backend.invoke('plan-info', {});
    const c = children[0]!;
    const id = c.lastId();
    for (const junk of [null, 'x', 42, { id: 'x' }, { id: 999, ok: true, result: 1 }]) c.reply(junk);
    c.reply({ id, ok: true, result: 1 });
    c.reply({ id, ok: true, result: 2 });
    await expect(p).resolves.toEqual({ ok: true, result: 1 });
  });

  it('gives a malformed error reply a usable code and message', async () => {
    const { backend, children } = setup();
    const p = backend.invoke('plan-info', {});
    children[0]!.reply({ id: children[0]!.lastId(), ok: false, error: 'boom' });
    await expect(p).resolves.toEqual({ ok: false, error: { code: 'internal', message: 'The operation failed for an unknown reason.' } });
  });

  it('answers with a timeout error when the process does not reply', async () => {
    vi.useFakeTimers();
    const { backend, children } = setup({ timeoutMs: 5000 });
    const p = backend.invoke('report-export', {});
    vi.advanceTimersByTime(5000);
    await expect(p).resolves.toEqual({
      ok: false,
      error: { code: 'internal', message: 'The operation "report-export" did not finish within 5 seconds.' },
    });
    children[0]!.reply({ id: children[0]!.lastId(), ok: true, result: 'late' });
  });

  it('reports a process that cannot be started as an error, not a throw', async () => {
    const backend = new BackendProcess(() => {
      throw new Error('utility-entry.js not found');
    });
    await expect(backend.invoke('plan-info', {})).resolves.toEqual({
      ok: false,
      error: { code: 'internal', message: 'The data process could not be started: utility-entry.js not found' },
    });
  });

  it("prints an export's HTML for the backend and answers the child that asked", async () => {
    const print = vi.fn(async (html: string) => new TextEncoder().encode(`%PDF ${html.length}`));
    const { backend, children } = setup({ print });
    void backend.invoke('plan-info', {});
    children[0]!.reply({ print: { id: 4, html: '<p>Costs</p>' } });
    await vi.waitFor(() => expect(children[0]!.sent).toContainEqual({ printed: { id: 4, ok: true, pdfBase64: btoa('%PDF 12') } }));
    expect(print).toHaveBeenCalledWith('<p>Costs</p>');
  });

  it('answers a print it cannot do with the reason, and ignores a malformed one', async () => {
    const { backend, children } = setup({ print: () => Promise.reject(new Error('the print window closed')) });
    void backend.invoke('plan-info', {});
    children[0]!.reply({ print: { id: 'x', html: 1 } });
    children[0]!.reply({ print: { id: 5, html: '<p/>' } });
    await vi.waitFor(() => expect(children[0]!.sent).toContainEqual({ printed: { id: 5, ok: false, message: 'the print window closed' } }));
    expect(children[0]!.sent.filter((m) => 'printed' in m)).toHaveLength(1);
  });

  it('relays push events', () => {
    const onEvent = vi.fn();
    const { backend, children } = setup({ onEvent });
    void backend.invoke('plan-info', {});
    children[0]!.reply({ event: 'import-progress', payload: { done: 3, total: 10 } });
    expect(onEvent).toHaveBeenCalledWith('import-progress', { done: 3, total: 10 });
  });

  it('fails pending requests when the process dies, then restarts it and reopens the plan first', async () => {
    const { backend, children } = setup({ log: () => {} });
    backend.setReplay({ name: 'plan-open', input: { path: '/p.tmplan' } });
    const pending = backend.invoke('plan-info', {});
    children[0]!.emit('exit', 139);
    await expect(pending).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(backend.running).toBe(false);

    const next = backend.invoke('plan-info', {});
    expect(children).toHaveLength(2);
    const sent = children[1]!.sent as { id: number; name: string }[];
    expect(sent.map((m) => m.name)).toEqual(['plan-open', 'plan-info']);
    children[1]!.reply({ id: sent[0]!.id, ok: true, result: {} });
    children[1]!.reply({ id: sent[1]!.id, ok: true, result: 'info' });
    await expect(next).resolves.toEqual({ ok: true, result: 'info' });
  });

  it('stops by asking the process to close the plan, killing it only if it lingers', async () => {
    vi.useFakeTimers();
    const { backend, children } = setup();
    void backend.invoke('plan-info', {});
    const c = children[0]!;
    const stopped = backend.stop(3000);
    expect(c.sent.at(-1)).toEqual({ shutdown: true });
    c.emit('exit', 0);
    await stopped;
    expect(c.killed).toBe(false);

    void backend.invoke('plan-info', {});
    const stuck = children[1]!;
    const stopping = backend.stop(3000);
    await vi.advanceTimersByTimeAsync(3000);
    await stopping;
    expect(stuck.killed).toBe(true);
  });
});
