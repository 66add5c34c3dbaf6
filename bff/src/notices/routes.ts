import { z } from 'zod';
import { STAFF_NOTICE_KINDS, STAFF_NOTICE_LEVELS, TICKET_TYPES, queryBooleanSchema } from '@mashang/shared';
import type { AppDeps } from '../app';
import { defineRoute, type RouteKit } from '../http/route';
import { listInbox, markAllNoticesRead, markNoticeRead } from './service';

const TAGS = ['notices'];

export const staffNoticeSchema = z.object({
  id: z.string().describe('opaque; use it in …/notices/{id}/read'),
  kind: z.enum(STAFF_NOTICE_KINDS).describe('the ticket event (`dispatched`, `supervised`…), `risk-warning` (000 §20), or what the sweeper saw: `due-soon`, `overdue`, `visit-overdue`, `<step>-missed`'),
  level: z.enum(STAFF_NOTICE_LEVELS).describe('`urgent`: an emergency (risk warning, 003 §8 D); `warning`: a deadline, 督办, a refusal; `info`: the rest'),
  title: z.string().describe('「【类型】what happened」; never the citizen’s words'),
  note: z.string().nullable().describe('the note of the step (a staff member’s or the system’s), or why the warning was raised'),
  ticketNo: z.string().describe('the ticket: GET /api/admin/v1/tickets/{ticketNo}'),
  ticketType: z.enum(TICKET_TYPES),
  to: z.object({ kind: z.enum(['staff', 'unit', 'role']), id: z.string() }).describe('addressed to this member, to their unit, or to one of their roles on the platform'),
  deadline: z.string().nullable().describe('the deadline the notice is about (due soon, overdue, a missed step)'),
  cite: z.string().nullable().describe('the article it rests on, e.g. `002 §19(2)`'),
  createdAt: z.string(),
  readAt: z.string().nullable().describe('when the signed-in member read it; null: unread'),
});

const EXAMPLE = {
  id: 'stage-reply-missed:20261124-000123:1:unit:65f0c0ffee0000000000000a',
  kind: 'stage-reply-missed',
  level: 'warning',
  title: '【投诉】阶段性答复已逾期',
  note: '阶段性答复应于 2026-12-01 17:59 前反馈（002 §19(2)）',
  ticketNo: '20261124-000123',
  ticketType: 'complaint',
  to: { kind: 'unit', id: '65f0c0ffee0000000000000a' },
  deadline: '2026-12-01T09:59:59.999Z',
  cite: '002 §19(2)',
  createdAt: '2026-12-01T10:01:00.000Z',
  readAt: null,
};

const listQuery = z.strictObject({
  unread: queryBooleanSchema.optional().describe('true: only notices the signed-in member has not read'),
  cursor: z.string().regex(/^[A-Za-z0-9_-]{1,600}$/, '分页游标格式不正确').optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
const idParams = z.strictObject({ id: z.string().regex(/^[A-Za-z0-9:_.-]{1,300}$/, '通知编号格式不正确') });
const unreadCount = z.number().int().min(0).describe('notices of this member still unread, after the call');

export function noticeRoutes(kit: RouteKit, deps: AppDeps): void {
  defineRoute(
    kit,
    {
      method: 'get',
      path: '/api/admin/v1/notices',
      summary: 'The signed-in staff member’s notices (staff inbox), newest first',
      description:
        'Notices addressed to the member, to their unit, or to any of their roles on the platform: new work (派单, 退回/延期申请, 答复待审核…), 督办 (000 §22(1) 系统催办), risk warnings for emergencies (000 §20; before a unit is assigned they reach dispatchers and supervisors), due-soon and overdue warnings, overdue visits (003 §16) and missed intermediate deadlines (`<step>-missed`: acceptance notice, dispatch, sign-for, class C plan and its deadline, stage reply, weekly progress while extended, co-unit results, supplement). Read state is per member. `unreadCount` counts the whole inbox, not the page.',
      tags: TAGS,
      auth: 'staff',
      query: listQuery,
      responses: {
        200: {
          description: 'a page',
          schema: z.object({ items: z.array(staffNoticeSchema), nextCursor: z.string().nullable(), unreadCount }),
          example: { items: [EXAMPLE], nextCursor: null, unreadCount: 1 },
        },
      },
    },
    async (ctx, { query, actor }) => {
      ctx.body = await listInbox(deps, actor, query);
    },
  );
  defineRoute(
    kit,
    {
      method: 'post',
      path: '/api/admin/v1/notices/read-all',
      summary: 'Mark every notice of the signed-in member read',
      tags: TAGS,
      auth: 'staff',
      responses: { 200: { description: 'how many were unread', schema: z.object({ marked: z.number().int().min(0), unreadCount }), example: { marked: 3, unreadCount: 0 } } },
    },
    async (ctx, { actor }) => {
      ctx.body = await markAllNoticesRead(deps, actor);
    },
  );
  defineRoute(
    kit,
    {
      method: 'post',
      path: '/api/admin/v1/notices/:id/read',
      summary: 'Mark one notice read (again: unchanged)',
      tags: TAGS,
      auth: 'staff',
      params: idParams,
      responses: {
        200: { description: 'the notice, read', schema: z.object({ notice: staffNoticeSchema, unreadCount }), example: { notice: { ...EXAMPLE, readAt: '2026-12-01T10:05:00.000Z' }, unreadCount: 0 } },
        404: { description: 'NOTICE_NOT_FOUND (unknown, or addressed to somebody else)' },
      },
    },
    async (ctx, { params, actor }) => {
      ctx.body = await markNoticeRead(deps, actor, params.id);
    },
  );
}
