/**
 * CSV for Excel as used in China: UTF-8 with a byte-order mark (without it Excel opens the
 * file as GBK and the Chinese turns to mojibake), CRLF line ends, RFC 4180 quoting.
 */
export interface Column<R> {
  header: string;
  value: (row: R) => string | number | null | undefined;
}

const BOM = '\uFEFF';

/** Quotes a field when it holds a comma, quote or line break; a leading =+-@ is defused (CSV injection). */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLines<R>(columns: readonly Column<R>[], rows: readonly R[]): string[] {
  return [columns.map((c) => csvField(c.header)).join(','), ...rows.map((r) => columns.map((c) => csvField(c.value(r))).join(','))];
}

/** Several titled tables in one file, separated by a blank line. */
export function csvDocument(sections: ReadonlyArray<{ title: string; lines: string[] }>): string {
  return BOM + sections.map((s) => [csvField(s.title), ...s.lines].join('\r\n')).join('\r\n\r\n') + '\r\n';
}
