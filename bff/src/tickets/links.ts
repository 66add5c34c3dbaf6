import { STATE_MACHINE, type TicketAction } from '@mashang/shared';

/**
 * OpenAPI links of the ticket loop (create → read → act): which operation a client, or a
 * stateful tester, can call next with the ticket number of an answer.
 */
const byNo = { no: '$response.body#/ticket/no' };

export const OPERATION_IDS = {
  citizenSubmit: 'citizen-submit-ticket',
  citizenGet: 'citizen-get-ticket',
  staffCreate: 'staff-create-ticket',
  staffGet: 'staff-get-ticket',
} as const;

export const citizenActionId = (action: TicketAction) => `citizen-${action}`;
export const staffActionId = (action: TicketAction) => `staff-${action}`;

/** Links from an answer carrying `ticket` in `status` to reading it and to each action allowed from there. */
export function ticketLinks(who: 'citizen' | 'staff', actions: readonly TicketAction[], from: readonly string[]) {
  const links: Record<string, { operationId: string; parameters: Record<string, string>; description: string }> = {
    read: { operationId: who === 'citizen' ? OPERATION_IDS.citizenGet : OPERATION_IDS.staffGet, parameters: byNo, description: 'read the ticket' },
  };
  for (const action of actions) {
    if (!STATE_MACHINE[action].from.some((s) => from.includes(s))) continue;
    links[action] = { operationId: who === 'citizen' ? citizenActionId(action) : staffActionId(action), parameters: byNo, description: `then ${action}` };
  }
  return links;
}

/** Request examples of the main operations (valid against their schemas; tested). */
export const ACTION_EXAMPLES: Partial<Record<TicketAction, unknown>> = {
  accept: { class: 'B', note: '属实，受理' },
  reject: { reasonCode: 'petition', note: '信访部门已受理，请关注信访答复' },
  dispatch: { leadUnit: '6b11bc4e6f013598ec567686', note: '请于时限内办理' },
  sign: { note: '已签收' },
  reply: { result: '已安排人员于11月25日修复路灯，经现场查看已恢复照明。' },
  review: { approve: true },
  visit: { answered: true, satisfaction: 'satisfied', note: '市民表示路灯已修好' },
  rate: { satisfaction: 'satisfied', comment: '处理及时，谢谢' },
  'request-extension': { workingDays: 5, reason: '需协调供电部门更换线路' },
};

export const SUBMIT_EXAMPLE = {
  type: 'complaint',
  content: '人民路锦绣花园小区南门路灯坏了一周，晚上看不清路',
  idempotencyKey: 'k-7f3a9c21e4',
  location: { address: '白银区人民路锦绣花园小区南门', lat: 36.5454, lng: 104.1734 },
};
