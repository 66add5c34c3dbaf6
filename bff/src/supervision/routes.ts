import { z } from 'zod';
import { SUPERVISION_MEANS, SUPERVISION_TRIGGERS, TEXT_LIMITS, text } from '@mashang/shared';
import type { AppDeps } from '../app';
import { defineRoute, type RouteKit } from '../http/route';
import { SUPERVISION_STATUSES } from './model';
import { listSupervisionRecords, supervisionForStaff, supervisionViews } from './queries';
import { resolveSupervision } from './service';
import { escalateWithTicket } from './escalate';

const TAGS = ['supervision'];
const READERS = ['supervisor', 'admin', 'operator', 'handler'] as const;

const stepSchema = z.object({ note: z.string(), by: z.object({ kind: z.string(), id: z.string(), name: z.string().optional() }), at: z.string() }).nullable();
export const supervisionSchema = z.object({
  id: z.string(),
  ticketNo: z.string().nullable(),
  unit: z.string().nullable(),
  unitName: z.string().nullable(),
  trigger: z.enum(SUPERVISION_TRIGGERS),
  triggerLabel: z.string(),
  means: z.enum(SUPERVISION_MEANS),
  meansLabel: z.string(),
  note: z.string(),
  by: z.object({ kind: z.string(), id: z.string(), name: z.string().optional() }),
  at: z.string(),
  dueAt: z.string().nullable(),
  status: z.enum(SUPERVISION_STATUSES),
  round: z.number(),
  automatic: z.boolean(),
  related: z.array(z.string()),
  resolution: stepSchema,
  escalation: stepSchema,
  version: z.number(),
});

const idParams = z.strictObject({ id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9:_-]{0,160}$/, '督办记录编号格式不正确') });
const listQuery = z.strictObject({
  status: z.enum(SUPERVISION_STATUSES).optional(),
  unit: z.string().regex(/^[0-9a-f]{24}$/, '单位编号格式不正确').optional(),
  trigger: z.enum(SUPERVISION_TRIGGERS).optional(),
  ticketNo: z.string().regex(/^\d{8}-\d{6,9}$/, '工单编号格式不正确').optional(),
  cursor: z.string().regex(/^[0-9a-f]{24}$/, '分页游标格式不正确').optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
const noteBody = z.strictObject({ note: text(TEXT_LIMITS.note) });
const one = z.object({ supervision: supervisionSchema });
const NOT_FOUND = { 404: { description: 'SUPERVISION_NOT_FOUND' } };
const CLOSE_ERRORS = { ...NOT_FOUND, 409: { description: 'SUPERVISION_NOT_OPEN (already resolved or escalated), SUPERVISION_CHANGED (lost a race)' } };

function readRoutes(kit: RouteKit, deps: AppDeps): void {
  defineRoute(
    kit,
    {
      method: 'get',
      path: '/api/admin/v1/supervisions',
      summary: '督办 records (000 §22-24), newest first',
      description: 'Platform staff (supervisor, admin, operator) see every record; a handler only records of tickets its unit leads or co-handles.',
      tags: TAGS,
      auth: 'staff',
      roles: READERS,
      query: listQuery,
      responses: { 200: { description: 'a page', schema: z.object({ items: z.array(supervisionSchema), nextCursor: z.string().nullable() }) } },
    },
    async (ctx, { query, actor }) => {
      ctx.body = await listSupervisionRecords(deps.db, query, actor);
    },
  );
  defineRoute(
    kit,
    { method: 'get', path: '/api/admin/v1/supervisions/:id', summary: 'One 督办 record', tags: TAGS, auth: 'staff', roles: READERS, params: idParams, responses: { 200: { description: 'the record', schema: one }, ...NOT_FOUND } },
    async (ctx, { params, actor }) => {
      const record = await supervisionForStaff(deps.db, params.id, actor);
      ctx.body = { supervision: (await supervisionViews(deps.db, [record]))[0] };
    },
  );
}

function writeRoutes(kit: RouteKit, deps: AppDeps): void {
  defineRoute(
    kit,
    { method: 'post', path: '/api/admin/v1/supervisions/:id/resolve', summary: 'Close an open 督办 record as resolved, with a note', tags: TAGS, auth: 'staff', roles: ['supervisor'], params: idParams, body: noteBody, responses: { 200: { description: 'resolved', schema: one }, ...CLOSE_ERRORS } },
    async (ctx, { params, body, actor }) => {
      await supervisionForStaff(deps.db, params.id, actor);
      const record = await resolveSupervision(deps, params.id, body.note, actor);
      ctx.body = { supervision: (await supervisionViews(deps.db, [record]))[0] };
    },
  );
  defineRoute(
    kit,
    { method: 'post', path: '/api/admin/v1/supervisions/:id/escalate', summary: 'Hand an unresolved 督办 record to 政务督查 (000 §24)', description: 'The record becomes escalated; its ticket, if still open, gets the `supervise` action with means `inspection` (timeline entry, supervision.escalated, and a 政务督查 record of its own).', tags: TAGS, auth: 'staff', roles: ['supervisor'], params: idParams, body: noteBody, responses: { 200: { description: 'escalated', schema: one }, ...CLOSE_ERRORS } },
    async (ctx, { params, body, actor }) => {
      const record = await supervisionForStaff(deps.db, params.id, actor);
      const escalated = await escalateWithTicket(deps, record, body.note, actor);
      ctx.body = { supervision: (await supervisionViews(deps.db, [escalated]))[0] };
    },
  );
}

export function supervisionRoutes(kit: RouteKit, deps: AppDeps): void {
  readRoutes(kit, deps);
  writeRoutes(kit, deps);
}
