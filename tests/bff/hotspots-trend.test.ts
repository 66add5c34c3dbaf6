import { assessTrend, describeRule, DEFAULT_TREND_RULE } from '../../bff/src/hotspots/trend';

describe('rising-trend rule for early warning (000 §21, 001 §27)', () => {
  it('when this week has 8 against a trailing average of 2, then it is rising', () => {
    expect(assessTrend(8, [1, 2, 3, 2])).toEqual({ current: 8, baseline: 2, ratio: 4, zScore: 4.24, rising: true });
  });

  it('when the count doubles but stays under the minimum of 5, then it is quiet', () => {
    expect(assessTrend(4, [1, 1, 2, 0]).rising).toBe(false);
  });

  it('when a large matter grows by half, then it is not rising (needs 2×)', () => {
    expect(assessTrend(30, [20, 20, 20, 20]).rising).toBe(false);
  });

  it('when a matter is new (no history), then the baseline counts as 1 and the ratio is null', () => {
    expect(assessTrend(5, [])).toMatchObject({ baseline: 0, ratio: null, rising: true });
  });

  it('when more history than the window is given, then only the last periods count', () => {
    expect(assessTrend(10, [50, 50, 1, 1, 1, 1]).baseline).toBe(1);
  });

  it('when describing the rule, then the numbers are in the sentence', () => {
    expect(describeRule(DEFAULT_TREND_RULE, '周')).toBe('本周数量不少于5件，且不低于前4个周平均数的2倍（平均数不足1按1计）');
  });
});
