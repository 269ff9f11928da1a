import { describe, expect, it } from 'vitest';
import { cmpName, cmpPriority, cmpText, foldText, PRIORITIES, type Priority } from '../../shared/domain';

describe('ordering without the machine locale', () => {
  it('orders ids and weeks by code unit', () => {
    expect(['REQ-10', 'REQ-2', 'REQ-1'].sort(cmpText)).toEqual(['REQ-1', 'REQ-10', 'REQ-2']);
    expect(['2027-W01', '2026-W52'].sort(cmpText)).toEqual(['2026-W52', '2027-W01']);
  });

  it('orders names with case and accents aside, and ties exactly', () => {
    expect(['Zoe', 'émile', 'Chloé Martin', 'chloe martin', 'Bernd'].sort(cmpName)).toEqual([
      'Bernd',
      'Chloé Martin',
      'chloe martin',
      'émile',
      'Zoe',
    ]);
    expect(foldText('Chloé İSTANBUL')).toBe('chloe istanbul');
  });

  it('puts critical first and low last', () => {
    const shuffled: Priority[] = ['low', 'critical', 'medium', 'high'];
    expect(shuffled.sort(cmpPriority)).toEqual(['critical', 'high', 'medium', 'low']);
    expect([...PRIORITIES].sort(cmpPriority)).toEqual(['critical', 'high', 'medium', 'low']);
  });
});
