import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ExportJobStatus } from '../../shared/api/reports';
import { createBackend } from '../../electron/backend/handlers';
import { cli } from '../helpers/cli';
import { testClock } from '../helpers/clock';
import { CSV_FIXTURES, IMPORT_ORDER } from '../helpers/fixtures';
import { useTempDir } from '../helpers/temp';
import { api, startHost, type RunningHost } from '../helpers/web-host';

const temp = useTempDir();
let host: RunningHost | undefined;
afterEach(async () => {
  await host?.stop();
  host = undefined;
});

async function fixturePlan(): Promise<string> {
  const db = join(temp(), 'plan.db');
  const b = createBackend({ clock: testClock });
  await b.call('plan-create', { path: db, name: 'Web exports' });
  for (const [kind, file] of IMPORT_ORDER) {
    await b.call('import-csv', { kind, fileName: file, text: readFileSync(join(CSV_FIXTURES, file), 'utf8') });
  }
  b.close();
  return db;
}

describe('exports from the web host', () => {
  it('run in a worker of the real host, are downloaded as attachments, and a page cannot name a path', async () => {
    const db = await fixturePlan();
    host = await startHost(db);
    let st: ExportJobStatus = await api(host, 'exports-start', {
      report: 'costs',
      format: 'csv',
      filter: { from: '2026-W48', to: '2026-W50' },
    });
    expect(st).toMatchObject({ state: 'running', fileName: 'tm-planner-costs-2026-W48_2026-W50.csv' });
    while (st.state === 'running') {
      await new Promise((r) => setTimeout(r, 20));
      st = await api(host, 'exports-status', { jobId: st.jobId });
    }
    expect(st).toMatchObject({ state: 'done', downloadUrl: `/exports/${st.jobId}` });

    const res = await fetch(new URL(st.downloadUrl!, host.url));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="tm-planner-costs-2026-W48_2026-W50.csv"; filename*=UTF-8''tm-planner-costs-2026-W48_2026-W50.csv`,
    );
    const body = Buffer.from(await res.arrayBuffer());
    expect(body.length).toBe(st.bytes);
    expect(body.subarray(0, 3).toString('hex')).toBe('efbbbf');
    const stdout = await cli('report', '--db', db, 'costs', '--from', '2026-W48', '--to', '2026-W50', '--format', 'csv');
    expect(body.toString('utf8').slice(1)).toBe(stdout.out);

    // The same guard as every other route, and nothing for a job that is not there.
    const foreign = await fetch(new URL(st.downloadUrl!, host.url), { headers: { Origin: 'http://evil.example' } });
    expect(foreign.status).toBe(403);
    expect((await fetch(new URL('/exports/no-such-job', host.url))).status).toBe(404);

    // A page names no paths: the host refuses targetPath whatever it names.
    const refused = await fetch(`${host.url}api/exports-start`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ report: 'costs', format: 'csv', filter: {}, targetPath: join(temp(), 'x.csv') }),
    });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/targetPath is not accepted/);
  });
});
