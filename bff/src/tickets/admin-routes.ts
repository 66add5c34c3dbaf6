import {
  ACTION_LABELS,
  actionInputSchemaFor,
  adminTicketCountsQuerySchema,
  adminTicketListQuerySchema,
  operatorCreateTicketSchema,
  STAFF_ROLES,
  STATE_MACHINE,
  TICKET_ACTIONS,
  TICKET_STATUSES,
  ticketNoParamsSchema,
  type RegulationProfile,
  type StaffRole,
  type TicketAction,
} from '@mashang/shared';
import type { AppDeps } from '../app';
import { setVersionTag } from '../auth/if-match';
import { defineRoute, type RouteKit } from '../http/route';
import { actionRoute } from './action-route';
import { keyInTicket } from './create';
import { countStaffQueues } from './counts';
import { listStaffTickets } from './queries';
import { readStaffTicket, staffView, summaryView } from './read';
import { queueCounts } from './count-schemas';
import { ACTION_ERRORS, oneStaffTicket, oneTicket, ticketPage } from './schemas';
import { OPERATION_IDS, staffActionId, ticketLinks } from './links';

const TAGS = ['tickets (staff)'];

type StaffAction = Exclude<TicketAction, 'submit' | 'supplement' | 'withdraw' | 'rate'>;

/** The actions staff perform: every row of the state machine with staff roles, except the citizen's submit. */
const STAFF_ACTIONS = TICKET_ACTIONS.filter((a): a is StaffAction => a !== 'submit' && Boolean(STATE_MACHINE[a].who.roles?.length));

/**
 * The roles that may call an action's route: the table's, and — where the profile handles
 * bottom-up (004 §7-9) — unit staff for the decisions a unit above takes on its subordinate's
 * application (the state machine then admits only the ticket's `reviewUnit`).
 */
function actionRoles(action: StaffAction, profile: RegulationProfile): readonly StaffRole[] {
  const who = STATE_MACHINE[action].who;
  const roles = who.roles ?? [];
  return who.reviewer && profile.bottomUp && !roles.includes('handler') ? [...roles, 'handler'] : roles;
}

