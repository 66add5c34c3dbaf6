import { createWorkCalendar, endOfShanghaiDay, shanghaiDay } from '@mashang/shared';

/** A Shanghai wall-clock time. */
const sh = (local: string) => new Date(`${local}+08:00`);
const day = (d: Date) => shanghaiDay(d);

describe('working-day calendar on chinese-days', () => {
  const cal = createWorkCalendar();

  it('when checking 2026 National Day, then Oct 1–7 are holidays and Sun Sep 20 / Sat Oct 10 are 调休 workdays', () => {
    for (const d of ['2026-10-01', '2026-10-04', '2026-10-07']) expect(cal.isWorkday(d)).toBe(false);
    expect(cal.isWorkday('2026-10-08')).toBe(true);
    expect(cal.isWorkday('2026-09-20')).toBe(true);
    expect(cal.isWorkday('2026-10-10')).toBe(true);
    expect(cal.isWorkday('2026-10-11')).toBe(false);
    // 中秋 2026 is a separate three-day break (Fri Sep 25 – Sun Sep 27).
    expect(cal.isWorkday('2026-09-25')).toBe(false);
  });

  it('when adding working days over 2026 National Day, then holidays are skipped and Sat Oct 10 counts', () => {
    const start = sh('2026-09-30T10:00:00');
    expect(day(cal.addWorkingDays(start, 1).at)).toBe('2026-10-08');
    expect(day(cal.addWorkingDays(start, 2).at)).toBe('2026-10-09');
    expect(day(cal.addWorkingDays(start, 3).at)).toBe('2026-10-10');
    expect(day(cal.addWorkingDays(start, 4).at)).toBe('2026-10-12');
    expect(cal.addWorkingDays(start, 4).calendarIncomplete).toBe(false);
  });

  it('when checking 2025 National Day, then Oct 1–8 are holidays and Sun Sep 28 / Sat Oct 11 are workdays', () => {
    expect(cal.isWorkday('2025-10-08')).toBe(false);
    expect(cal.isWorkday('2025-09-28')).toBe(true);
    expect(cal.isWorkday('2025-10-11')).toBe(true);
  });

  it('when adding working days over Spring Festival 2026, then Feb 15–23 are skipped and Sat Feb 14 / Feb 28 count', () => {
    expect(cal.isWorkday('2026-02-14')).toBe(true);
    expect(cal.isWorkday('2026-02-23')).toBe(false);
    const start = sh('2026-02-13T16:00:00');
    expect(day(cal.addWorkingDays(start, 1).at)).toBe('2026-02-14');
    expect(day(cal.addWorkingDays(start, 2).at)).toBe('2026-02-24');
    expect(day(cal.addWorkingDays(start, 5).at)).toBe('2026-02-27');
    expect(day(cal.addWorkingDays(start, 6).at)).toBe('2026-02-28');
  });

  it('when a deadline is computed, then it is the last instant of that Shanghai day', () => {
    const due = cal.addWorkingDays(sh('2026-03-02T09:00:00'), 1).at;
    expect(due.toISOString()).toBe('2026-03-03T15:59:59.999Z');
    expect(endOfShanghaiDay(sh('2026-03-03T00:00:01')).getTime()).toBe(due.getTime());
  });

  it('when adding 0 working days (当日) on a holiday, then the end of the next working day is returned', () => {
    expect(day(cal.addWorkingDays(sh('2026-10-03T12:00:00'), 0).at)).toBe('2026-10-08');
    expect(day(cal.addWorkingDays(sh('2026-10-09T12:00:00'), 0).at)).toBe('2026-10-09');
  });

  it('when going back one working day from a due date after a holiday, then the last working day before it is returned', () => {
    expect(day(cal.addWorkingDays(sh('2026-10-08T23:59:59'), -1).at)).toBe('2026-09-30');
  });

  it('when counting working days between two dates, then it inverts addWorkingDays', () => {
    const start = sh('2026-09-18T10:00:00');
    for (const n of [0, 1, 5, 10, 15]) {
      const at = cal.addWorkingDays(start, n).at;
      if (n > 0) expect(cal.workingDaysBetween(start, at).days).toBe(n);
    }
    expect(cal.workingDaysBetween(sh('2026-10-09T10:00:00'), sh('2026-09-30T10:00:00')).days).toBe(-2);
  });

  it('when adding clock hours, then elapsed time is added regardless of holidays', () => {
    expect(cal.addClockHours(sh('2026-10-01T22:00:00'), 4).at.toISOString()).toBe(sh('2026-10-02T02:00:00').toISOString());
  });

  it('when a computation reaches 2027 with no data, then Mon–Fri is assumed and calendarIncomplete is set', () => {
    expect(cal.hasYear(2026)).toBe(true);
    expect(cal.hasYear(2027)).toBe(false);
    const r = cal.addWorkingDays(sh('2026-12-30T10:00:00'), 3);
    expect(day(r.at)).toBe('2027-01-04');
    expect(r.calendarIncomplete).toBe(true);
    expect(cal.workingDaysBetween(sh('2026-12-30T10:00:00'), sh('2027-01-05T10:00:00')).calendarIncomplete).toBe(true);
    expect(cal.addWorkingDays(sh('2026-12-21T10:00:00'), 3).calendarIncomplete).toBe(false);
  });

  it('when extra 2027 data is supplied, then it is used and the result is complete', () => {
    const extended = createWorkCalendar({ holidays: ['2027-01-01', '2027-01-04'], workdays: ['2027-01-09'] });
    expect(extended.hasYear(2027)).toBe(true);
    const r = extended.addWorkingDays(sh('2026-12-30T10:00:00'), 3);
    expect(day(r.at)).toBe('2027-01-06');
    expect(r.calendarIncomplete).toBe(false);
    expect(extended.isWorkday('2027-01-09')).toBe(true);
  });

  it('when extra data contradicts the package, then the extra data wins', () => {
    const extended = cal.extend({ workdays: ['2026-10-07'] });
    expect(extended.isWorkday('2026-10-07')).toBe(true);
    expect(cal.isWorkday('2026-10-07')).toBe(false);
  });

  it('when extra data is malformed, then it is refused', () => {
    expect(() => createWorkCalendar({ holidays: ['2027-13-01'] })).toThrow();
  });

  it('when the machine runs in another time zone, then the results are the same', () => {
    const saved = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles';
    try {
      const r = createWorkCalendar().addWorkingDays(sh('2026-09-30T23:30:00'), 1);
      expect(r.at.toISOString()).toBe('2026-10-08T15:59:59.999Z');
      expect(createWorkCalendar().isWorkday(sh('2026-10-10T01:00:00'))).toBe(true);
    } finally {
      process.env.TZ = saved;
    }
  });
});
