import { z } from 'zod';
import chineseDays from 'chinese-days/dist/chinese-days.json';

/**
 * Working-day calendar of mainland China, on the holiday and 调休 data of `chinese-days`.
 *
 * Conventions (all date math in Asia/Shanghai = UTC+08:00, which has no daylight saving, so a
 * fixed offset is exact and independent of the machine's TZ):
 * - A "day" is a Shanghai calendar day, written `YYYY-MM-DD`.
 * - A working day is a day the State Council's arrangement marks as a working day (调休
 *   weekends included), else Monday–Friday that is not a public holiday.
 * - `addWorkingDays(start, n)` (n ≥ 1) does not count the start day (期间开始之日不计入) and
 *   returns the LAST INSTANT of the n-th working day after it: 23:59:59.999+08:00.
 *   `addWorkingDays(start, 0)` means 「当日」: the end of the start day when it is a working day,
 *   else the end of the next working day. A negative n goes back: `addWorkingDays(due, -1)` is
 *   the end of the working day before the due day (004 §11 「提前1个工作日」).
 * - `addClockHours` is plain elapsed time (003 §8 「4小时」, 003 §11 「24小时」).
 * - `workingDaysBetween(a, b)` counts working days d with day(a) < d ≤ day(b), so
 *   `workingDaysBetween(x, addWorkingDays(x, n).at) === n`.
 * - A computation that touches a year with no data (the package has 2004–2026; add more with
 *   `extra`) falls back to Monday–Friday for that year and reports `calendarIncomplete: true`.
 *
 * We read the package's JSON instead of calling its functions because those use the machine's
 * local time zone.
 */

const DAY_MS = 86_400_000;
const OFFSET_MS = 8 * 3_600_000;
const DAY_KEY = /^\d{4}-\d{2}-\d{2}$/;

export const calendarExtraSchema = z.strictObject({
  holidays: z.array(z.iso.date()).max(1000).default([]),
  workdays: z.array(z.iso.date()).max(1000).default([]),
});
/** Extra days for years the package lacks, e.g. the 2027 arrangement once published. */
export type CalendarExtra = z.input<typeof calendarExtraSchema>;

export interface CalendarInstant {
  at: Date;
  calendarIncomplete: boolean;
}

export interface WorkingDayCount {
  days: number;
  calendarIncomplete: boolean;
}

export interface WorkCalendar {
  /** Whether the Shanghai day of `day` (a Date or `YYYY-MM-DD`) is a working day. */
  isWorkday(day: Date | string): boolean;
  /** Whether holiday data exist for this year. */
  hasYear(year: number): boolean;
  addWorkingDays(start: Date, days: number): CalendarInstant;
  addClockHours(start: Date, hours: number): CalendarInstant;
  workingDaysBetween(from: Date, to: Date): WorkingDayCount;
  /** A new calendar with more data; extra days win over the package's. */
  extend(extra: CalendarExtra): WorkCalendar;
}

/** Day number (days since 1970-01-01) of the Shanghai calendar day containing `at`. */
export function shanghaiDayNumber(at: Date): number {
  return Math.floor((at.getTime() + OFFSET_MS) / DAY_MS);
}

/** `YYYY-MM-DD` of the Shanghai calendar day containing `at`. */
export function shanghaiDay(at: Date): string {
  return dayKey(shanghaiDayNumber(at));
}

/** The last instant (23:59:59.999+08:00) of the Shanghai day containing `at`. */
export function endOfShanghaiDay(at: Date): Date {
  return new Date((shanghaiDayNumber(at) + 1) * DAY_MS - OFFSET_MS - 1);
}

/** 00:00+08:00 of a `YYYY-MM-DD` day. */
export function startOfShanghaiDay(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00+08:00`));
}

function dayKey(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

function dayNumberOfKey(key: string): number {
  return Math.floor(Date.parse(`${key}T00:00:00Z`) / DAY_MS);
}

interface CalendarData {
  holidays: ReadonlySet<string>;
  workdays: ReadonlySet<string>;
  years: ReadonlySet<number>;
}

function buildData(holidays: Iterable<string>, workdays: Iterable<string>): CalendarData {
  const h = new Set(holidays);
  const w = new Set(workdays);
  const years = new Set([...h, ...w].map((d) => Number(d.slice(0, 4))));
  return { holidays: h, workdays: w, years };
}

const BASE_DATA = buildData(Object.keys(chineseDays.holidays), Object.keys(chineseDays.workdays));

function mergeData(base: CalendarData, extra: CalendarExtra): CalendarData {
  const parsed = calendarExtraSchema.parse(extra);
  const holidays = [...base.holidays].filter((d) => !parsed.workdays.includes(d)).concat(parsed.holidays);
  const workdays = [...base.workdays].filter((d) => !parsed.holidays.includes(d)).concat(parsed.workdays);
  return buildData(holidays, workdays);
}

function makeCalendar(data: CalendarData): WorkCalendar {
  const isWorkdayNumber = (n: number): boolean => {
    const key = dayKey(n);
    if (data.workdays.has(key)) return true;
    if (data.holidays.has(key)) return false;
    const weekday = (n + 4) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
    return weekday >= 1 && weekday <= 5;
  };
  const known = (n: number): boolean => data.years.has(Number(dayKey(n).slice(0, 4)));

  const addWorkingDays = (start: Date, days: number): CalendarInstant => {
    if (!Number.isInteger(days) || Math.abs(days) > 3660) throw new RangeError(`working days must be an integer within ±3660, got ${days}`);
    const step = days < 0 ? -1 : 1;
    let n = shanghaiDayNumber(start);
    let complete = known(n);
    let counted = 0;
    if (days === 0) {
      while (!isWorkdayNumber(n)) complete = known(++n) && complete;
    }
    while (counted < Math.abs(days)) {
      n += step;
      complete = known(n) && complete;
      if (isWorkdayNumber(n)) counted++;
    }
    return { at: new Date((n + 1) * DAY_MS - OFFSET_MS - 1), calendarIncomplete: !complete };
  };

  const workingDaysBetween = (from: Date, to: Date): WorkingDayCount => {
    const a = shanghaiDayNumber(from);
    const b = shanghaiDayNumber(to);
    if (b < a) {
      const back = workingDaysBetween(to, from);
      return { days: -back.days, calendarIncomplete: back.calendarIncomplete };
    }
    let days = 0;
    let complete = known(a);
    for (let n = a + 1; n <= b; n++) {
      complete = known(n) && complete;
      if (isWorkdayNumber(n)) days++;
    }
    return { days, calendarIncomplete: !complete };
  };

  return {
    isWorkday: (day) => isWorkdayNumber(typeof day === 'string' ? dayNumberOfKey(assertKey(day)) : shanghaiDayNumber(day)),
    hasYear: (year) => data.years.has(year),
    addWorkingDays,
    addClockHours: (start, hours) => ({ at: new Date(start.getTime() + hours * 3_600_000), calendarIncomplete: false }),
    workingDaysBetween,
    extend: (extra) => makeCalendar(mergeData(data, extra)),
  };
}

function assertKey(day: string): string {
  if (!DAY_KEY.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`))) throw new RangeError(`not a YYYY-MM-DD day: ${day}`);
  return day;
}

/** The national calendar from `chinese-days`, optionally with extra days (a validated JSON). */
export function createWorkCalendar(extra?: CalendarExtra): WorkCalendar {
  const base = makeCalendar(BASE_DATA);
  return extra ? base.extend(extra) : base;
}
