// The JSON Schemas in resources/schemas document the exchange files for other programs.
// They are generated from the zod schemas (npm run schemas): this fails when they drift,
// and checks with an independent validator (Ajv) that what TM Planner writes matches them.
import { Ajv2020 } from 'ajv/dist/2020.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatedSchemas } from '../../scripts/schemas';
import { cli } from '../helpers/cli';
import { fixturePlan } from '../helpers/fixture-plan';
import { useTempDir } from '../helpers/temp';

const ROOT = join(__dirname, '../..');
const temp = useTempDir();

function validator(file: string) {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  // The date-time pattern in the schema already says what a timestamp looks like.
  ajv.addFormat('date-time', true);
  return ajv.compile(JSON.parse(readFileSync(join(ROOT, 'resources/schemas', file), 'utf8')));
}

describe('the exchange JSON Schemas', () => {
  it('are checked in exactly as the zod schemas generate them (run npm run schemas after changing one)', () => {
    const generated = generatedSchemas();
    expect(generated.map((g) => g.path)).toEqual([
      'resources/schemas/request.schema.json',
      'resources/schemas/staffing-summary.schema.json',
    ]);
    for (const g of generated) expect(readFileSync(join(ROOT, g.path), 'utf8'), g.path).toBe(g.text);
  });

  it('accept a request file and a staffing summary the CLI wrote, and refuse them changed out of shape', async () => {
    const dir = temp();
    const db = await fixturePlan(dir);
    const requestFile = join(dir, 'R1.json');
    const summaryFile = join(dir, 'R1-staffing.json');
    expect((await cli('request', 'export', '--db', db, '--id', 'R1', '--out', requestFile)).code).toBe(0);
    expect((await cli('request', 'summary', '--db', db, '--id', 'R1', '--out', summaryFile)).code).toBe(0);

    const request = JSON.parse(readFileSync(requestFile, 'utf8'));
    const summary = JSON.parse(readFileSync(summaryFile, 'utf8'));
    const validRequest = validator('request.schema.json');
    const validSummary = validator('staffing-summary.schema.json');
    expect(validRequest(request), JSON.stringify(validRequest.errors)).toBe(true);
    expect(validSummary(summary), JSON.stringify(validSummary.errors)).toBe(true);
    expect(summary.people.length).toBeGreaterThan(0);
    expect(summary.open_demand.length).toBeGreaterThan(0);

    // Each schema refuses the other file, a newer version and a float where a decimal text belongs.
    expect(validRequest(summary)).toBe(false);
    expect(validSummary(request)).toBe(false);
    expect(validRequest({ ...request, version: 2 })).toBe(false);
    expect(validRequest({ ...request, demand: [{ ...request.demand[0], hours_per_week: 24 }] })).toBe(false);
    expect(validRequest({ ...request, request: { ...request.request, start_week: '2026-48' } })).toBe(false);
  });
});
