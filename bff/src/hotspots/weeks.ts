/** Tickets per ISO week (Monday first, China time) of a window: one `$count`-style query per week. */
import type { Connection } from 'mongoose';
import { windowMatch } from '../stats/aggregate';
import type { StatsWindow } from '../stats/window';
import { parsePeriod, periodAt } from '../reports/period';
import { countIn } from './buckets';
import type { HotspotBucket } from './service';

/** 3 years of weeks at most (the stats window's own bound). */
const MAX_WEEKS = 160;
const round4 = (n: number): number => Math.round(n * 10_000) / 10_000;

export async function weekBuckets(db: Connection, w: StatsWindow, scope: string | undefined, total: number): Promise<HotspotBucket[]> {
  const out: HotspotBucket[] = [];
  let week = periodAt('weekly', w.from);
  while (week.from.getTime() < w.to.getTime() && out.length < MAX_WEEKS) {
    const slice = { from: new Date(Math.max(week.from.getTime(), w.from.getTime())), to: new Date(Math.min(week.to.getTime(), w.to.getTime())) };
    const count = await countIn(db, windowMatch(slice, scope));
    out.push({ key: week.key, label: week.label, count, share: total ? round4(count / total) : 0 });
    week = parsePeriod('weekly', periodAt('weekly', week.to).key);
  }
  return out;
}
