import { getProfile } from '@mashang/shared';
import { lastCompletePeriod, parsePeriod, periodAt, previousPeriod } from '../../bff/src/reports/period';
import { rankingMarks, type RankedUnit } from '../../bff/src/reports/ranking';

describe('report periods in China time (003 §19 周分析、月通报、年总结)', () => {
  it('when the month is 2026-11, then it runs from 1 Nov 00:00 to 1 Dec 00:00 UTC+8', () => {
    const p = parsePeriod('monthly', '2026-11');
    expect(p.from.toISOString()).toBe('2026-10-31T16:00:00.000Z');
    expect(p.to.toISOString()).toBe('2026-11-30T16:00:00.000Z');
    expect(p.label).toBe('2026年11月');
  });

  it('when asking for ISO week 2026-W48, then it is Monday 23 Nov to Sunday 29 Nov', () => {
    const p = parsePeriod('weekly', '2026-W48');
    expect(p.from.toISOString()).toBe('2026-11-22T16:00:00.000Z');
    expect(p.label).toBe('2026年第48周（11月23日—11月29日）');
    expect(periodAt('weekly', new Date('2026-11-29T23:59:00+08:00')).key).toBe('2026-W48');
    expect(periodAt('weekly', new Date('2026-11-30T00:00:00+08:00')).key).toBe('2026-W49');
  });

  it('when the week is at the turn of the year, then ISO rules apply (2027-01-01 is in 2026-W53)', () => {
    expect(periodAt('weekly', new Date('2027-01-01T12:00:00+08:00')).key).toBe('2026-W53');
    expect(() => parsePeriod('weekly', '2027-W53')).toThrow('2027年没有第53周');
  });

  it('when going back, then January’s previous month is last December and the default is the last complete period', () => {
    expect(previousPeriod(parsePeriod('monthly', '2026-01')).key).toBe('2025-12');
    expect(lastCompletePeriod('monthly', new Date('2026-11-24T09:00:00+08:00')).key).toBe('2026-10');
    expect(lastCompletePeriod('yearly', new Date('2026-11-24T09:00:00+08:00')).key).toBe('2025');
  });

  it('when the period does not fit its kind, then 400 PERIOD_INVALID', () => {
    expect(() => parsePeriod('monthly', '2026-W48')).toThrow(expect.objectContaining({ status: 400, code: 'PERIOD_INVALID' }));
  });
});

describe('monthly ranking marks (003 §28(4))', () => {
  const district = (unit: string, score: number | null): RankedUnit => ({ unit, name: `${unit}区`, level: 'district', kind: 'government', score });
  const county = (unit: string, score: number | null): RankedUnit => ({ unit, name: `${unit}县`, level: 'district', kind: 'government', score });
  const dept = (unit: string, score: number | null): RankedUnit => ({ unit, name: `${unit}局`, level: 'city', kind: 'department', score });
  const street = (unit: string, score: number | null): RankedUnit => ({ unit, name: `${unit}街道`, level: 'street', kind: 'street-office', score });
  const rules = getProfile('pingdingshan').ranking;

  it('003 §28(4) when the last district scores under 85 % of the best, then it is marked; one above 85 % is not', () => {
    const marks = rankingMarks([district('a', 100), district('b', 90), district('c', 84)], rules);
    expect(marks.get('c')).toMatchObject({ group: 'district', groupLabel: '区组', rank: 3, ofTop: 0.84, marked: true, ratioOfTop: 0.85 });
    expect(marks.get('b')?.marked).toBe(false);
    expect(rankingMarks([district('a', 100), district('b', 90), district('c', 86)], rules).get('c')?.marked).toBe(false);
  });

  it('003 §28(4) when departments are ranked, then the last two under 80 % are marked and a better one is not', () => {
    const marks = rankingMarks([dept('d1', 100), dept('d2', 90), dept('d3', 79), dept('d4', 70)], rules);
    expect([...marks].filter(([, m]) => m.marked).map(([u]) => u)).toEqual(['d3', 'd4']);
    const close = rankingMarks([dept('d1', 100), dept('d2', 90), dept('d3', 80), dept('d4', 70)], rules);
    expect(close.get('d3')?.marked).toBe(false);
  });

  it('003 §28(4) when counties, districts, city departments and streets are ranked, then they form four groups, each with its own best score and threshold', () => {
    const marks = rankingMarks([county('k1', 100), county('k2', 80), district('q1', 60), district('q2', 50), dept('d1', 90), dept('d2', 89), dept('d3', 70), street('s1', 40), street('s2', 39), street('s3', 20)], rules);
    expect(Object.fromEntries([...marks].map(([u, m]) => [u, [m.group, m.rank, m.marked]]))).toEqual({
      k1: ['county', 1, false], k2: ['county', 2, true],
      q1: ['district', 1, false], q2: ['district', 2, true],
      d1: ['department', 1, false], d2: ['department', 2, false], d3: ['department', 3, true],
      s1: ['street', 1, false], s2: ['street', 2, false], s3: ['street', 3, true],
    });
    expect(getProfile('pingdingshan').ranking?.map((r) => r.label)).toEqual(['县（市）组', '区组', '市直单位和驻平单位组', '各区乡镇（街道）组']);
  });

  it('when the profile names no ranking (baiyin), then nobody is marked', () => {
    expect(rankingMarks([district('a', 100), district('b', 10)], getProfile('baiyin').ranking).size).toBe(0);
  });

  it('when a unit has no score, then it is not ranked', () => {
    expect(rankingMarks([district('a', 100), district('b', null)], rules).has('b')).toBe(false);
  });
});
