/** Response shape of GET /api/admin/v1/tickets/counts, for the OpenAPI document (counts.ts produces it). */
import { z } from 'zod';
import { TICKET_STATUSES, type TicketStatus } from '@mashang/shared';

const queueCount = (what: string) => z.number().int().min(0).describe(what);

/** GET /api/admin/v1/tickets/counts */
export const queueCounts = z.object({
  status: z.object(Object.fromEntries(TICKET_STATUSES.map((s) => [s, queueCount(`status ${s}`)])) as Record<TicketStatus, ReturnType<typeof queueCount>>).describe('tickets per status, every status listed'),
  dueSoon: queueCount('即将超期: still owed, due within the profile’s warning window'),
  overdue: queueCount('已超期: the due date passed while the unit still owes the reply'),
  visitOverdue: queueCount('回访超期: the visit window passed (003 §16)'),
  supervised: queueCount('督办: an open supervision record'),
  extensionPending: queueCount('延期申请: an extension request waiting for a decision'),
  returnPending: queueCount('退回申请: a return request waiting for the dispatcher'),
  reviewPending: queueCount('下级申请待审核: applications of the units below waiting for this unit (004 §8-9); for platform staff, for any unit'),
  total: queueCount('every ticket in scope under the filters'),
});
