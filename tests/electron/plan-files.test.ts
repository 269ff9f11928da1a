import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultCurrency, isPlanFileName, planNameFromPath, planPathFromArgv, withPlanExtension } from '../../electron/main/plan-files';

describe('plan files', () => {
  it('finds the plan a second launch or a double-click passes', () => {
    const cwd = path.resolve('/home/ana');
    expect(planPathFromArgv(['/opt/TM Planner/tm-planner', 'Q3.tmplan'], cwd)).toBe(path.join(cwd, 'Q3.tmplan'));
    expect(planPathFromArgv(['electron', '.', '--inspect', '/data/p.db'], cwd)).toBe(path.resolve('/data/p.db'));
    expect(planPathFromArgv(['C:\\app\\tm.exe', '--allow-file-access-from-files', 'x.TMPLAN'], cwd)).toBe(path.join(cwd, 'x.TMPLAN'));
  });

  it('ignores the executable, switches and non-plan files', () => {
    expect(planPathFromArgv(['/x/plan.tmplan'], '/')).toBeNull();
    expect(planPathFromArgv(['electron', '.', '--flag=a.tmplan', 'notes.txt'], '/')).toBeNull();
  });

  it('recognises plan file names', () => {
    expect(isPlanFileName('a.tmplan')).toBe(true);
    expect(isPlanFileName('a.sqlite')).toBe(true);
    expect(isPlanFileName('a.csv')).toBe(false);
  });

  it('names and completes plan paths', () => {
    expect(withPlanExtension('/p/Budget 2027')).toBe('/p/Budget 2027.tmplan');
    expect(withPlanExtension('/p/a.db')).toBe('/p/a.db');
    expect(planNameFromPath('/p/Budget 2027.tmplan')).toBe('Budget 2027');
  });

  it('picks a currency for a new plan from the country, euro otherwise', () => {
    expect(defaultCurrency('US')).toBe('USD');
    expect(defaultCurrency('gb')).toBe('GBP');
    expect(defaultCurrency('DE')).toBe('EUR');
    expect(defaultCurrency('')).toBe('EUR');
    expect(defaultCurrency(undefined)).toBe('EUR');
  });
});
