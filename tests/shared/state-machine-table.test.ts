import { STATE_MACHINE, TICKET_ACTIONS, TICKET_STATUSES, transition, allowedActions, type ActionWho, type TicketAction, type TicketState, type TicketStatus } from '@mashang/shared';
import { CO, LEAD, actors, buildTicket, ctxAt, sh, type ActorName } from './ticket-builders';

/**
 * Walks every status × action × actor against the table: the outcome must be exactly what the
 * table says (allowed → ok and a target status the table lists; denied → the right error code).
 */

const NOW = sh('2026-03-03T10:00:00');
const ctx = ctxAt(NOW, 'pingdingshan');

/** A body that passes the action's schema and rules on the fixture below. */
const VALID_INPUT: Record<Exclude<TicketAction, 'submit'>, unknown> = {
  accept: {},
  reject: { reasonCode: 'petition', note: '已进入信访程序' },
  'request-supplement': { note: '请补充现场照片' },
  supplement: { content: '补充：噪音每晚十点后出现' },
  answer: { answer: '根据政策，可在政务服务中心办理。' },
  dispatch: { leadUnit: LEAD, coUnits: [CO] },
  sign: {},
  'request-return': { reason: '不属于本单位职责', approvedBy: '张副局长' },
  'decide-return': { approve: true },
  reply: { result: '已现场核查并责令整改。' },
  review: { approve: true },
  rate: { satisfaction: 'satisfied' },
  visit: { answered: true },
  'decide-reopen': { reopen: false, note: '已解释政策依据' },
  terminate: { reasonCode: 'unlawful-demand', note: '诉求违反规定，已解释' },
  withdraw: {},
  'request-extension': { workingDays: 3, reason: '需协调多个部门' },
  'decide-extension': { approve: true },
  'set-deadline': { dueAt: '2026-03-31T18:00:00+08:00' },
  'stage-report': { content: '已召开协调会，下周完成整改' },
  'co-result': { result: '协办单位已完成排查' },
  supervise: { means: 'reminder', note: '请加快办理' },
  merge: { into: '20260303-000999', note: '同一路段路灯，已有他人反映' },
  'close-visit': { reason: '诉求人明确表示不愿评价' },
  'transfer-emergency': { line: '119', note: '来电称楼道起火，已转接119' },
  consult: { kind: 'co-unit-disagreement', units: [LEAD, CO], conclusion: '协调后由牵头单位继续办理' },
  'refer-lead': { body: 'discipline-inspection', note: '承办人员弄虚作假，移交纪检监察', approvedBy: '市政府办公室王副主任' },
  'third-party-evaluation': { evaluator: '某律师事务所', finding: 'handled-properly', note: '办理结果符合政策' },
  'request-termination': { reasonCode: 'no-cooperation', reason: '诉求人拒绝提供房屋信息', material: '三次电话记录及告知书' },
  'decide-termination': { approve: true },
  'business-review': { approve: true },
};

/** Capabilities Pingdingshan's profile does not switch on: walked on the profile that does (001 §15(5)(6) Heze; 002 §19, §26 Liaoning). */
const CTX_OF: Partial<Record<TicketAction, ReturnType<typeof ctxAt>>> = {
  'request-termination': ctxAt(NOW, 'heze'),
  'decide-termination': ctxAt(NOW, 'heze'),
  'business-review': ctxAt(NOW, 'liaoning'),
};

/** Pingdingshan class C consultation at the lead unit: satisfies every action's business rule. */
function fixture(status: TicketStatus, action: TicketAction): TicketState {
  const extra: Partial<TicketState> = {};
  if (action === 'decide-return') extra.pendingReturn = { reason: 'x', requestedAt: NOW, unit: LEAD, from: 'handling' };
  if (action === 'decide-reopen' || action === 'third-party-evaluation') extra.pendingDecision = true;
  if (action === 'decide-termination') extra.pendingTermination = { reasonCode: 'no-cooperation', reason: 'x', material: 'x', unit: LEAD, requestedAt: NOW };
  if (action === 'business-review') extra.claimant = 'organisation';
  if (action === 'decide-extension') extra.extensions = [{ workingDays: 3, reason: 'x', requestedAt: NOW, unit: LEAD, round: 1 }];
  return buildTicket({
    status,
    type: action === 'business-review' ? 'complaint' : 'consultation',
    class: 'C',
    dispatchedAt: sh('2026-03-03T09:00:00'),
    fixedDueAt: sh('2026-03-20T18:00:00'),
    dueAt: sh('2026-03-20T18:00:00'),
    ...extra,
  });
}

