/**
 * Report periods in China time (UTC+8, no daylight saving): ISO weeks (Monday first) for the
 * 周分析, calendar months for the 月通报, years for the 年总结 (003 §19). Every period is
 * `[from, to)` and knows its predecessor, for the comparison columns.
 */
import { PERIOD_PATTERNS, type ReportKind } from '@mashang/shared';
import { badRequest } from '../http/errors';

export interface Period {
  kind: ReportKind;
  key: string;
  label: string;
  from: Date;
  to: Date;
}

const DAY = 86_400_000;
const OFFSET = 8 * 3_600_000;

/** UTC-midnight Date of a China calendar day (arithmetic helper, not an instant). */
const chinaDay = (at: Date): Date => new Date(Math.floor((at.getTime() + OFFSET) / DAY) * DAY);
const instant = (dayUtc: Date): Date => new Date(dayUtc.getTime() - OFFSET);
const pad = (n: number): string => String(n).padStart(2, '0');

/** Monday (UTC-midnight) of ISO week 1 of `year`: the week holding 4 January. */
function isoWeekOneMonday(year: number): Date {
  const jan4 = new Date(Date.UTC(year, 0, 4));
  return new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * DAY);
}

function isoWeekKey(dayUtc: Date): string {
  const thursday = new Date(dayUtc.getTime() + (3 - ((dayUtc.getUTCDay() + 6) % 7)) * DAY);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - isoWeekOneMonday(year).getTime()) / (7 * DAY)) + 1;
  return `${year}-W${pad(week)}`;
}

export function parsePeriod(kind: ReportKind, key: string): Period {
  if (!PERIOD_PATTERNS[kind].test(key)) throw badRequest('PERIOD_INVALID', `期间格式不正确：${kind === 'weekly' ? '2026-W48' : kind === 'monthly' ? '2026-11' : '2026'}`, { kind, period: key });
  const year = Number(key.slice(0, 4));
  if (kind === 'yearly') return { kind, key, label: `${year}年`, from: instant(new Date(Date.UTC(year, 0, 1))), to: instant(new Date(Date.UTC(year + 1, 0, 1))) };
  if (kind === 'monthly') {
    const month = Number(key.slice(5, 7));
    return { kind, key, label: `${year}年${month}月`, from: instant(new Date(Date.UTC(year, month - 1, 1))), to: instant(new Date(Date.UTC(year, month, 1))) };
  }
  const week = Number(key.slice(6));
  const monday = new Date(isoWeekOneMonday(year).getTime() + (week - 1) * 7 * DAY);
  if (isoWeekKey(monday) !== key) throw badRequest('PERIOD_INVALID', `${year}年没有第${week}周`, { kind, period: key });
  const sunday = new Date(monday.getTime() + 6 * DAY);
  const label = `${year}年第${week}周（${monday.getUTCMonth() + 1}月${monday.getUTCDate()}日—${sunday.getUTCMonth() + 1}月${sunday.getUTCDate()}日）`;
  return { kind, key, label, from: instant(monday), to: instant(new Date(monday.getTime() + 7 * DAY)) };
}

/** The period that contains `at`. */
export function periodAt(kind: ReportKind, at: Date): Period {
  const day = chinaDay(at);
  if (kind === 'yearly') return parsePeriod(kind, String(day.getUTCFullYear()));
  if (kind === 'monthly') return parsePeriod(kind, `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}`);
  return parsePeriod(kind, isoWeekKey(day));
}

/** The one before (the comparison column). */
export const previousPeriod = (p: Period): Period => periodAt(p.kind, new Date(p.from.getTime() - 1));

/** The last complete period before `now` (the default report). */
export const lastCompletePeriod = (kind: ReportKind, now: Date): Period => previousPeriod(periodAt(kind, now));
