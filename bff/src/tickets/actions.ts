/**
 * One action on one ticket, the way the state machine prescribes (shared/src/state-machine.ts):
 * load what the actor may see, honour If-Match, ask the pure `transition()`, store its result as
 * ONE versioned update (state, deadlines, figures and the timeline entry together), then perform
 * its effects. Losing the race to another writer answers 409; the document never half-changes.
 */
import {
  ACTION_INPUT_SCHEMAS,
  transition,
  type ActionInput,
  type Effect,
  type TicketAction,
  type TicketState,
  type UnitDirectory,
} from '@mashang/shared';
import { applyVersioned } from '../db/atomic';
import { AppError, badRequest, conflict, preconditionFailed, unprocessable } from '../http/errors';
import { checkMergeTarget, completeMerge } from '../duplicates/merge';
import { unitModel, type UnitDoc } from '../units/model';
import { releaseAttachments, staffUploader, verifyAttachments, type AttachmentDescriptor } from '../uploads/service';
import { findTicketByNo, loadTicketFor, type TicketActor } from './access';
import { timelineActor, transitionContext, type TicketDeps } from './deps';
import { categoryStep, checkCategory, recordDispatchChoice, type CategoryStep } from './dispatch-catalog';
import { performEffects } from './effects';
import { knowledgeCitation } from './knowledge-citation';
import { metricKeysFor } from './metric-keys';
import { readyTicketModel, type TicketDoc, type TimelineEntry } from './model';
import { ticketTokens } from './search-tokens';
import { searchableText } from './confidential';

export interface ActionRequest {
  no: string;
  action: TicketAction;
  /** The raw body; validated here with the shared schema of the action. */
  input: unknown;
  /** The version from `If-Match`, when sent. */
  ifMatch?: number;
}

function parseInput<A extends TicketAction>(action: A, input: unknown): ActionInput<A> {
  const parsed = ACTION_INPUT_SCHEMAS[action].safeParse(input ?? {});
  if (!parsed.success) {
    throw new AppError(400, 'VALIDATION_FAILED', '提交的内容不符合要求', parsed.error.issues.map((i) => ({ in: 'body', path: i.path.join('.'), message: i.message, code: i.code })));
  }
  return parsed.data as ActionInput<A>;
}

/** Units named by a dispatch must exist and be active; the pure machine cannot look. */
async function checkUnits(deps: TicketDeps, ids: readonly string[]): Promise<void> {
  const found = await unitModel(deps.db).find({ _id: { $in: [...ids] } }, { _id: 1, active: 1 }).lean<Array<Pick<UnitDoc, '_id' | 'active'>>>();
  for (const id of ids) {
    const unit = found.find((u) => u._id === id);
    if (!unit) throw unprocessable('UNIT_NOT_FOUND', '承办单位不存在', { unit: id });
    if (!unit.active) throw unprocessable('UNIT_INACTIVE', '承办单位已停用', { unit: id });
  }
}

/** Lookups an action needs before the state machine runs. */
async function precheck(deps: TicketDeps, ticket: TicketDoc, action: TicketAction, input: unknown): Promise<void> {
  if (action === 'dispatch') {
    const d = input as ActionInput<'dispatch'>;
    await checkUnits(deps, [d.leadUnit, ...(d.coUnits ?? [])]);
    if (d.category) await checkCategory(deps, d.category);
  }
  if (action === 'merge') await checkMergeTarget(deps, ticket, (input as ActionInput<'merge'>).into);
  const named = namedUnits(action, input);
  if (named.length) await checkUnits(deps, named);
}

/** Units other actions name (a transfer, a 会商, a referred lead): they must exist and be active. */
function namedUnits(action: TicketAction, input: unknown): string[] {
  if (action === 'request-return') return [(input as ActionInput<'request-return'>).transferTo].filter((u): u is string => Boolean(u));
  if (action === 'decide-return') {
    const d = input as ActionInput<'decide-return'>;
    return [...new Set([d.transferTo, ...(d.coUnits ?? [])].filter((u): u is string => Boolean(u)))];
  }
  if (action === 'consult') {
    const c = input as ActionInput<'consult'>;
    return [...new Set([...c.units, ...(c.leadUnit ? [c.leadUnit] : []), ...(c.coUnits ?? [])])];
  }
  if (action === 'refer-lead') return [(input as ActionInput<'refer-lead'>).unit].filter((u): u is string => Boolean(u));
  return [];
}

