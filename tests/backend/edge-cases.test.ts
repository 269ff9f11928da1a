import { request } from 'node:http';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../electron/backend/import/csv';
import { createBackend } from '../../electron/backend/handlers';
import { startWebHost } from '../../electron/web/server';
import { cli } from '../helpers/cli';
import { useTempDir } from '../helpers/temp';
import { testClock } from '../helpers/clock';

const temp = useTempDir();
const view = { from: '2026-W48', to: '2026-W52' };

async function plan(currency = 'EUR') {
  const path = join(temp(), 'p.db');
  const b = createBackend({ clock: testClock });
  await b.call('plan-create', { path, currency });
  const imp = (kind: 'specialists' | 'requests' | 'allocations' | 'demand', text: string) =>
    b.call('import-csv', { kind, fileName: `${kind}.csv`, text });
  return { b, path, imp };
}

describe('edge cases', () => {
  it('an allocations import ends the undo history, so undo never overwrites imported rows', async () => {
    const { b, imp } = await plan();
    await imp('specialists', 'id,name,department,weekly_hours,hourly_rate\nE1,Ana,DB,40,50\nE2,Bob,DB,40,50\n');
    await imp('requests', 'id,title,stage,start_week,end_week\nR1,Move,transition,2026-W48,2026-W52\n');
    const refs = (await b.call('specialists-list', view)).specialists;
    const ana = refs.find((s) => s.id === 'E1')!.ref;
    await b.call('allocations-assign', {
      specialistRef: ana,
      requestRef: 1,
      weeks: ['2026-W48'],
      minutesPerWeek: 600,
      status: 'confirmed',
      view,
    });
    await b.call('history-undo', { view });
    expect((await b.call('history-state', {})).canRedo).toBe(true);
    await imp('allocations', 'specialist_id,request_id,week,hours\nE2,R1,2026-W50,5\n');
    expect(await b.call('history-state', {})).toMatchObject({ canUndo: false, canRedo: false });
    await expect(b.call('history-redo', { view })).rejects.toThrow('There is nothing to redo.');
    const rows = (await b.call('reports-allocations', view)).rows;
    expect(rows.map((r) => [r.specialistId, r.week, r.minutes])).toEqual([['E2', '2026-W50', 300]]);
    b.close();
  });

  it('refuses week texts with spaces, so one specialist-week never gets two rows', async () => {
    const { b, imp } = await plan();
    await imp('specialists', 'id,name,department,weekly_hours,hourly_rate\nE1,Ana,DB,40,50\n');
    await imp('requests', 'id,title,stage,start_week,end_week\nR1,Move,transition,2026-W48,2026-W52\n');
    await expect(
      b.call('allocations-assign', {
        specialistRef: 1,
        requestRef: 1,
        weeks: [' 2026-W49 ', '2026-W49'],
        minutesPerWeek: 60,
        status: 'confirmed',
        view,
      }),
    ).rejects.toThrow(/weeks\.0: must be an ISO week/);
    await expect(b.call('board-get', { from: '2026-W01', to: '2031-W01' })).rejects.toThrow(/at most 106 weeks/);
    expect((await cli('flags', '--db', 'x.db', '--from', '2026-W10', '--to', '2026-W01')).code).toBe(2);
    expect((await cli('flags', '--db', 'x.db', '--from', ' 2026-W10')).code).toBe(2);
    b.close();
  });

  it('keeps money exact in currencies with 0 and 3 minor digits', async () => {
    const db = join(temp(), 'jpy.db');
    const init = await cli('init', '--db', db, '--currency', 'JPY', '--demo');
    expect(init.err).toBe('');
    expect(init.code).toBe(0);
    const costs = parseCsv((await cli('report', '--db', db, 'costs', '--format', 'csv')).out);
    expect(costs.records.every((r) => /^-?\d+$/.test(r.cells[5]!))).toBe(true);

    const { b, imp } = await plan('JPY');
    await expect(imp('specialists', 'id,name,department,weekly_hours,hourly_rate\nE1,Ana,DB,40,6250.50\n')).rejects.toThrow(
      'specialists.csv:2: hourly_rate: "6250.50" has more decimal places than the plan\'s currency uses (0)',
    );
    b.close();
    const bhd = await plan('BHD');
    await expect(bhd.imp('specialists', 'id,name,department,weekly_hours,hourly_rate\nE1,Ana,DB,40,1.234\n')).rejects.toThrow(
      /more than 2 decimal places/,
    );
    await bhd.imp('specialists', 'id,name,department,weekly_hours,hourly_rate\nE1,Ana,DB,40,1.25\n');
    await bhd.imp('requests', 'id,title,stage,start_week,end_week,budget\nR1,Move,transition,2026-W48,2026-W48,10.5\n');
    await bhd.imp('allocations', 'specialist_id,request_id,week,hours\nE1,R1,2026-W48,7.33\n');
    // 440 min at 1.250 BHD/h (1250 fils): round(440 × 1250 / 60) = 9167 fils = 9.167.
    expect((await bhd.b.call('reports-costs', {})).rows[0]).toMatchObject({ budgetMinor: 10500, costMinor: 9167 });
    const out = parseCsv((await cli('report', '--db', bhd.path, 'costs', '--format', 'csv')).out);
    expect(out.records[0]!.cells.slice(4, 7)).toEqual(['10.500', '9.167', '1.333']);
    bhd.b.close();
  });

  it('writes a zero budget without a percentage, and matches departments ignoring case', async () => {
    const { b, path, imp } = await plan();
    await imp('specialists', 'id,name,department,weekly_hours,hourly_rate\nE1,Ana,Database Services,40,50\n');
    await imp('requests', 'id,title,stage,start_week,end_week,budget\nR1,Free work,operation,2026-W48,2026-W48,0\n');
    await imp('allocations', 'specialist_id,request_id,week,hours\nE1,R1,2026-W48,2\n');
    const flag = (await b.call('flags-list', {})).flags.find((f) => f.kind === 'cost_overrun')!;
    expect(flag.detail).toBe('Free work: cost 100.00 of budget 0.00, 100.00 over');
    b.close();
    const util = await cli('report', '--db', path, 'utilization', '--department', 'database services', '--format', 'csv');
    expect(parseCsv(util.out).records).toHaveLength(1);
  });

  it('reads CSV as spreadsheets write it: blank rows, rows counted past quoted line breaks, repeated headers refused', async () => {
    const { b, imp } = await plan();
    const text = 'id,name,department,weekly_hours,hourly_rate,role\nE1,Ana,DB,40,50,"Senior\nDBA"\nE2,Bob,DB,90,50,\n,,,,,\n , , ,,,\n';
    await expect(imp('specialists', text)).rejects.toThrow(/specialists\.csv:3: weekly_hours: must be more than 0 and at most 80/);
    await expect(imp('specialists', 'id,name,Name,department,weekly_hours,hourly_rate\n')).rejects.toThrow(
      'specialists.csv:1: the header names "Name" more than once.',
    );
    const file = join(temp(), 'latin1.csv');
    writeFileSync(file, Buffer.from('id,name,department,weekly_hours,hourly_rate\nE1,Chlo\xe9,DB,40,50\n', 'latin1'));
    const r = await cli('import', '--db', b.context.session!.path, 'specialists', file);
    expect(r).toMatchObject({ code: 1 });
    expect(r.err).toMatch(/is not UTF-8 text/);
    b.close();
  });

  it('survives a malformed URL on the web host', async () => {
    const backend = createBackend({ clock: testClock });
    const host = await startWebHost({ backend, staticDir: temp(), port: 0 });
    const get = (path: string) =>
      new Promise<number>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port: host.port, path, headers: { host: `127.0.0.1:${host.port}` } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end();
      });
    expect(await get('/%E0%A4%A')).toBe(404); // refused like any path outside the renderer folder
    expect(await get('/api/%E0%A4%A')).toBe(405);
    expect(await get('/')).toBe(500); // still up (no renderer built in this folder)
    await host.close();
  });

  it('loads every day of a public holiday that lasts several days', async () => {
    const { b } = await plan();
    const r = await b.call('holidays-load', { calendar: 'AE', country: 'AE', fromYear: 2026, toYear: 2026 });
    const rows = b.context.session!.db.prepare("SELECT date, name FROM holidays WHERE calendar = 'AE' ORDER BY date").all() as {
      date: string;
      name: string;
    }[];
    expect(rows.length).toBe(r.holidays);
    const byName = new Map<string, number>();
    for (const h of rows) byName.set(h.name, (byName.get(h.name) ?? 0) + 1);
    expect(Math.max(...byName.values())).toBeGreaterThan(1);
    b.close();
  });
});
