/**
 * The report as tables: one definition of the columns, rendered to CSV (UTF-8 with BOM) and to
 * XLSX sheets (rates as numbers formatted 0.0 %, units marked under 003 §28(4) highlighted).
 */
import { UNIT_LEVEL_LABELS } from '@mashang/shared';
import { csvDocument, csvLines, type Column } from './csv';
import type { Report, ReportCategory, ReportUnit } from './service';
import type { HotspotWarning } from '../hotspots/service';
import { workbookBuffer, type CellValue, type SheetColumn, type SheetSpec } from './xlsx';

interface Table<R> {
  title: string;
  columns: ReadonlyArray<Column<R> & { numFmt?: string }>;
  rows: readonly R[];
}

const PCT = '0.0%';
const markText = (u: ReportUnit): string => (u.mark?.marked ? `排名靠后且低于最高分${Math.round(u.mark.ratioOfTop * 100)}%，建议约谈（${u.mark.cite ?? '003 §28(4)'}）` : '');

const UNIT_COLUMNS: Table<ReportUnit>['columns'] = [
  { header: '排名', value: (u) => u.rank, numFmt: '0' },
  { header: '单位', value: (u) => u.unitName },
  { header: '层级', value: (u) => UNIT_LEVEL_LABELS[u.level] },
  { header: '派单量', value: (u) => u.figures.received, numFmt: '0' },
  { header: '上期派单量', value: (u) => u.previousReceived, numFmt: '0' },
  { header: '响应率', value: (u) => u.rates.response, numFmt: PCT },
  { header: '解决率', value: (u) => u.rates.resolution, numFmt: PCT },
  { header: '满意率', value: (u) => u.rates.satisfaction, numFmt: PCT },
  { header: '按时办结率', value: (u) => u.rates.onTime, numFmt: PCT },
  { header: '回访率', value: (u) => u.rates.followUp, numFmt: PCT },
  { header: '平均办理天数', value: (u) => u.rates.averageDays, numFmt: '0.00' },
  { header: '综合得分', value: (u) => u.score, numFmt: '0.00' },
  { header: '上期得分', value: (u) => u.previousScore, numFmt: '0.00' },
  { header: '得分变化', value: (u) => u.scoreDelta, numFmt: '0.00' },
  { header: '排名分组', value: (u) => u.mark?.groupLabel ?? null },
  { header: '组内排名', value: (u) => (u.mark ? `${u.mark.rank}/${u.mark.groupSize}` : null) },
  { header: '占组内最高分', value: (u) => u.mark?.ofTop ?? null, numFmt: PCT },
  { header: '约谈提示', value: markText },
];

const CATEGORY_COLUMNS: Table<ReportCategory>['columns'] = [
  { header: '分类', value: (c) => c.label },
  { header: '件数', value: (c) => c.count, numFmt: '0' },
  { header: '占比', value: (c) => c.share, numFmt: PCT },
  { header: '上期件数', value: (c) => c.previousCount, numFmt: '0' },
  { header: '增减', value: (c) => c.delta, numFmt: '0' },
];

const WARNING_COLUMNS: Table<HotspotWarning>['columns'] = [
  { header: '事项', value: (w) => w.label },
  { header: '本周件数', value: (w) => w.current, numFmt: '0' },
  { header: '前4周周均', value: (w) => w.baseline, numFmt: '0.00' },
  { header: '倍数', value: (w) => w.ratio, numFmt: '0.00' },
];

type SummaryRow = [string, string | number | null];

function summary(r: Report): Table<SummaryRow> {
  const rows: SummaryRow[] = [
    ['报告', r.title],
    ['统计期间', r.period.label],
    ['对比期间', r.previous.label],
    ['受理诉求（件）', r.totals.received],
    ['上期受理诉求（件）', r.totals.previousReceived],
    ['增减（件）', r.totals.delta],
    ['适用规则', r.profile.label],
    ['综合得分口径', r.profile.scoring],
    ['排名约谈标准', r.ranking.note],
    ['预警规则', r.warningRule],
    ['生成时间', r.generatedAt],
  ];
  return { title: '概况', columns: [{ header: '项目', value: (x) => x[0] }, { header: '内容', value: (x) => x[1] }], rows };
}

function tables(r: Report): [Table<SummaryRow>, Table<ReportUnit>, Table<ReportCategory>, Table<HotspotWarning>] {
  return [summary(r), { title: '单位排名', columns: UNIT_COLUMNS, rows: r.units }, { title: '热点分类', columns: CATEGORY_COLUMNS, rows: r.topCategories }, { title: '预警', columns: WARNING_COLUMNS, rows: r.warnings }];
}

export function reportCsv(r: Report): string {
  const [s, u, c, w] = tables(r);
  return csvDocument([
    { title: s.title, lines: csvLines(s.columns, s.rows) },
    { title: u.title, lines: csvLines(u.columns, u.rows) },
    { title: c.title, lines: csvLines(c.columns, c.rows) },
    { title: w.title, lines: csvLines(w.columns, w.rows) },
  ]);
}

function sheet<R>(t: Table<R>, highlight?: (row: R) => boolean): SheetSpec {
  const columns: SheetColumn[] = t.columns.map((c) => ({ header: c.header, ...(c.numFmt ? { numFmt: c.numFmt } : {}) }));
  const rows = t.rows.map((row) => t.columns.map((c): CellValue => c.value(row) ?? null));
  const marked = new Set(t.rows.flatMap((row, i) => (highlight?.(row) ? [i] : [])));
  return { name: t.title, columns, rows, highlight: marked };
}

export async function reportXlsx(r: Report): Promise<Buffer> {
  const [s, u, c, w] = tables(r);
  const sheets = [sheet(s), sheet(u, (x) => Boolean(x.mark?.marked)), sheet(c), sheet(w)];
  return workbookBuffer(sheets, { title: r.title, creator: '码上反映·马上办理', created: new Date(r.generatedAt) });
}
