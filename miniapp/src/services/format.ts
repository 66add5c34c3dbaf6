const pad = (n: number) => String(n).padStart(2, '0');

/** China keeps UTC+8 all year (no daylight saving). */
const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * The date's fields in Beijing time, whatever the phone's own zone: deadlines are set by the
 * regulations' working-day calendar in Beijing time, and 12345 staff quote Beijing time.
 */
function beijing(iso: string | null | undefined): Date | undefined {
  if (!iso) return undefined;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return undefined;
  return new Date(d.getTime() + BEIJING_OFFSET_MS);
}

/** Dates in the form people read on paper: 2026年10月8日 14:30 (Beijing time). */
export function formatDateTime(iso: string | null | undefined): string {
  const d = beijing(iso);
  if (!d) return '';
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

export function formatDate(iso: string | null | undefined): string {
  const d = beijing(iso);
  if (!d) return '';
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}
