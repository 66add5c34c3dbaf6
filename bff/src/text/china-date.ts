/** A date-only input (`2026-12-01`) means the start of that day in China (UTC+8); a date-time keeps its own offset. */
export function parseChinaDate(raw: string): Date {
  return new Date(/^\d{4}-\d{2}-\d{2}$/.test(raw) ? `${raw}T00:00:00+08:00` : raw);
}