/** Actions whose rules look at the unit tree where the profile handles bottom-up (004 §7-9). */
const TIERED_ACTIONS: readonly TicketAction[] = ['request-return', 'decide-return', 'reply', 'review'];

/**
 * The units a bottom-up action touches — the lead unit, the reviewing unit, a unit named in the
 * input — with every unit above them, for the pure rules (shared transitions/tiers.ts). Two
 * indexed reads, only where the profile has `bottomUp`.
 */
async function unitDirectory(deps: TicketDeps, ticket: TicketDoc, action: TicketAction, input: unknown): Promise<UnitDirectory | undefined> {
  if (!deps.profile.bottomUp || !TIERED_ACTIONS.includes(action)) return undefined;
  const decided = action === 'decide-return' ? (input as ActionInput<'decide-return'>) : undefined;
  const named = [...new Set([ticket.leadUnit, ticket.reviewUnit, decided?.transferTo, ...(decided?.coUnits ?? [])].filter((u): u is string => Boolean(u)))];
  if (!named.length) return undefined;
  const units = unitModel(deps.db);
  const first = await units.find({ _id: { $in: named } }, { ancestors: 1 }).lean<Array<Pick<UnitDoc, '_id' | 'ancestors'>>>();
  const ids = [...new Set([...named, ...first.flatMap((u) => u.ancestors)])];
  const rows = await units.find({ _id: { $in: ids } }, { parent: 1, level: 1, ancestors: 1 }).lean<Array<Pick<UnitDoc, '_id' | 'parent' | 'level' | 'ancestors'>>>();
  return Object.fromEntries(rows.map((u) => [u._id, { parent: u.parent, level: u.level, ancestors: u.ancestors }]));
}

/** Ids of the lead and co-units and every ancestor: `unit=` subtree filters match one array. */
export async function unitScopeOf(deps: Pick<TicketDeps, 'db'>, units: readonly string[]): Promise<string[]> {
  if (!units.length) return [];
  const rows = await unitModel(deps.db).find({ _id: { $in: [...units] } }, { ancestors: 1 }).lean<Array<Pick<UnitDoc, '_id' | 'ancestors'>>>();
  return [...new Set([...units, ...rows.flatMap((r) => r.ancestors)])].sort();
}

interface Extras {
  $set: Record<string, unknown>;
  claimed: string[];
}

/** Supplement material: verified and claimed for this ticket, appended, searchable. */
async function supplementExtras(deps: TicketDeps, ticket: TicketDoc, input: ActionInput<'supplement'>): Promise<Extras> {
  const keys = input.attachments ?? [];
  const added: AttachmentDescriptor[] = await verifyAttachments(deps, ticket.citizenId, keys, ticket.no);
  const text = [ticket.content, ...ticket.timeline.map((e) => (typeof e.data?.content === 'string' ? e.data.content : '')), input.content ?? ''].join(' ');
  return { $set: { attachments: [...ticket.attachments, ...added], tokens: ticketTokens(searchableText(deps, ticket, text), ticket.location) }, claimed: keys };
}

/**
 * Photos of a reply (办结答复): the replying staff member's own uploads, verified and claimed for
 * this ticket like a citizen's (so the citizen and the ticket's staff may read them); the
 * timeline entry keeps their keys.
 */
async function replyExtras(deps: TicketDeps, ticket: TicketDoc, actor: TicketActor, input: ActionInput<'reply'>): Promise<Extras> {
  const keys = input.attachments ?? [];
  if (!keys.length) return { $set: {}, claimed: [] };
  if (actor.kind !== 'staff') throw badRequest('MEDIA_NOT_OWNED', '只能使用本人上传的文件');
  await verifyAttachments(deps, staffUploader(actor.id), keys, ticket.no);
  return { $set: {}, claimed: keys };
}

async function extrasOf(deps: TicketDeps, ticket: TicketDoc, actor: TicketActor, action: TicketAction, input: unknown): Promise<Extras> {
  if (action === 'supplement') return supplementExtras(deps, ticket, input as ActionInput<'supplement'>);
  if (action === 'reply') return replyExtras(deps, ticket, actor, input as ActionInput<'reply'>);
  return { $set: {}, claimed: [] };
}