/** One line per staff action of the state machine (the body, roles and errors come from the shared table and schemas). */
const ACTION_SUMMARIES: Record<StaffAction, string> = {
  accept: 'Accept a submitted request (受理; class optional, 003 §8)',
  reject: 'Refuse to accept (不予受理) with a reason code the active profile allows',
  'request-supplement': 'Ask the citizen to supply material within working days (补正, 002 §18)',
  answer: 'Answer a consultation at once (直接答复) with an optional knowledge entry',
  dispatch: 'Dispatch to a lead unit and co-units (派单; suggestion: GET …/dispatch-suggestion)',
  sign: 'Sign for a dispatched ticket (签收, lead unit)',
  'request-return': 'Ask to return a ticket that is not the unit’s (申请退回, lead unit), optionally naming the unit it should go to (`transferTo`, 002 §21 申请转其他责任单位), the 分管领导 who approved it (`approvedBy`, required where the profile’s `returnLeaderApproval` says, 003 §11) and the grounds (`grounds`: 事权 or 回避, 004 §9). Where the profile has `bottomUp` (004 §7-9) it is a 转请处理申请 to the unit above (`reviewUnit` on the ticket), and `outOfScope` makes it a 不予受理申请 (004 §8)',
  'decide-return': 'Approve or refuse a return request (dispatcher); approved with a `transferTo` (the dispatcher’s, else the one the unit named) it is dispatched at once to that unit (002 §21 另行转办), else back to the pool. Where the ticket names a `reviewUnit` (004 §7-9) that unit’s staff decide instead: `transferTo` itself (本级受理承办) or a unit under it (分办); approved without one, the application passes to the next level up with `note` as its reason (转请); `rejectReason` confirms a 不予受理申请 and tells the citizen (004 §8)',
  reply: 'Reply with the handling result (办结答复, lead unit)',
  review: 'Approve a reply, or send it back for rework with a reason (审核). Where the ticket names a `reviewUnit` (a community’s 办结申请, 004 §8 ¶2) that unit’s staff review instead: approved it is closed as handled; refused, the reviewing unit takes the request on itself',
  visit: 'Record a follow-up visit (回访): answered or not, the satisfaction heard',
  'decide-reopen': 'Decide on an unsatisfied rating: reopen, or close with a reason',
  terminate: 'End handling early (终止办理) with a reason code the active profile allows',
  'request-extension': 'Ask for more working days (申请延期, lead unit)',
  'decide-extension': 'Approve or refuse an extension request (supervisor)',
  'set-deadline': 'Set the due date of a ticket whose limit is set case by case (003 §8 C 类), or, where the profile has assignedDeadline, of any ticket at its assignment (004 §11 交办时另有时限要求, source channel limits)',
  'stage-report': 'Report progress (阶段性答复) with the next report date',
  'co-result': 'A co-unit reports its part of the result (协办反馈)',
  supervise: 'Supervise (督办) a ticket: means, note, due date',
  merge: 'Merge the ticket into another with the same request (合并办理)',
  'close-visit': 'Close a visit the citizen did not rate: a visitor’s or operator’s decision with its reason (003 §16; time alone never closes a ticket)',
  'transfer-emergency': 'Hand an emergency to 110/119/120/122 or the emergency department and record the transfer (002 §18; not a rejection)',
  consult: 'Record a 会商 / joint meeting with the units involved, or the escalation of a hard case to the government (000 §11(3), §13, 001 §16, 003 §12; kinds the active profile’s `consultationKinds` lists): the conclusion, and the lead and co-units it settled — a new lead gets the ticket dispatched to it with a fresh clock',
  'refer-lead': 'Refer a lead (问题线索) about a unit’s conduct to a discipline or inspection body the active profile’s `leadReferral` names, with the approving leader where it requires one (001 §23, 002 §7, 003 §25, 004 §17); recorded on the ticket’s timeline, never shown to the citizen or the unit',
  'request-termination': 'Apply to end handling (申请终止办理, lead unit) with a reason code the active profile allows and the material that shows it — the citizen refused the information needed, or keeps a demand against the law after an explanation (001 §15(5)(6), where `unitTerminationRequest` is on); the platform decides',
  'decide-termination': 'Decide a unit’s application to end handling (operator, 001 §15(5)(6) 经审核后终止办理): approved ends the ticket with the unit’s reason, refused (with a note) the unit carries on',
  'business-review': 'Review the unit’s result on a 涉企营商环境 request as the 营商环境建设主管部门 (supervisor; 002 §19 ¶1 审定, §26 通报办结情况, where the profile’s `businessTrack` has `authorityReview`): approved opens the visit, refused sends it back with a reason; the operator’s `review` does not apply to these',
  'third-party-evaluation': 'Record a third-party evaluation of a result the citizen still disputes after coordination (003 §18, where `thirdPartyEvaluation` is on): handled properly closes the ticket, otherwise it is reopened for the unit',
};

