/**
 * XLSX through exceljs: one worksheet per table, Chinese column names in a bold, frozen header
 * row, number formats per column (percentages as 0.0%, counts as integers), an auto filter.
 */
import ExcelJS from 'exceljs';

export type CellValue = string | number | null;

export interface SheetColumn {
  header: string;
  width?: number;
  /** Excel number format, e.g. `0`, `0.0%`, `0.00`. */
  numFmt?: string;
}

export interface SheetSpec {
  name: string;
  columns: readonly SheetColumn[];
  rows: ReadonlyArray<readonly CellValue[]>;
  /** Rows (0-based, in `rows`) to highlight, e.g. units under the ranking threshold. */
  highlight?: ReadonlySet<number>;
}

const HIGHLIGHT: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDE2E1' } };

function addSheet(book: ExcelJS.Workbook, spec: SheetSpec): void {
  const sheet = book.addWorksheet(spec.name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = spec.columns.map((c) => ({ header: c.header, width: c.width ?? Math.max(10, c.header.length * 2 + 2), style: c.numFmt ? { numFmt: c.numFmt } : {} }));
  sheet.getRow(1).font = { bold: true };
  spec.rows.forEach((values, i) => {
    const row = sheet.addRow([...values]);
    if (spec.highlight?.has(i)) row.eachCell((cell) => (cell.fill = HIGHLIGHT));
  });
  if (spec.columns.length) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: spec.columns.length } };
}

export async function workbookBuffer(sheets: readonly SheetSpec[], meta: { title: string; creator: string; created: Date }): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = meta.creator;
  book.title = meta.title;
  book.created = meta.created;
  for (const spec of sheets) addSheet(book, spec);
  return Buffer.from(await book.xlsx.writeBuffer());
}
