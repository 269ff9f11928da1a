// The Reports view opens departments one at a time: the heat map sends specialist rows only
// for the departments asked for, and the same department figures either way.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend/handlers';
import { testClock } from '../helpers/clock';
import { CSV_FIXTURES, IMPORT_ORDER } from '../helpers/fixtures';
import { useTempDir } from '../helpers/temp';

const temp = useTempDir();

describe('the heat map of reports-view', () => {
  it('sends specialist rows only for the opened departments, with every department row and count', async () => {
    const b = createBackend({ clock: testClock });
    await b.call('plan-create', { path: join(temp(), 'plan.db'), name: 'Plan' });
    for (const [kind, file] of IMPORT_ORDER) {
      await b.call('import-csv', { kind, fileName: file, text: readFileSync(join(CSV_FIXTURES, file), 'utf8') });
    }
    const range = { from: '2026-W48', to: '2026-W52' };
    const all = await b.call('reports-view', range);
    const departments = all.heatmap.departments.map((d) => d.row.department);
    expect(departments.length).toBeGreaterThan(1);
    for (const d of all.heatmap.departments) expect(d.specialists.length).toBe(d.specialistCount);

    const first = departments[0]!;
    const some = await b.call('reports-view', { ...range, expanded: [first.toUpperCase()] });
    for (const d of some.heatmap.departments) {
      const full = all.heatmap.departments.find((x) => x.row.key === d.row.key)!;
      expect(d.row).toEqual(full.row);
      expect(d.specialistCount).toBe(full.specialistCount);
      expect(d.specialists).toEqual(d.row.department === first ? full.specialists : []);
    }
    expect(some.heatmap.columns).toEqual(all.heatmap.columns);
    const none = await b.call('reports-view', { ...range, expanded: [] });
    expect(none.heatmap.departments.every((d) => d.specialists.length === 0)).toBe(true);
    b.close();
  });
});
