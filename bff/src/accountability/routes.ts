import { z } from 'zod';
import { PERIOD_PATTERNS, TEXT_LIMITS, text } from '@mashang/shared';
import type { AppDeps } from '../app';
import { defineRoute, type RouteKit } from '../http/route';
import { INTERVIEW_GROUND_LABELS, INTERVIEW_GROUNDS, type InterviewDoc, type RankingPublicationDoc } from './model';
import { accountabilityAt, chinaDate, listInterviews, listPublishedRankings, publishedRanking, publishRanking, recordInterview } from './service';

const TAGS = ['accountability'];
const WRITERS = ['supervisor', 'admin'] as const;
const month = z.string().regex(PERIOD_PATTERNS.monthly, '月份格式如 2026-11');
const unitId = z.string().regex(/^[0-9a-f]{24}$/, '单位编号格式不正确');
const day = z.string().regex(/^20\d{2}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, '日期格式如 2026-11-30');
const staffRef = z.object({ id: z.string(), name: z.string().optional() });

const publishedUnit = z.object({ unit: z.string(), unitName: z.string(), score: z.number(), rank: z.number().int(), ofTop: z.number().nullable(), marked: z.boolean() });
const rankingSchema = z.object({
  period: z.string(),
  title: z.string(),
  from: z.string(),
  to: z.string(),
  scoring: z.string(),
  groups: z.array(z.object({ group: z.string(), label: z.string(), cite: z.string().nullable(), lastN: z.number().int(), ratioOfTop: z.number(), units: z.array(publishedUnit) })),
  note: z.string(),
  publishedAt: z.string(),
  publishedBy: staffRef,
});
const interviewSchema = z.object({
  id: z.string(),
  unit: z.string(),
  unitName: z.string(),
  ground: z.enum(INTERVIEW_GROUNDS),
  groundLabel: z.string(),
  period: z.string(),
  heldOn: z.string(),
  interviewer: z.string(),
  interviewee: z.string(),
  note: z.string(),
  recordedAt: z.string(),
  recordedBy: staffRef,
});
const escalationSchema = z.object({ step: z.string(), label: z.string(), cite: z.string().nullable(), cumulative: z.number().int(), consecutive: z.number().int(), reached: z.boolean() });
const accountabilitySchema = z.object({
  period: z.string(),
  units: z.array(z.object({ unit: z.string(), unitName: z.string(), interviews: z.number().int(), escalations: z.array(escalationSchema) })),
  pending: z.array(z.object({ unit: z.string(), unitName: z.string(), period: z.string(), group: z.string() })),
});

const rankingView = (d: RankingPublicationDoc): z.infer<typeof rankingSchema> => ({
  period: d._id,
  title: d.label,
  from: d.from.toISOString(),
  to: d.to.toISOString(),
  scoring: d.scoring,
  groups: d.groups,
  note: d.note,
  publishedAt: d.publishedAt.toISOString(),
  publishedBy: d.publishedBy,
});
const interviewView = ({ _id, recordedAt, ...d }: InterviewDoc): z.infer<typeof interviewSchema> => ({ id: _id, ...d, groundLabel: INTERVIEW_GROUND_LABELS[d.ground], recordedAt: recordedAt.toISOString() });

const periodParams = z.strictObject({ period: month });
const publishBody = z.strictObject({ note: text(TEXT_LIMITS.note, 0).default('') });
const interviewBody = z.strictObject({
  unit: unitId,
  ground: z.enum(INTERVIEW_GROUNDS),
  period: month.optional(),
  heldOn: day.optional(),
  interviewer: text(100),
  interviewee: text(100),
  note: text(TEXT_LIMITS.note, 0).default(''),
});
const OFF = '422 RANKING_NOT_IN_PROFILE on a profile without a ranking (003 §26-28), INTERVIEWS_NOT_IN_PROFILE on one without `interviewGrounds` (003 §28, 000 §26)';

