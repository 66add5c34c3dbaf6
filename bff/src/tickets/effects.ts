/**
 * Performs the effects `transition()` returned, after the state change is stored. The change is
 * committed by then, so a failing effect is logged and never turns the answer into an error;
 * every effect is idempotent (notices by `${no}:${version}:${template}`, `…:${openid}` for followers, supervision records
 * by their `_id`), so performing one again changes nothing.
 */
import { STATUS_LABELS, TYPE_LABELS, type Actor, type Effect, type NotifyTemplate, type TicketState } from '@mashang/shared';
import { recordAudit } from '../audit/service';
import { citizenModel, type CitizenDoc } from '../citizens/model';
import { ticketFollowers } from '../duplicates/followers';
import { offerSummary } from '../duplicates/service';
import { enqueueNotice } from '../outbox/service';
import type { NoticeTemplate } from '../outbox/model';
import { staffNoticeForEffect } from '../notices/ticket-notices';
import { openSupervision } from '../supervision/service';
import type { TicketDeps } from './deps';
import type { TicketDoc } from './model';

/**
 * Citizen events that have a subscribe-message template (outbox NOTICE_TEMPLATES); the rest show
 * in the app only. Each one-time grant a citizen gives pays for one message, so `received` (the
 * app shows it at once) and `rate-invited` (follows the `replied` notice) spend none; README
 * "Subscribe messages" explains the choice.
 */
const CITIZEN_NOTICES: Partial<Record<NotifyTemplate, NoticeTemplate>> = {
  accepted: 'accepted',
  rejected: 'rejected',
  'supplement-requested': 'supplement',
  answered: 'replied',
  dispatched: 'dispatched',
  replied: 'replied',
  closed: 'closed',
  terminated: 'closed',
  // 000 §15, 003 §9, 004 §11: the citizen is told of an extension; 000 §15 stage reports; 000 §12 re-dispatch; 000 §17 重办.
  'extension-decided': 'progress',
  'stage-report': 'progress',
  returned: 'progress',
  reopened: 'progress',
};

/** The notice's note: the new deadline for an extension, else the step's own note. */
function noticeNote(t: TicketDoc, template: NotifyTemplate): string | undefined {
  if (template === 'extension-decided' && t.dueAt) return `经批准，办理期限延至${chinaMinute(t.dueAt).slice(0, 10)}`;
  return t.timeline[t.timeline.length - 1]?.note;
}

export interface EffectRun {
  before: TicketState | null;
  /** The ticket as stored by the change (version included). */
  after: TicketDoc;
  effects: readonly Effect[];
  actor: Actor;
}

/** `2026-11-24 09:30` in China time, for notices. */
export function chinaMinute(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

const detailPage = (no: string): string => `sub/ticket/detail/index?no=${no}`;

/** The openid the ticket keeps (null: a hotline caller); tickets stored before it was kept look the account up. */
async function citizenOpenid(deps: TicketDeps, t: TicketDoc): Promise<string | null> {
  if (t.openid !== undefined) return t.openid;
  const citizen = await citizenModel(deps.db).findById(t.citizenId, { openid: 1 }).lean<Pick<CitizenDoc, 'openid'>>();
  return citizen?.openid ?? null;
}

/** The ticket's citizen and every follower get the same event, each through their own notice. */
async function notifyCitizen(deps: TicketDeps, t: TicketDoc, template: NotifyTemplate): Promise<void> {
  const notice = CITIZEN_NOTICES[template];
  if (!notice) return;
  const openid = await citizenOpenid(deps, t);
  const note = noticeNote(t, template);
  // Hotline callers have no mini-program account: they are called back, not messaged.
  if (openid) {
    await enqueueNotice(deps, {
      ticketNo: t.no,
      ticketVersion: t.version,
      template: notice,
      openid,
      page: detailPage(t.no),
      fields: { no: t.no, title: `${TYPE_LABELS[t.type]}：${t.content}`, status: STATUS_LABELS[t.status], time: chinaMinute(t.updatedAt), ...(note ? { note } : {}) },
    });
  }
  await notifyFollowers(deps, t, notice);
}

/**
 * Followers (关注此诉求, or merged in) see another citizen's request: the redacted summary and the
 * status, never the staff's note to its citizen (002 §13). The notice opens their own merged
 * request when there is one (it shows where it went), else their list.
 */
async function notifyFollowers(deps: TicketDeps, t: TicketDoc, notice: NoticeTemplate): Promise<void> {
  const followers = (await ticketFollowers(deps.db, t.no)).filter((f) => f.citizenId !== t.citizenId);
  if (!followers.length) return;
  const accounts = await citizenModel(deps.db).find({ _id: { $in: followers.map((f) => f.citizenId) } }, { openid: 1 }).lean<Array<Pick<CitizenDoc, '_id' | 'openid'>>>();
  const openids = new Map(accounts.map((a) => [a._id, a.openid]));
  const fields = { no: t.no, title: `${TYPE_LABELS[t.type]}：${offerSummary(t.content)}`, status: STATUS_LABELS[t.status], time: chinaMinute(t.updatedAt) };
  for (const f of followers) {
    const openid = openids.get(f.citizenId);
    if (!openid) continue;
    await enqueueNotice(deps, { ticketNo: t.no, ticketVersion: t.version, template: notice, openid, follower: true, page: f.fromTicket ? detailPage(f.fromTicket) : 'pages/mine/index', fields });
  }
}

async function performOne(deps: TicketDeps, run: EffectRun, effect: Effect): Promise<void> {
  const t = run.after;
  switch (effect.kind) {
    case 'notify':
      // Units and the platform: a record in the staff inbox (notices/), besides their work lists.
      if (effect.audience === 'citizen') await notifyCitizen(deps, t, effect.template);
      else await staffNoticeForEffect(deps, t, effect, run.actor);
      return;
    case 'open-supervision':
      await openSupervision(deps, {
        ticket: { no: t.no, leadUnit: t.leadUnit ?? run.before?.leadUnit ?? null, coUnits: t.coUnits.length ? t.coUnits : (run.before?.coUnits ?? []), round: run.before?.round ?? t.round, version: t.version },
        trigger: effect.trigger,
        ...(effect.means ? { means: effect.means } : {}),
        ...(effect.note ? { note: effect.note } : {}),
        ...(effect.dueAt ? { dueAt: effect.dueAt } : {}),
        by: run.actor,
      });
      await staffNoticeForEffect(deps, t, effect, run.actor);
      return;
    case 'count':
      // Counted in `metricKeys` by the same update that stored the change.
      return;
    case 'risk-warning':
      deps.logger.warn({ no: t.no, reason: effect.reason, units: [t.leadUnit, ...t.coUnits].filter(Boolean) }, 'risk warning (000 §20)');
      await recordAudit(deps.db, { actor: run.actor, action: 'ticket.risk-warning', target: { type: 'ticket', id: t.no }, details: { reason: effect.reason }, at: deps.clock.now() });
      await staffNoticeForEffect(deps, t, effect, run.actor);
      return;
  }
}

export async function performEffects(deps: TicketDeps, run: EffectRun): Promise<void> {
  for (const effect of run.effects) {
    try {
      await performOne(deps, run, effect);
    } catch (err) {
      deps.logger.error({ err, no: run.after.no, effect: effect.kind }, 'ticket effect failed; the state change stands');
    }
  }
}
