import { weekMonday, type IsoWeek } from '../../shared/domain';

/**
 * The start of a bench page's init script: the page clock set to Monday of `firstWeek`, 9:00
 * (time keeps running), so the app opens on the plan's first weeks whatever today is, and
 * `nextPaint(done)`, which calls `done(performance.now())` once the next frame is painted.
 * Only Date moves: Playwright's page.clock also wraps Intl.DateTimeFormat, which would add its
 * own cost to every date the app formats.
 */
export function pinnedPageClock(firstWeek: IsoWeek): string {
  const at = weekMonday(firstWeek).getTime() + 9 * 3600_000;
  return `
    const RealDate = Date;
    const shift = ${at} - RealDate.now();
    class PinnedDate extends RealDate {
      constructor(...a) { if (a.length) super(...a); else super(RealDate.now() + shift); }
      static now() { return RealDate.now() + shift; }
    }
    globalThis.Date = PinnedDate;
    const nextPaint = (done) => requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => done(performance.now());
      ch.port2.postMessage(0);
    });
`;
}
