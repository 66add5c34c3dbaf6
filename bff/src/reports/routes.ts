import { z } from 'zod';
import { reportParamsSchema, reportQuerySchema, type ReportFormat } from '@mashang/shared';
import type { Context } from 'koa';
import type { AppDeps } from '../app';
import { defineRoute, type RouteKit } from '../http/route';
import { attachmentDisposition } from './content-disposition';
import { reportCsv, reportXlsx } from './render';
import { buildReport, type Report } from './service';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const DESCRIPTION = [
  '周分析 (weekly, period `2026-W48`, ISO weeks), 月通报 (monthly, `2026-11`), 年总结 (yearly, `2026`) of 003 §19, in China time; default: the last complete period.',
  'Per-unit figures and rates are those of GET /stats/units for the period; the score is the average of the active profile\'s rate metrics × 100 (equal weights: 003 §26 names none).',
  'Monthly reports mark units ranked last in their 003 §28(4) group and under the profile\'s share of the group\'s best score (85 % / 80 % in pingdingshan).',
  'Top categories and rising matters come from the hot spots; every figure carries the previous period for comparison. format=csv (UTF-8 with BOM) or xlsx download with a Chinese file name (RFC 5987).',
].join(' ');

function send(ctx: Context, report: Report, format: ReportFormat, body: string | Buffer): void {
  const name = `${report.title}.${format}`;
  ctx.set('Content-Disposition', attachmentDisposition(name, `report-${report.kind}-${report.period.key}.${format}`));
  ctx.type = format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_TYPE;
  ctx.body = body;
}

export function reportRoutes(kit: RouteKit, deps: AppDeps): void {
  defineRoute(
    kit,
    {
      method: 'get',
      path: '/api/admin/v1/reports/:kind',
      summary: 'Weekly / monthly / yearly report with unit ranking, hot spots and the comparison (003 §19, §26-28)',
      description: DESCRIPTION,
      tags: ['stats'],
      auth: 'staff',
      roles: ['supervisor', 'admin', 'operator'],
      params: reportParamsSchema,
      query: reportQuerySchema,
      responses: {
        200: { description: 'the report (JSON), or a CSV / XLSX attachment', schema: z.object({ kind: z.string(), title: z.string(), units: z.array(z.object({ unit: z.string(), score: z.number().nullable() }).passthrough()) }).passthrough() },
        400: { description: 'VALIDATION_FAILED, PERIOD_INVALID' },
        422: { description: 'PERIOD_IN_FUTURE' },
      },
    },
    async (ctx, { params, query, actor }) => {
      const report = await buildReport({ db: deps.db, profile: deps.profile }, params.kind, query.period, deps.clock.now(), actor);
      if (query.format === 'json') ctx.body = report;
      else send(ctx, report, query.format, query.format === 'csv' ? reportCsv(report) : await reportXlsx(report));
    },
  );
}
