import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate, type MenuActions } from '../../electron/main/menu';

function actions(): MenuActions & Record<string, ReturnType<typeof vi.fn>> {
  return {
    newPlan: vi.fn(),
    openPlan: vi.fn(),
    openRecent: vi.fn(),
    clearRecent: vi.fn(),
    saveCopy: vi.fn(),
    importCsv: vi.fn(),
    exportReport: vi.fn(),
  };
}

const sub = (item: MenuItemConstructorOptions | undefined) => (item?.submenu ?? []) as MenuItemConstructorOptions[];
const byId = (items: MenuItemConstructorOptions[], id: string) => items.find((i) => i.id === id);
const click = (item: MenuItemConstructorOptions | undefined) => (item?.click as unknown as (() => void) | undefined)?.();

describe('buildMenuTemplate', () => {
  it('has File, Edit, View, Window, Help on Windows and Linux', () => {
    for (const platform of ['win32', 'linux'] as const) {
      const t = buildMenuTemplate({ platform, recentPlans: [], actions: actions() });
      expect(t.map((m) => m.label ?? m.role)).toEqual(['File', 'Edit', 'View', 'Window', 'help']);
    }
  });

  it('puts the app menu first on macOS, with Quit there', () => {
    const t = buildMenuTemplate({ platform: 'darwin', recentPlans: [], actions: actions() });
    expect(t[0]!.label).toBe('TM Planner');
    expect(sub(t[0]).some((i) => i.role === 'quit')).toBe(true);
    expect(t[1]!.label).toBe('File');
    expect(sub(t[1]).some((i) => i.role === 'quit')).toBe(false);
  });

  it('File has the plan commands with their accelerators, wired to the actions', () => {
    const a = actions();
    const file = sub(buildMenuTemplate({ platform: 'linux', recentPlans: [], actions: a })[0]);
    const expected: [string, string | undefined, keyof MenuActions][] = [
      ['new-plan', 'CmdOrCtrl+N', 'newPlan'],
      ['open-plan', 'CmdOrCtrl+O', 'openPlan'],
      ['save-copy', 'CmdOrCtrl+Shift+S', 'saveCopy'],
      ['import-csv', undefined, 'importCsv'],
      ['export-report', undefined, 'exportReport'],
    ];
    for (const [id, accelerator, action] of expected) {
      const item = byId(file, id);
      expect(item, id).toBeDefined();
      expect(item!.accelerator).toBe(accelerator);
      click(item);
      expect(a[action]).toHaveBeenCalledTimes(1);
    }
    expect(file.map((i) => i.label).filter(Boolean)).toEqual([
      'New plan…',
      'Open plan…',
      'Open recent',
      'Save a copy…',
      'Import CSV…',
      'Export report…',
      'Quit',
    ]);
    expect(byId(file, 'quit')?.role).toBe('quit');
  });

  it('Open recent lists the plans and can be cleared', () => {
    const a = actions();
    const plans = ['/home/ana/Q3.tmplan', '/home/ana/2027.tmplan'];
    const recent = sub(byId(sub(buildMenuTemplate({ platform: 'win32', recentPlans: plans, actions: a })[0]), 'open-recent'));
    expect(recent.slice(0, 2).map((i) => i.label)).toEqual(plans);
    click(recent[1]);
    expect(a.openRecent).toHaveBeenCalledWith('/home/ana/2027.tmplan');
    const clear = byId(recent, 'clear-recent');
    expect(clear?.enabled).toBe(true);
    click(clear);
    expect(a.clearRecent).toHaveBeenCalledTimes(1);
  });

  it('an empty recent list shows a disabled placeholder and a disabled Clear', () => {
    const recent = sub(byId(sub(buildMenuTemplate({ platform: 'linux', recentPlans: [], actions: actions() })[0]), 'open-recent'));
    expect(recent[0]).toMatchObject({ label: 'No recent plans', enabled: false });
    expect(byId(recent, 'clear-recent')?.enabled).toBe(false);
  });

  it('Edit carries the undo/redo and clipboard roles', () => {
    const edit = sub(buildMenuTemplate({ platform: 'linux', recentPlans: [], actions: actions() })[1]);
    const roles = edit.map((i) => i.role).filter(Boolean);
    expect(roles).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']));
  });

  it('developer tools appear only in development', () => {
    const roles = (isDev: boolean) =>
      sub(buildMenuTemplate({ platform: 'linux', recentPlans: [], actions: actions(), isDev })[2]).map((i) => i.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toContain('toggleDevTools');
  });
});