/** Fields the BFF keeps beside the machine's state, recomputed for the new state. */
async function derivedSet(deps: TicketDeps, before: TicketDoc, after: TicketState, effects: readonly Effect[], now: Date): Promise<Record<string, unknown>> {
  const $set: Record<string, unknown> = { metricKeys: metricKeysFor(before.metricKeys, before, after, effects, now) };
  const unitsBefore = [before.leadUnit, ...before.coUnits].join(',');
  const unitsAfter = [after.leadUnit, ...after.coUnits].filter((u): u is string => Boolean(u));
  if (unitsAfter.join(',') !== unitsBefore) $set.unitScope = await unitScopeOf(deps, unitsAfter);
  if (after.repliedAt && !before.repliedAt) {
    const from = after.dispatchedAt ?? after.acceptedAt ?? after.createdAt;
    $set.handlingWorkingDays = deps.calendar.workingDaysBetween(from, after.repliedAt).days;
  } else if (!after.repliedAt) $set.handlingWorkingDays = null;
  return $set;
}

/** A lost race releases its claims, except keys the winner (e.g. the same supplement, retried) stored. */
async function releaseUnused(deps: TicketDeps, ticket: TicketDoc, claimed: readonly string[]): Promise<void> {
  if (!claimed.length) return;
  const current = await findTicketByNo(deps.db, ticket.no);
  const kept = new Set((current?.attachments ?? []).map((a) => a.key));
  await releaseAttachments(deps, claimed.filter((k) => !kept.has(k)), ticket.no);
}

async function afterCommit(deps: TicketDeps, before: TicketDoc, stored: TicketDoc, action: TicketAction, input: unknown, effects: readonly Effect[], actor: TicketActor, category: CategoryStep): Promise<void> {
  // The other side of a merge (duplicates/merge.ts): mergedFrom on the target, the citizens follow it.
  if (action === 'merge') await completeMerge(deps, stored, (input as ActionInput<'merge'>).into, actor);
  if (action === 'dispatch') await recordDispatchChoice(deps, before, input as ActionInput<'dispatch'>, category.suggestion);
  await performEffects(deps, { before, after: stored, effects, actor });
}

/**
 * The ticket as the versioned update stored it, without reading it back: the claim made this
 * writer the only one moving it from `ticket.version`, so the stored document is exactly the
 * one read plus this update. (`undefined` values are not sent by the driver: the old value stays.)
 */
export function afterUpdate(ticket: TicketDoc, $set: Record<string, unknown>, entry: TimelineEntry): TicketDoc {
  const set = Object.fromEntries(Object.entries($set).filter(([, v]) => v !== undefined));
  return { ...ticket, ...set, timeline: [...ticket.timeline, entry], version: ticket.version + 1 } as TicketDoc;
}

/**
 * Performs `req.action` on ticket `req.no` as `actor`. Throws 404 (not visible), 412 (stale
 * If-Match), 400/403/409/422 (the machine's verdict), 409 CONFLICT (another writer won).
 */
export async function performAction(deps: TicketDeps, actor: TicketActor, req: ActionRequest): Promise<TicketDoc> {
  const ticket = await loadTicketFor(deps, actor, req.no);
  if (req.ifMatch !== undefined && req.ifMatch !== ticket.version) throw preconditionFailed(undefined, { version: ticket.version });
  const input = parseInput(req.action, req.input);
  await precheck(deps, ticket, req.action, input);
  const citation = await knowledgeCitation(deps, req.action, input);
  const now = deps.clock.now();
  const units = await unitDirectory(deps, ticket, req.action, input);
  const r = transition(ticket, req.action, actor, input, { ...transitionContext(deps, now), ...(units ? { units } : {}) });
  if (!r.ok) throw new AppError(r.error.status, r.error.code, r.error.message, r.error.details);
  const extras = await extrasOf(deps, ticket, actor, req.action, input);
  const category = await categoryStep(deps, ticket, req.action, input);
  const after: TicketState = { ...ticket, ...r.next.set, status: r.next.status };
  const entry: TimelineEntry = { ...r.entry, ...(citation ? { data: { ...r.entry.data, ...citation } } : {}), at: now, actor: timelineActor(actor) };
  const $set = { ...r.next.set, ...extras.$set, ...category.$set, ...(await derivedSet(deps, ticket, after, r.effects, now)), status: r.next.status, updatedAt: now };
  const tickets = await readyTicketModel(deps.db);
  if ((await applyVersioned(tickets, ticket._id, ticket.version, { $set, $push: { timeline: entry } }, now)) === 'lost') {
    await releaseUnused(deps, ticket, extras.claimed);
    throw conflict('CONFLICT', '诉求刚刚已被他人处理，请刷新后重试', { version: ticket.version });
  }
  const stored = afterUpdate(ticket, $set, entry);
  await afterCommit(deps, ticket, stored, req.action, input, r.effects, actor, category);
  return stored;
}