function rankingRoutes(kit: RouteKit, deps: AppDeps): void {
  defineRoute(
    kit,
    {
      method: 'post',
      path: '/api/admin/v1/rankings/:period/publish',
      summary: 'Publish the monthly ranking (月通报, 003 §26): the 003 §28(4) groups, scores and marks as the monthly report ranks them now, kept as a record',
      description: `Once per month, after the month is over. ${OFF}.`,
      tags: TAGS,
      auth: 'staff',
      roles: WRITERS,
      params: periodParams,
      body: publishBody,
      responses: {
        201: { description: 'published', schema: z.object({ ranking: rankingSchema }) },
        409: { description: 'RANKING_ALREADY_PUBLISHED' },
        422: { description: 'PERIOD_NOT_OVER, RANKING_NOT_IN_PROFILE' },
      },
    },
    async (ctx, { params, body, actor }) => {
      ctx.status = 201;
      ctx.body = { ranking: rankingView(await publishRanking(deps, params.period, body.note, deps.clock.now(), actor)) };
    },
  );
  defineRoute(
    kit,
    { method: 'get', path: '/api/admin/v1/rankings', summary: 'Published monthly rankings, newest first (003 §26)', tags: TAGS, auth: 'staff', responses: { 200: { description: 'the publications', schema: z.object({ items: z.array(rankingSchema) }) } } },
    async (ctx) => {
      ctx.body = { items: (await listPublishedRankings(deps.db)).map(rankingView) };
    },
  );
  defineRoute(
    kit,
    { method: 'get', path: '/api/admin/v1/rankings/:period', summary: 'One published monthly ranking (003 §26), readable by every staff member', tags: TAGS, auth: 'staff', params: periodParams, responses: { 200: { description: 'the publication', schema: z.object({ ranking: rankingSchema }) }, 404: { description: 'RANKING_NOT_PUBLISHED' } } },
    async (ctx, { params }) => {
      ctx.body = { ranking: rankingView(await publishedRanking(deps.db, params.period)) };
    },
  );
}

function interviewRoutes(kit: RouteKit, deps: AppDeps): void {
  defineRoute(
    kit,
    {
      method: 'post',
      path: '/api/admin/v1/interviews',
      summary: 'Record an interview (约谈) of a unit (003 §27-28)',
      description: `ground \`ranking\` (003 §28(4)) needs \`period\`, a published ranking of that month marking the unit, and is recorded once per unit and month; the others count for the month they were held (heldOn, default today). ${OFF}.`,
      tags: TAGS,
      auth: 'staff',
      roles: WRITERS,
      body: interviewBody,
      bodyExample: { unit: '0123456789abcdef01234567', ground: 'ranking', period: '2026-11', interviewer: '市政府办公室副主任', interviewee: '分管副区长', note: '' },
      responses: {
        201: { description: 'recorded, with the unit’s escalations at the interview’s month', schema: z.object({ interview: interviewSchema, accountability: accountabilitySchema }) },
        404: { description: 'UNIT_NOT_FOUND' },
        409: { description: 'INTERVIEW_EXISTS' },
        422: { description: 'PERIOD_REQUIRED, RANKING_NOT_PUBLISHED, UNIT_NOT_MARKED, INTERVIEWS_NOT_IN_PROFILE, GROUND_NOT_IN_PROFILE (a ground the active profile’s `interviewGrounds` does not list: 003 §28 on pingdingshan, 000 §26 工作不力 / 诉求反映集中 on baiyin)' },
      },
    },
    async (ctx, { body, actor }) => {
      const interview = await recordInterview(deps, body, deps.clock.now(), actor);
      ctx.status = 201;
      ctx.body = { interview: interviewView(interview), accountability: await accountabilityAt(deps, interview.period, interview.unit) };
    },
  );
  defineRoute(
    kit,
    { method: 'get', path: '/api/admin/v1/interviews', summary: 'Recorded interviews (约谈), newest month first', tags: TAGS, auth: 'staff', query: z.strictObject({ unit: unitId.optional(), period: month.optional() }), responses: { 200: { description: 'the interviews', schema: z.object({ items: z.array(interviewSchema) }) } } },
    async (ctx, { query }) => {
      ctx.body = { items: (await listInterviews(deps.db, query)).map(interviewView) };
    },
  );
  defineRoute(
    kit,
    {
      method: 'get',
      path: '/api/admin/v1/accountability',
      summary: 'Escalations reached by the recorded interviews (003 §28(5) 约谈主要领导, §29(2) 公开表态发言并取消评先资格) and the marked units not yet interviewed',
      description: `At the month \`period\` (default: this month), over each rule's window of months ending with it. ${OFF}.`,
      tags: TAGS,
      auth: 'staff',
      query: z.strictObject({ period: month.optional(), unit: unitId.optional() }),
      responses: { 200: { description: 'per unit interviewed, and pending interviews', schema: accountabilitySchema }, 422: { description: 'INTERVIEWS_NOT_IN_PROFILE' } },
    },
    async (ctx, { query }) => {
      ctx.body = await accountabilityAt(deps, query.period ?? chinaDate(deps.clock.now()).slice(0, 7), query.unit);
    },
  );
}

export function accountabilityRoutes(kit: RouteKit, deps: AppDeps): void {
  rankingRoutes(kit, deps);
  interviewRoutes(kit, deps);
}
