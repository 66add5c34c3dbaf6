import { z } from 'zod';
import { hotspotsQuerySchema } from '@mashang/shared';
import type { AppDeps } from '../app';
import { defineRoute, type RouteKit } from '../http/route';
import { statsWindow } from '../stats/window';
import { hotspotScope } from './scope';
import { hotspots } from './service';
import { describeRule, DEFAULT_TREND_RULE } from './trend';

const bucketSchema = z.object({ key: z.string().nullable(), label: z.string(), count: z.number(), share: z.number() });
const warningSchema = z.object({
  dimension: z.string(),
  key: z.string().nullable(),
  label: z.string(),
  current: z.number(),
  baseline: z.number(),
  ratio: z.number().nullable(),
  zScore: z.number(),
  from: z.string(),
  to: z.string(),
});
const reportSchema = z.object({ by: z.string(), from: z.string(), to: z.string(), total: z.number(), buckets: z.array(bucketSchema), warnings: z.array(warningSchema), rule: z.string(), approximate: z.boolean() });

const DESCRIPTION = [
  'Tickets submitted in [from, to) (Asia/Shanghai days, `to` as a day inclusive; default this month so far) counted by category (dispatch catalogue; tickets without a confirmed category are classified from their text), region, code point (scene), type, lead unit or ISO week.',
  `Early warnings (000 §21, 001 §27) compare the window's last 7 days with the 4 weeks before, per category (per the chosen dimension unless by=week): ${describeRule(DEFAULT_TREND_RULE, '周')}.`,
  'Handlers see their own unit subtree only; `unit=` narrows to a subtree (lead or co-unit).',
].join(' ');

export function hotspotRoutes(kit: RouteKit, deps: AppDeps): void {
  defineRoute(
    kit,
    {
      method: 'get',
      path: '/api/admin/v1/stats/hotspots',
      summary: 'Hot spots and rising-trend warnings (000 §21, 001 §27, 002 §36, 004 §16)',
      description: DESCRIPTION,
      tags: ['stats'],
      auth: 'staff',
      roles: ['supervisor', 'admin', 'operator', 'dispatcher', 'handler'],
      query: hotspotsQuerySchema,
      responses: {
        200: { description: 'buckets, most tickets first (weeks in order), and warnings', schema: reportSchema },
        400: { description: 'VALIDATION_FAILED, STATS_WINDOW_INVALID, STATS_WINDOW_TOO_LONG' },
        403: { description: 'STATS_OUT_OF_SCOPE, STATS_NO_UNIT' },
        404: { description: 'UNIT_NOT_FOUND' },
      },
    },
    async (ctx, { query, actor }) => {
      const now = deps.clock.now();
      const scope = await hotspotScope(deps.db, actor, query.unit);
      ctx.body = await hotspots(deps.db, { window: statsWindow(query, now), by: query.by, scope, top: query.top });
    },
  );
}
