/**
 * The period of a report. `from`/`to` are Shanghai days (`2026-11-01`, `to` inclusive) or
 * instants with an offset (`to` exclusive); the default is the current month so far. Tickets
 * belong to the period in which they were submitted (`createdAt`).
 */
import { z } from 'zod';
import { shanghaiDay, startOfShanghaiDay } from '@mashang/shared';
import { badRequest } from '../http/errors';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;
/** Three years and a bit: enough for a yearly report with its comparison, bounded for the database. */
const MAX_SPAN_MS = 3 * 366 * DAY_MS;

/** A real calendar day (format `date`, with its pattern in the document) or an instant with an offset. */
export const instantOrDay = z.union([z.iso.date({ message: '日期格式应为 YYYY-MM-DD' }), z.iso.datetime({ offset: true })]);

export interface StatsWindow {
  from: Date;
  /** Exclusive. */
  to: Date;
}

function validDay(day: string): boolean {
  const at = startOfShanghaiDay(day);
  return !Number.isNaN(at.getTime()) && shanghaiDay(at) === day;
}

function bound(value: string, end: boolean): Date {
  if (!DAY.test(value)) return new Date(value);
  if (!validDay(value)) throw badRequest('VALIDATION_FAILED', '日期不存在', [{ in: 'query', path: end ? 'to' : 'from', message: `${value} 不是有效日期` }]);
  const start = startOfShanghaiDay(value);
  return end ? new Date(start.getTime() + DAY_MS) : start;
}

/** The window the query names; 400 when it is empty, reversed or longer than three years. */
export function statsWindow(query: { from?: string; to?: string }, now: Date): StatsWindow {
  const from = query.from ? bound(query.from, false) : startOfShanghaiDay(`${shanghaiDay(now).slice(0, 7)}-01`);
  const to = query.to ? bound(query.to, true) : now;
  if (to.getTime() <= from.getTime()) throw badRequest('STATS_WINDOW_INVALID', '统计区间的结束时间必须晚于开始时间', { from: from.toISOString(), to: to.toISOString() });
  if (to.getTime() - from.getTime() > MAX_SPAN_MS) throw badRequest('STATS_WINDOW_TOO_LONG', '统计区间不能超过三年');
  return { from, to };
}
