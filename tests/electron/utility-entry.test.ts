import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PrintCall, UtilityReply, UtilityRequest } from '../../electron/backend/utility-protocol';

const root = path.resolve(import.meta.dirname, '../..');
let child: ChildProcess;
let dir: string;
let nextId = 1;
const replies = new Map<number, (r: UtilityReply) => void>();
/** Print calls the backend sent to "main". */
const prints: PrintCall['print'][] = [];

function call(name: string, input: unknown): Promise<UtilityReply> {
  const id = nextId++;
  return new Promise((resolve) => {
    replies.set(id, resolve);
    child.send({ id, name, input } satisfies UtilityRequest);
  });
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tm-utility-'));
  child = fork(path.join(root, 'electron/backend/utility-entry.ts'), [], {
    cwd: root,
    execArgv: ['--import', 'tsx', '--import', path.join(import.meta.dirname, 'fixtures/parent-port-shim.mjs')],
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  child.on('message', (m: UtilityReply | PrintCall) => {
    if ('print' in m) prints.push(m.print);
    else replies.get(m.id)?.(m);
  });
  // A crash fails the waiting test at once, with what the process printed, instead of a timeout.
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  child.on('exit', (code) => {
    for (const [id, resolve] of replies) resolve({ id, ok: false, error: { code: 'internal', message: `exited ${code}: ${stderr}` } });
  });
});

afterAll(() => {
  if (child.exitCode === null) child.kill();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('utility entry (under Node, standing in for the utility process)', () => {
  it('answers a request by id with an error body, not a thrown error', async () => {
    const r = await call('no-such-operation', {});
    expect(r).toMatchObject({ id: expect.any(Number), ok: false, error: { code: 'unknown-operation' } });
  });

  it('opens (creating the demo) and then reports the plan', async () => {
    const file = path.join(dir, 'demo.tmplan');
    const opened = await call('plan-open', { path: file, createDemoIfMissing: true });
    expect(opened).toMatchObject({ ok: true, result: { path: expect.any(String) } });
    const info = await call('plan-info', {});
    expect(info).toMatchObject({ ok: true, result: { name: expect.any(String) } });
  });

  it("exports a PDF by asking main to print the job's page, and writes main's bytes to the chosen file", async () => {
    const target = path.join(dir, 'costs.pdf');
    const started = await call('exports-start', { report: 'costs', format: 'pdf', filter: {}, targetPath: target });
    expect(started).toMatchObject({ ok: true, result: { state: 'running', fileName: 'costs.pdf' } });
    const jobId = (started as { result: { jobId: string } }).result.jobId;
    await vi.waitFor(() => expect(prints).toHaveLength(1), { timeout: 30_000 });
    expect(prints[0]!.html).toMatch(/^<!doctype html>/i);
    child.send({
      printed: { id: prints[0]!.id, ok: true, pdfBase64: Buffer.from('%PDF-from-main').toString('base64') },
    } satisfies UtilityRequest);
    await vi.waitFor(
      async () => expect(await call('exports-status', { jobId })).toMatchObject({ ok: true, result: { state: 'done', bytes: 14 } }),
      { timeout: 10_000 },
    );
    expect(fs.readFileSync(target, 'utf8')).toBe('%PDF-from-main');
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.part'))).toEqual([]);
  });

  it('closes the plan and exits on shutdown', async () => {
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.send({ shutdown: true } satisfies UtilityRequest);
    expect(await exited).toBe(0);
  });
});
