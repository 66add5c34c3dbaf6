import { z } from 'zod';
import { regulationProfileSchema, slaPreview, slaPreviewQuerySchema, STAFF_ROLES } from '@mashang/shared';
import type { AppDeps } from '../app';
import { defineRoute, type RouteKit } from '../http/route';
import { parseChinaDate } from '../text';

const span = z.object({ unit: z.enum(['workingDays', 'clockHours']), value: z.number(), cite: z.string().optional(), platformDefault: z.boolean().optional(), overridden: z.boolean().optional(), note: z.string().optional() }).nullable();
const date = z.string().nullable();
const previewSchema = z.object({
  profile: z.object({ name: z.string(), label: z.string(), regulation: z.string() }),
  start: z.string(),
  deadlines: z.object({ acceptanceNotice: date, dispatch: date, sign: date.optional(), plan: date, stageReply: date, coResult: date, final: date, dueAt: date, followUp: date, calendarIncomplete: z.boolean() }),
  rules: z.object({ acceptanceNotice: span, dispatch: span, signFor: span.optional(), plan: span, stageReply: span, final: span, followUp: span, clockStart: z.object({ value: z.string(), cite: z.string().optional() }).loose() }),
});

/** GET /api/admin/v1/sla/preview — the deadlines the active profile gives a new request; GET …/sla/profile — the profile itself. */
export function slaRoutes(kit: RouteKit, deps: AppDeps): void {
  defineRoute(
    kit,
    {
      method: 'get',
      path: '/api/admin/v1/sla/profile',
      summary: 'The active regulation profile, PROFILE_OVERRIDES applied: every time limit and capability with its article (`cite`) or `platformDefault`',
      description: 'What the workbench offers follows from it (interview grounds, the 涉企 track, bottom-up review, reject and termination reasons…). The same values the BFF enforces.',
      tags: ['sla'],
      auth: 'staff',
      roles: STAFF_ROLES,
      responses: { 200: { description: 'the profile', schema: z.object({ profile: regulationProfileSchema }) } },
    },
    (ctx) => {
      ctx.body = { profile: deps.profile };
    },
  );

  defineRoute(
    kit,
    {
      method: 'get',
      path: '/api/admin/v1/sla/preview',
      summary: 'Deadlines the active regulation profile gives a request of this type (class, channel) submitted, accepted and dispatched at `start`',
      description: 'A date `start` means 00:00 China time. Working days follow the national calendar with 调休 (plus CALENDAR_FILE); each rule carries its article (`cite`) or `platformDefault`.',
      tags: ['sla'],
      auth: 'staff',
      roles: STAFF_ROLES,
      query: slaPreviewQuerySchema,
      responses: { 200: { description: 'the deadlines and the rules behind them', schema: previewSchema } },
    },
    (ctx, { query }) => {
      const start = parseChinaDate(query.start);
      const { rules, ...deadlines } = slaPreview(deps.profile, query.type, start, deps.calendar, query.class ?? null, query.channel);
      const { name, label, regulation } = deps.profile;
      ctx.body = { profile: { name, label, regulation }, start, deadlines, rules };
    },
  );
}
