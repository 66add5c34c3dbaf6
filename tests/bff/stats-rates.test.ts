import { emptyFigures, ratesOf, RATE_FORMULAS, type UnitFigures } from '../../bff/src/stats/rates';

/** Each assessment formula with a hand-computed example (000 §28, 002 §27). */
const figures = (f: Partial<UnitFigures>): UnitFigures => ({ ...emptyFigures(), ...f });

describe('assessment rates: the regulations’ numerators and denominators', () => {
  it('000 §28 响应率: 4 dispatched, 3 signed of which 2 within signFor → 2 ÷ 4 = 0.5', () => {
    expect(ratesOf(figures({ dispatched: 4, signed: 3, signedOnTime: 2 }), 'standard').response).toBe(0.5);
  });

  it('002 §27 按时反馈率: 3 replied (2 on time) and 1 overdue never answered → 2 ÷ (3 + 1) = 0.5, not 2 ÷ 3', () => {
    expect(ratesOf(figures({ replied: 3, repliedOnTime: 2, overdueOpen: 1 }), 'standard').onTime).toBe(0.5);
  });

  it('004 §18 a unit that never answers its one late ticket scores 0 %, not 100 %', () => {
    expect(ratesOf(figures({ dispatched: 1, overdue: 1, overdueOpen: 1 }), 'standard').onTime).toBe(0);
  });

  it('000 §28 解决率: 5 closed, 3 satisfied + 1 basic, 1 closed unrated by staff → 4 ÷ 5 = 0.8', () => {
    expect(ratesOf(figures({ closed: 5, satisfied: 3, basic: 1 }), 'standard').resolution).toBe(0.8);
  });

  it('000 §28 满意率: 3 satisfied, 1 basic, 2 unsatisfied → 4 ÷ 6 = 0.6667; beijing (3 + 0.9) ÷ 6 = 0.65', () => {
    const f = figures({ satisfied: 3, basic: 1, unsatisfied: 2 });
    expect(ratesOf(f, 'standard').satisfaction).toBe(0.6667);
    expect(ratesOf(f, 'beijing').satisfaction).toBe(0.65);
  });

  it('002 §27 回访率: 4 approved replies owe a visit, the platform visited 3 → 0.75', () => {
    expect(ratesOf(figures({ replied: 5, visitDue: 4, visited: 3 }), 'standard').followUp).toBe(0.75);
  });

  it('002 §27 办结率: 8 received, 5 closed (terminated 视为办结 not among them) → 0.625', () => {
    expect(ratesOf(figures({ received: 8, closed: 5 }), 'standard').closure).toBe(0.625);
  });

  it('002 §27 即时转办率: the platform dispatched 10, 9 within its dispatch span → 0.9; unit rows carry none', () => {
    const f = figures({ dispatched: 10, dispatchedOnTime: 9 });
    expect(ratesOf(f, 'standard', true).instantTransfer).toBe(0.9);
    expect(ratesOf(f, 'standard').instantTransfer).toBeNull();
  });

  it('002 §27 平均办理天数: 3 replies taking 2, 3 and 6 working days → 11 ÷ 3 = 3.67', () => {
    expect(ratesOf(figures({ workingDays: 11, timedReplies: 3 }), 'standard').averageDays).toBe(3.67);
  });

  it('when a denominator is 0, then the rate is null (no data), never 0 or 100 %', () => {
    expect(Object.values(ratesOf(emptyFigures(), 'standard', true)).every((v) => v === null)).toBe(true);
  });

  it('002 §27 every formula names its article in the OpenAPI description', () => {
    for (const article of ['响应率 response (000 §28)', '解决率 resolution (000 §28)', '满意率 satisfaction (000 §28, 002 §27)', '按时反馈率/按时办结率 onTime (002 §27', '回访率 followUp (002 §27', '办结率 closure (002 §27)', '即时转办率 instantTransfer (002 §27)', '平均办理天数 averageDays (002 §27)', '接通率 (002 §27)']) {
      expect(RATE_FORMULAS).toContain(article);
    }
  });
});
