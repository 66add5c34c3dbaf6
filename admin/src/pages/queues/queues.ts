import type { StaffRole } from '@mashang/shared';
import type { TicketListQuery } from '../../api/types';

/** One work queue: a saved filter of the admin list API, offered to the roles that work it. */
export interface Queue {
  key: string;
  label: string;
  query: TicketListQuery;
  roles: readonly StaffRole[];
}

/** The queues of the 12345 desk habits, as far as the list API filters them (status, overdue). */
export const QUEUES: readonly Queue[] = [
  { key: 'submitted', label: '待受理', query: { status: 'submitted' }, roles: ['operator', 'admin'] },
  { key: 'supplementing', label: '待补充材料', query: { status: 'supplementing' }, roles: ['operator'] },
  { key: 'accepted', label: '待派单', query: { status: 'accepted' }, roles: ['dispatcher', 'admin'] },
  { key: 'returning', label: '退回申请', query: { status: 'returning' }, roles: ['dispatcher', 'admin'] },
  { key: 'dispatched', label: '待签收', query: { status: 'dispatched' }, roles: ['handler', 'dispatcher', 'supervisor'] },
  { key: 'handling', label: '办理中', query: { status: 'handling' }, roles: ['handler', 'dispatcher', 'supervisor'] },
  { key: 'replied', label: '待审核', query: { status: 'replied' }, roles: ['operator', 'admin'] },
  { key: 'visiting', label: '待回访', query: { status: 'visiting' }, roles: ['visitor', 'operator'] },
  { key: 'overdue', label: '已超期', query: { overdue: 'true' }, roles: ['supervisor', 'dispatcher', 'handler', 'admin'] },
  { key: 'all', label: '全部工单', query: {}, roles: ['admin', 'operator', 'dispatcher', 'handler', 'supervisor', 'visitor'] },
];

export function queuesFor(roles: readonly string[]): Queue[] {
  return QUEUES.filter((q) => q.roles.some((r) => roles.includes(r)));
}
