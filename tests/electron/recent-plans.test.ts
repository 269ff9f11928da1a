import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  addRecent,
  clearRecent,
  loadRecentState,
  MAX_RECENT,
  parseRecentState,
  pruneMissing,
  removeRecent,
  saveRecentState,
  serializeRecentState,
  type RecentState,
} from '../../electron/main/recent-plans';

const empty: RecentState = { recent: [], lastOpened: null };
const p = (name: string) => path.resolve('/plans', name);

describe('recent plans list', () => {
  it('puts the opened plan first and remembers it as the last opened', () => {
    const s = addRecent(addRecent(empty, p('a.tmplan'), 'linux'), p('b.tmplan'), 'linux');
    expect(s).toEqual({ recent: [p('b.tmplan'), p('a.tmplan')], lastOpened: p('b.tmplan') });
  });

  it('dedupes, moving a reopened plan to the front', () => {
    let s = empty;
    for (const n of ['a', 'b', 'c', 'a']) s = addRecent(s, p(`${n}.tmplan`), 'linux');
    expect(s.recent).toEqual([p('a.tmplan'), p('c.tmplan'), p('b.tmplan')]);
  });

  it('treats differently written paths to one file as one entry', () => {
    let s = addRecent(empty, '/plans/x/../a.tmplan', 'linux');
    s = addRecent(s, '/plans/./a.tmplan', 'linux');
    expect(s.recent).toEqual([p('a.tmplan')]);
  });

  it('ignores case on Windows and macOS but not on Linux', () => {
    const twice = (platform: NodeJS.Platform) => addRecent(addRecent(empty, p('Plan.tmplan'), platform), p('plan.tmplan'), platform);
    expect(twice('win32').recent).toHaveLength(1);
    expect(twice('darwin').recent).toHaveLength(1);
    expect(twice('linux').recent).toHaveLength(2);
  });

  it(`caps the list at ${MAX_RECENT}, dropping the oldest`, () => {
    let s = empty;
    for (let i = 0; i < 15; i++) s = addRecent(s, p(`plan-${i}.tmplan`), 'linux');
    expect(s.recent).toHaveLength(10);
    expect(s.recent[0]).toBe(p('plan-14.tmplan'));
    expect(s.recent.at(-1)).toBe(p('plan-5.tmplan'));
  });

  it('drops plans that no longer exist, including the last opened one', () => {
    const s = { recent: [p('a.tmplan'), p('gone.tmplan'), p('b.tmplan')], lastOpened: p('gone.tmplan') };
    expect(pruneMissing(s, (f) => !f.includes('gone'))).toEqual({ recent: [p('a.tmplan'), p('b.tmplan')], lastOpened: null });
  });

  it('removes one plan, and clearing keeps the plan to reopen', () => {
    const s = { recent: [p('a.tmplan'), p('b.tmplan')], lastOpened: p('a.tmplan') };
    expect(removeRecent(s, p('a.tmplan'), 'linux')).toEqual({ recent: [p('b.tmplan')], lastOpened: null });
    expect(clearRecent(s)).toEqual({ recent: [], lastOpened: p('a.tmplan') });
  });
});

describe('recent plans file', () => {
  it('round-trips through JSON', () => {
    const s = { recent: [p('a.tmplan'), p('b.tmplan')], lastOpened: p('a.tmplan') };
    expect(parseRecentState(serializeRecentState(s), 'linux')).toEqual(s);
  });

  it.each(['', 'not json', 'null', '42', '[]', '{"recent": "a"}'])('reads %j as an empty list rather than failing', (text) => {
    expect(parseRecentState(text, 'linux')).toEqual(empty);
  });

  it('keeps the usable entries of a hand-edited file', () => {
    const text = JSON.stringify({ recent: [p('a.tmplan'), 3, null, '', p('a.tmplan'), 'x\0y', p('b.tmplan')], lastOpened: 5 });
    expect(parseRecentState(text, 'linux')).toEqual({ recent: [p('a.tmplan'), p('b.tmplan')], lastOpened: null });
  });

  it('caps an over-long file at the limit', () => {
    const text = JSON.stringify({ recent: Array.from({ length: 30 }, (_, i) => p(`${i}.tmplan`)), lastOpened: null });
    expect(parseRecentState(text, 'linux').recent).toHaveLength(MAX_RECENT);
  });

  describe('on disk', () => {
    let dir: string | undefined;
    afterEach(() => {
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    });

    it('saves atomically and loads back, dropping files that vanished', () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tm-recent-'));
      const a = path.join(dir, 'a.tmplan');
      const b = path.join(dir, 'b.tmplan');
      fs.writeFileSync(a, '');
      fs.writeFileSync(b, '');
      const file = path.join(dir, 'userData', 'recent-plans.json');
      saveRecentState(file, { recent: [b, a], lastOpened: b });
      expect(fs.readdirSync(path.dirname(file))).toEqual(['recent-plans.json']);
      expect(loadRecentState(file)).toEqual({ recent: [b, a], lastOpened: b });
      fs.rmSync(b);
      expect(loadRecentState(file)).toEqual({ recent: [a], lastOpened: null });
    });

    it('a missing file is an empty list', () => {
      expect(loadRecentState(path.join(os.tmpdir(), 'tm-no-such-dir', 'recent-plans.json'))).toEqual(empty);
    });
  });
});
