import { z } from 'zod';
import type { AppDeps } from '../app';
import { defineRoute, type RouteKit } from '../http/route';
import { RATE_FORMULAS, UNIT_COUNTS } from './rates';
import { overview, unitsReport } from './service';
import { instantOrDay, statsWindow } from './window';

const TAGS = ['stats'];

const figuresSchema = z.object({ ...Object.fromEntries(UNIT_COUNTS.map((k) => [k, z.number()])), workingDays: z.number(), timedReplies: z.number() });
const rate = z.number().nullable();
const ratesSchema = z.object({ response: rate, resolution: rate, satisfaction: rate, onTime: rate, followUp: rate, closure: rate, instantTransfer: rate, averageDays: rate });
const block = z.object({ figures: figuresSchema, rates: ratesSchema });
const unitStatsSchema = z.object({ unit: z.string(), unitName: z.string(), parent: z.string().nullable(), level: z.string().nullable(), depth: z.number(), figures: figuresSchema, rates: ratesSchema });

const windowQuery = { from: instantOrDay.optional(), to: instantOrDay.optional() };
const unitsQuery = z.strictObject({
  ...windowQuery,
  unit: z.string().regex(/^[0-9a-f]{24}$/, '单位编号格式不正确').optional(),
  weighting: z.enum(['standard', 'beijing']).default('standard'),
  rollup: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
});
const overviewQuery = z.strictObject(windowQuery);

const UNITS_DESCRIPTION = [
  'Figures per unit for the tickets submitted in [from, to) (days are Asia/Shanghai; `to` as a day is inclusive; default: this month so far).',
  'Counts: received/dispatched (dispatched to the unit as lead), signed (签收) and signedOnTime (within the profile `signFor`), dispatchedOnTime (platform: within the profile `dispatch` span), replied and repliedOnTime (current round), overdue (reply late or deadline passed while the unit owed it), overdueOpen (deadline passed and still unanswered now),',
  'closed, visitDue (reply approved: the platform owes a visit) and visited (the platform recorded a visit this round), satisfied/basic/unsatisfied (the current rating), returns/reopens/extensions/supervised (tickets with at least one such event at the unit).',
  `Rates (null when the denominator is 0): ${RATE_FORMULAS}.`,
  'rollup=true adds every unit below to each unit\'s figures. Handlers see their own unit\'s subtree only; `platform` (intake and tickets the platform answered itself) is shown to platform staff.',
].join(' ');

export function statsRoutes(kit: RouteKit, deps: AppDeps): void {
  defineRoute(
    kit,
    {
      method: 'get',
      path: '/api/admin/v1/stats/units',
      summary: 'Assessment figures and rates per unit (000 §28, 002 §27, 003 §26-28)',
      description: UNITS_DESCRIPTION,
      tags: TAGS,
      auth: 'staff',
      roles: ['supervisor', 'admin', 'operator', 'handler'],
      query: unitsQuery,
      responses: {
        200: { description: 'per unit, in tree order', schema: z.object({ from: z.string(), to: z.string(), weighting: z.string(), rollup: z.boolean(), items: z.array(unitStatsSchema), platform: block.nullable(), total: block }) },
        400: { description: 'VALIDATION_FAILED, STATS_WINDOW_INVALID, STATS_WINDOW_TOO_LONG' },
        403: { description: 'STATS_OUT_OF_SCOPE (a handler asking for a unit outside its subtree), STATS_NO_UNIT' },
        404: { description: 'UNIT_NOT_FOUND' },
      },
    },
    async (ctx, { query, actor }) => {
      const now = deps.clock.now();
      ctx.body = await unitsReport(deps.db, statsWindow(query, now), now, { unit: query.unit, weighting: query.weighting, rollup: query.rollup }, actor);
    },
  );
  defineRoute(
    kit,
    {
      method: 'get',
      path: '/api/admin/v1/stats/overview',
      summary: 'City-wide totals: tickets submitted in the window by status and by type, and how many are overdue now',
      tags: TAGS,
      auth: 'staff',
      roles: ['supervisor', 'admin', 'operator'],
      query: overviewQuery,
      responses: {
        200: { description: 'totals', schema: z.object({ from: z.string(), to: z.string(), received: z.number(), overdue: z.number(), byStatus: z.record(z.string(), z.number()), byType: z.record(z.string(), z.number()) }) },
        400: { description: 'VALIDATION_FAILED, STATS_WINDOW_INVALID, STATS_WINDOW_TOO_LONG' },
      },
    },
    async (ctx, { query }) => {
      const now = deps.clock.now();
      ctx.body = await overview(deps.db, statsWindow(query, now), now);
    },
  );
}
