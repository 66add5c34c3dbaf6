import type { StaffRole } from '@mashang/shared';
import type { QueueCounts, TicketListQuery } from '../../api/types';

/** One work queue: a saved filter of the admin list API, its count, offered to the roles that work it. */
export interface Queue {
  key: string;
  label: string;
  query: TicketListQuery;
  roles: readonly StaffRole[];
  /** Its number in GET /api/admin/v1/tickets/counts (the same scope and filters as its list). */
  count(c: QueueCounts): number;
  /** Shown in red: work that is late or pressed. */
  alarm?: boolean;
  /** Offered only while it holds something (a queue most cities' processes never fill). */
  hideWhenEmpty?: boolean;
}

const status = (s: keyof QueueCounts['status']) => (c: QueueCounts) => c.status[s];

/** The queues of the 12345 desk habits. */
export const QUEUES: readonly Queue[] = [
  { key: 'submitted', label: '待受理', query: { status: 'submitted' }, roles: ['operator', 'admin'], count: status('submitted') },
  { key: 'supplementing', label: '待补充材料', query: { status: 'supplementing' }, roles: ['operator'], count: status('supplementing') },
  { key: 'accepted', label: '待派单', query: { status: 'accepted' }, roles: ['dispatcher', 'admin'], count: status('accepted') },
  { key: 'returnPending', label: '退回申请', query: { returnPending: 'true' }, roles: ['dispatcher', 'admin'], count: (c) => c.returnPending },
  // 004 §8-9 (profiles with bottomUp): the applications of the units below wait for the unit above.
  { key: 'reviewPending', label: '下级申请待审核', query: { reviewPending: 'true' }, roles: ['handler'], count: (c) => c.reviewPending, hideWhenEmpty: true },
  { key: 'dispatched', label: '待签收', query: { status: 'dispatched' }, roles: ['handler', 'dispatcher', 'supervisor'], count: status('dispatched') },
  { key: 'handling', label: '办理中', query: { status: 'handling' }, roles: ['handler', 'dispatcher', 'supervisor'], count: status('handling') },
  { key: 'replied', label: '待审核', query: { status: 'replied' }, roles: ['operator', 'admin'], count: status('replied') },
  { key: 'visiting', label: '待回访', query: { status: 'visiting' }, roles: ['visitor', 'operator'], count: status('visiting') },
  { key: 'visitOverdue', label: '回访超期', query: { visitOverdue: 'true' }, roles: ['visitor', 'operator'], count: (c) => c.visitOverdue, alarm: true },
  { key: 'dueSoon', label: '即将超期', query: { dueSoon: 'true' }, roles: ['supervisor', 'dispatcher', 'handler', 'admin'], count: (c) => c.dueSoon, alarm: true },
  { key: 'overdue', label: '已超期', query: { overdue: 'true' }, roles: ['supervisor', 'dispatcher', 'handler', 'admin'], count: (c) => c.overdue, alarm: true },
  { key: 'supervised', label: '督办', query: { supervised: 'true' }, roles: ['supervisor', 'dispatcher', 'handler', 'admin'], count: (c) => c.supervised, alarm: true },
  { key: 'extensionPending', label: '延期申请', query: { extensionPending: 'true' }, roles: ['supervisor', 'handler', 'admin'], count: (c) => c.extensionPending },
  { key: 'all', label: '全部工单', query: {}, roles: ['admin', 'operator', 'dispatcher', 'handler', 'supervisor', 'visitor'], count: (c) => c.total },
];

/** The queues of these roles; with counts known, those hidden while empty are left out. */
export function queuesFor(roles: readonly string[], counts?: QueueCounts | null): Queue[] {
  return QUEUES.filter((q) => q.roles.some((r) => roles.includes(r)) && !(q.hideWhenEmpty && (!counts || q.count(counts) === 0)));
}
