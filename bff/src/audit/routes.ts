import { z } from 'zod';
import { isoDateOrDateTimeSchema } from '@mashang/shared';
import { parseChinaDate } from '../text/china-date';
import type { AppDeps } from '../app';
import { defineRoute, type RouteKit } from '../http/route';
import { listAudit } from './service';
import { pageQuery } from './paging';

const auditQuery = z
  .object({
    actor: z.string().min(1).max(64).optional(),
    action: z.string().min(1).max(64).optional(),
    targetType: z.string().min(1).max(32).optional(),
    targetId: z.string().min(1).max(64).optional(),
    from: isoDateOrDateTimeSchema.transform(parseChinaDate).optional(),
    to: isoDateOrDateTimeSchema.transform(parseChinaDate).optional(),
    ...pageQuery,
  })
  .strict();

const auditItem = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.object({ kind: z.string(), id: z.string(), name: z.string().optional() }),
  action: z.string(),
  target: z.object({ type: z.string(), id: z.string() }),
  details: z.record(z.string(), z.unknown()).optional(),
});

export function auditRoutes(kit: RouteKit, deps: AppDeps): void {
  defineRoute(
    kit,
    {
      method: 'get',
      path: '/api/admin/v1/audit',
      summary: 'Audit trail of admin writes and unmasked reads (newest first)',
      tags: ['audit'],
      auth: 'staff',
      roles: ['admin'],
      query: auditQuery,
      responses: { 200: { description: 'a page of audit entries', schema: z.object({ items: z.array(auditItem), nextCursor: z.string().nullable() }) } },
    },
    async (ctx, { query }) => {
      ctx.body = await listAudit(deps.db, query);
    },
  );
}
