import { describe, expect, it } from 'vitest';
import { allocationOverWeekText, hoursShort, weekSpanText, weeksSpanText } from '../../shared/format';

describe('wording the CLI and the screens share', () => {
  it('writes hours without a trailing .00', () => {
    expect(hoursShort(960)).toBe('16');
    expect(hoursShort(440)).toBe('7.33');
    expect(hoursShort(450)).toBe('7.50');
  });

  it('writes a week span once, with years when it crosses one', () => {
    expect(weeksSpanText(['2026-W49', '2026-W50', '2026-W51', '2026-W52'])).toBe('W49–W52');
    expect(weeksSpanText(['2026-W49'])).toBe('W49');
    expect(weeksSpanText(['2026-W52', '2027-W01'])).toBe('2026-W52–2027-W01');
    expect(weeksSpanText([])).toBe('no weeks');
    expect(weekSpanText('2026-W48', '2026-W52')).toBe('W48–W52');
  });

  it('says who, where and how much when hours do not fit in a week', () => {
    expect(
      allocationOverWeekText({ specialist: 'Ana Souza', requestId: 'REQ-201', week: '2026-W49', existing: 6000, added: 6000, max: 10080 }),
    ).toBe('Ana Souza already has 100 h on REQ-201 in W49; 100 h more would make 200 h, and one allocation holds at most 168 h a week.');
  });
});