/** The staff ticket API: hotline intake, lists, detail and every action of the state machine. */
export function staffTicketRoutes(kit: RouteKit, deps: AppDeps): void {
  defineRoute(
    kit,
    {
      method: 'post',
      path: '/api/admin/v1/tickets',
      operationId: OPERATION_IDS.staffCreate,
      summary: 'Key in a hotline call, letter or message-board post (operator)',
      description: 'The caller is identified by phone (stored encrypted, with a keyed hash). `category` (a dispatch-catalogue code, 422 CATEGORY_NOT_FOUND otherwise) is optional: without it the catalogue suggests one at accept. With an idempotencyKey a repeated call answers 200 with the same ticket; a new ticket answers 201.',
      tags: TAGS,
      auth: 'staff',
      roles: ['operator'],
      body: operatorCreateTicketSchema,
      responses: {
        201: { description: 'created', schema: oneTicket, links: ticketLinks('staff', STAFF_ACTIONS, ['submitted']) },
        200: { description: 'the ticket an earlier call with the same idempotencyKey created', schema: oneTicket, links: ticketLinks('staff', STAFF_ACTIONS, ['submitted']) },
        422: { description: 'CATEGORY_NOT_FOUND, CATEGORY_NOT_LEAF: `category` is not an active leaf of the dispatch catalogue' },
      },
    },
    async (ctx, { body, actor }) => {
      const { ticket, created } = await keyInTicket(deps, actor, body);
      ctx.status = created ? 201 : 200;
      setVersionTag(ctx, ticket.version);
      ctx.body = { ticket: await staffView(deps, ticket, actor) };
    },
  );

  defineRoute(
    kit,
    {
      method: 'get',
      path: '/api/admin/v1/tickets',
      summary: 'Tickets, newest first, with filters',
      description:
        '`unit` = that unit and its whole subtree (lead or co-unit). `q` = a ticket number, or words that must all occur. `from`/`to` = creation time (a date means the whole China day). Unit staff (handlers) see only tickets where their unit is lead or co-unit. ' +
        'Queues beside `status`: `overdue`, `visitOverdue`, `dueSoon` (即将超期), `supervised` (督办), `extensionPending` (延期申请), `returnPending` (退回申请), `reviewPending` (下级申请待审核, 004 §8-9); GET /api/admin/v1/tickets/counts counts each.',
      tags: TAGS,
      auth: 'staff',
      roles: STAFF_ROLES,
      query: adminTicketListQuerySchema,
      responses: { 200: { description: 'a page', schema: ticketPage } },
    },
    async (ctx, { query, actor }) => {
      const page = await listStaffTickets(deps, actor, query);
      ctx.body = { items: page.items.map(summaryView(deps, actor)), nextCursor: page.nextCursor };
    },
  );

  // Before `/tickets/:no`: the literal path must win.
  defineRoute(
    kit,
    {
      method: 'get',
      path: '/api/admin/v1/tickets/counts',
      summary: 'How many tickets each work queue holds for this staff member',
      description:
        'The same scope as the list (unit staff: tickets where their unit is lead or co-unit) and the same filters (`unit`, `type`, `channel`, `class`, `q`, `from`, `to`). ' +
        '`status.<s>` equals the number of tickets `GET /api/admin/v1/tickets?status=<s>` pages through; each queue count equals the list with `<queue>=true` (`dueSoon`: due within the active profile’s `warningBefore` window and not yet overdue; `supervised`: an open 督办 record; `extensionPending`: an undecided extension request; `returnPending`: status `returning`; `reviewPending`: an application waiting for the viewer’s unit, `reviewUnit`).',
      tags: TAGS,
      auth: 'staff',
      roles: STAFF_ROLES,
      query: adminTicketCountsQuerySchema,
      responses: { 200: { description: 'the counts', schema: queueCounts } },
    },
    async (ctx, { query, actor }) => {
      const counts = await countStaffQueues(deps, actor, query);
      ctx.body = { status: counts.status, ...counts.flags, total: counts.total };
    },
  );

  defineRoute(
    kit,
    {
      method: 'get',
      path: '/api/admin/v1/tickets/:no',
      operationId: OPERATION_IDS.staffGet,
      summary: 'One ticket with timeline, deadlines and the actions this staff member may take',
      description:
        'Confidential tickets (000 §14, 004 §14): unit staff see the contact masked; platform staff see it in clear and each such read is audited (`ticket.contact.read`). ' +
        'Also the platform\'s records about the ticket: `supervisions` (督办 records; unit staff only those addressed to their unit), `sweepEvents` (due-soon warnings, overdue, follow-up window passed) and `notices` (the citizen\'s subscribe messages: queued / sent / failed / skipped).',
      tags: TAGS,
      auth: 'staff',
      roles: STAFF_ROLES,
      params: ticketNoParamsSchema,
      responses: { 200: { description: 'the ticket', schema: oneStaffTicket, links: ticketLinks('staff', STAFF_ACTIONS, TICKET_STATUSES) }, 404: ACTION_ERRORS[404] },
    },
    async (ctx, { params, actor }) => {
      const view = await readStaffTicket(deps, actor, params.no);
      setVersionTag(ctx, view.version);
      ctx.body = { ticket: view };
    },
  );

  for (const action of STAFF_ACTIONS) {
    actionRoute(
      kit,
      deps,
      {
        auth: 'staff',
        base: '/api/admin/v1/tickets',
        action,
        operationId: staffActionId(action),
        summary: ACTION_SUMMARIES[action],
        description: `${ACTION_LABELS[action]}. Allowed from: ${STATE_MACHINE[action].from.join(', ')}. A handler acts only on tickets of its unit.`,
        tags: TAGS,
        roles: actionRoles(action, deps.profile),
        body: actionInputSchemaFor(action, deps.profile),
        links: ticketLinks('staff', STAFF_ACTIONS, STATE_MACHINE[action].to === 'same' ? STATE_MACHINE[action].from : STATE_MACHINE[action].to),
      },
      (ticket, actor) => staffView(deps, ticket, actor),
    );
  }
}
