import type { TicketView } from '../../../miniapp/src/services/types';

/** A citizen's view of a ticket as the BFF returns it (bff/src/tickets/view.ts); override what a test is about. */
export function buildTicket(overrides: Partial<TicketView> = {}): TicketView {
  return {
    no: '20260315-000042',
    type: 'complaint',
    status: 'handling',
    version: 4,
    channel: 'miniapp',
    content: '小区门口的路灯坏了一个月，晚上很黑。',
    attachments: [],
    location: { address: '白银区人民路 12 号' },
    statusLabel: '办理中',
    leadUnit: 'u1',
    leadUnitName: '白银区城市管理局',
    coUnits: [],
    dueAt: '2026-03-27T09:00:00.000Z',
    overdue: false,
    timeline: [
      { at: '2026-03-15T01:00:00.000Z', action: 'submit', actor: { kind: 'citizen' }, from: null, to: 'submitted' },
      { at: '2026-03-15T02:00:00.000Z', action: 'accept', actor: { kind: 'staff' }, from: 'submitted', to: 'accepted' },
      { at: '2026-03-15T03:00:00.000Z', action: 'dispatch', actor: { kind: 'staff' }, from: 'accepted', to: 'dispatched', note: '请城管局处理' },
      { at: '2026-03-16T01:00:00.000Z', action: 'sign', actor: { kind: 'staff', unitName: '白银区城市管理局' }, from: 'dispatched', to: 'handling' },
    ],
    result: null,
    rating: null,
    rejectReason: null,
    termination: null,
    allowedActions: ['withdraw'],
    createdAt: '2026-03-15T01:00:00.000Z',
    updatedAt: '2026-03-16T01:00:00.000Z',
    ...overrides,
  };
}