/** The table's "who", read independently of the implementation. */
function expectedError(who: ActionWho, from: readonly TicketStatus[], status: TicketStatus, name: ActorName): string | null {
  const actor = actors[name];
  let roleOk: boolean;
  if (actor.kind === 'citizen') roleOk = Boolean(who.citizen) && name === 'citizen';
  else if (actor.kind === 'system') roleOk = Boolean(who.system);
  else roleOk = actor.roles.some((r) => (who.roles ?? []).includes(r));
  if (!roleOk) return 'ROLE_NOT_ALLOWED';
  if (!from.includes(status)) return 'INVALID_TRANSITION';
  if (who.unit === 'lead' && name !== 'leadHandler') return 'NOT_YOUR_UNIT';
  if (who.unit === 'co' && name !== 'coHandler') return 'NOT_YOUR_UNIT';
  return null;
}

const ACTIONS = TICKET_ACTIONS.filter((a): a is Exclude<TicketAction, 'submit'> => a !== 'submit');
const ACTOR_NAMES = Object.keys(actors) as ActorName[];

describe.each(ACTIONS)('table walk: %s', (action) => {
  const spec = STATE_MACHINE[action];
  it.each([...TICKET_STATUSES])('from %s, every actor gets exactly what the table says', (status) => {
    for (const name of ACTOR_NAMES) {
      const ticket = fixture(status, action);
      const result = transition(ticket, action, actors[name], VALID_INPUT[action], CTX_OF[action] ?? ctx);
      const expected = expectedError(spec.who, spec.from, status, name);
      const label = `${action} from ${status} by ${name}`;
      if (expected === null) {
        expect({ label, ok: result.ok, error: result.ok ? undefined : result.error }).toEqual({ label, ok: true, error: undefined });
        if (result.ok) {
          const targets = spec.to === 'same' ? [status] : spec.to;
          expect({ label, to: targets.includes(result.next.status) }).toEqual({ label, to: true });
          expect(result.entry).toMatchObject({ action, from: status, to: result.next.status });
          expect(result.next.set).not.toHaveProperty('status');
        }
      } else {
        expect({ label, code: result.ok ? 'ok' : result.error.code }).toEqual({ label, code: expected });
      }
    }
  });
});

describe('the table matches ARCHITECTURE.md', () => {
  const rows: [TicketAction, TicketStatus[], string[]][] = [
    ['accept', ['submitted'], ['operator']],
    ['reject', ['submitted'], ['operator']],
    ['request-supplement', ['submitted'], ['operator']],
    ['answer', ['submitted', 'accepted'], ['operator']],
    ['dispatch', ['accepted'], ['dispatcher']],
    ['sign', ['dispatched'], ['handler']],
    ['request-return', ['dispatched', 'handling'], ['handler']],
    ['decide-return', ['returning'], ['dispatcher']],
    ['reply', ['handling'], ['handler']],
    ['review', ['replied'], ['operator']],
    ['visit', ['visiting'], ['visitor']],
    ['decide-extension', ['dispatched', 'handling', 'returning', 'replied'], ['supervisor']],
  ];
  it.each(rows)('when reading row %s, then from-statuses and roles are as documented', (action, from, roles) => {
    expect([...STATE_MACHINE[action].from]).toEqual(from);
    expect([...(STATE_MACHINE[action].who.roles ?? [])]).toEqual(roles);
  });

  it('when the citizen acts, then only supplement, withdraw and rate are theirs', () => {
    const citizenActions = ACTIONS.filter((a) => STATE_MACHINE[a].who.citizen);
    expect(citizenActions.sort()).toEqual(['rate', 'supplement', 'withdraw']);
    expect(STATE_MACHINE.withdraw.from).not.toContain('replied');
    expect(STATE_MACHINE.terminate.from).not.toContain('closed');
  });

  it('when the UI asks what the lead handler may do on a handling ticket, then it gets the unit actions', () => {
    expect(allowedActions(buildTicket({ status: 'handling' }), actors.leadHandler).sort()).toEqual(
      ['reply', 'request-extension', 'request-return', 'request-termination', 'stage-report'].sort(),
    );
    expect(allowedActions(buildTicket({ status: 'handling' }), actors.otherHandler)).toEqual([]);
  });
});
