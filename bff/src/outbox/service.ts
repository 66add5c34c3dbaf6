/**
 * The subscribe-message outbox. A ticket event queues one notice (deduplicated by its `_id`);
 * deliverers on any number of instances claim each due notice with applyVersioned, so exactly
 * one of them sends it. Failures are retried with exponential backoff; 43101 (the citizen did
 * not subscribe) and other permanent answers end the notice.
 */
import type { Connection } from 'mongoose';
import type { AppDeps } from '../app';
import { applyVersioned, isDuplicateKey } from '../db/atomic';
import { NOT_SUBSCRIBED, WechatError } from '../wechat/errors';
import { noticeModel, type NoticeDoc, type NoticeFields, type NoticeStatus, type NoticeTemplate } from './model';
import { templateData, templateIdFor, templateVar } from './templates';

export type OutboxDeps = Pick<AppDeps, 'db' | 'clock' | 'config' | 'wechat' | 'logger' | 'metrics'>;

export const MAX_ATTEMPTS = 6;
/** How long a claimed notice stays with its deliverer before another may take it over. */
export const SENDING_LEASE_MS = 2 * 60_000;
/** errcodes no retry can fix: invalid openid, template id, data, page. */
const PERMANENT_ERRCODES: ReadonlySet<number> = new Set([40003, 40037, 47003, 41030]);

/** 1, 2, 4 … minutes after attempt 1, 2, 3 …, at most an hour. */
export const backoffMs = (attempts: number): number => Math.min(60, 2 ** Math.max(0, attempts - 1)) * 60_000;

export interface NoticeInput {
  ticketNo: string;
  /** The ticket version the event produced (dedupe: one notice per event and template). */
  ticketVersion: number;
  template: NoticeTemplate;
  openid: string;
  fields: NoticeFields;
  /** Mini-program page the notice opens, e.g. `sub/ticket/detail/index?no=…`. */
  page: string;
  /** A follower of the ticket rather than its own citizen: deduplicated per recipient. */
  follower?: boolean;
}

/** The citizen's notice keeps the original id (stored notices stay deduplicated); a follower's adds the recipient. */
export const noticeId = (n: Pick<NoticeInput, 'ticketNo' | 'ticketVersion' | 'template' | 'openid' | 'follower'>): string =>
  n.follower ? `${n.ticketNo}:${n.ticketVersion}:${n.template}:${n.openid}` : `${n.ticketNo}:${n.ticketVersion}:${n.template}`;

/** Why a notice cannot be sent at all here; recorded as `skipped` so staff see it. */
function skipReason(deps: OutboxDeps, template: NoticeTemplate): string | undefined {
  if (!deps.wechat) return '未配置微信小程序（开发模式），不发送订阅消息';
  if (!templateIdFor(deps.config, template)) return `未配置订阅消息模板 ${templateVar(template)}`;
  return undefined;
}

/** Queues a notice once per (ticket, version, template, follower); a repeat returns the existing one. */
export async function enqueueNotice(deps: OutboxDeps, input: NoticeInput): Promise<{ id: string; status: NoticeStatus; created: boolean }> {
  const now = deps.clock.now();
  const id = noticeId(input);
  const skipped = skipReason(deps, input.template);
  const doc: NoticeDoc = {
    _id: id,
    ...input,
    templateId: templateIdFor(deps.config, input.template),
    status: skipped ? 'skipped' : 'queued',
    attempts: 0,
    nextAttemptAt: now,
    ...(skipped ? { lastError: skipped } : {}),
    createdAt: now,
    updatedAt: now,
    version: 0,
  };
  try {
    await noticeModel(deps.db).create(doc);
    return { id, status: doc.status, created: true };
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    const existing = await noticeModel(deps.db).findById(id).lean<NoticeDoc>();
    return { id, status: existing?.status ?? doc.status, created: false };
  }
}

type Outcome = Pick<NoticeDoc, 'status' | 'nextAttemptAt'> & { lastError?: string; sentAt?: Date };

function outcomeOf(err: unknown, attempts: number, now: Date): Outcome {
  const errcode = err instanceof WechatError ? err.errcode : undefined;
  const lastError = errcode === undefined ? (err instanceof Error ? err.message : String(err)) : `${errcode} ${err instanceof WechatError ? (err.errmsg ?? '') : ''}`.trim();
  if (errcode === NOT_SUBSCRIBED) return { status: 'skipped', nextAttemptAt: now, lastError: `${lastError}（用户未订阅）` };
  if ((errcode !== undefined && PERMANENT_ERRCODES.has(errcode)) || attempts >= MAX_ATTEMPTS) return { status: 'failed', nextAttemptAt: now, lastError };
  return { status: 'queued', nextAttemptAt: new Date(now.getTime() + backoffMs(attempts)), lastError };
}

async function deliverOne(deps: OutboxDeps, notice: NoticeDoc): Promise<NoticeStatus | 'lost'> {
  const model = noticeModel(deps.db);
  const now = deps.clock.now();
  const claim = { $set: { status: 'sending', nextAttemptAt: new Date(now.getTime() + SENDING_LEASE_MS), updatedAt: now }, $inc: { attempts: 1 } };
  if ((await applyVersioned(model, notice._id, notice.version, claim, now)) === 'lost') return 'lost';
  const attempts = notice.attempts + 1;
  let outcome: Outcome;
  try {
    if (!deps.wechat || !notice.templateId) throw new Error('微信或模板未配置');
    await deps.wechat.sendSubscribeMessage({ touser: notice.openid, templateId: notice.templateId, page: notice.page, data: templateData(deps.config, notice.fields) });
    outcome = { status: 'sent', nextAttemptAt: now, sentAt: deps.clock.now() };
  } catch (err) {
    outcome = outcomeOf(err, attempts, deps.clock.now());
  }
  await applyVersioned(model, notice._id, notice.version + 1, { $set: { ...outcome, updatedAt: deps.clock.now() } }, deps.clock.now());
  return outcome.status;
}

export interface DeliveryReport {
  sent: number;
  retrying: number;
  failed: number;
  skipped: number;
}

/** Sends up to `limit` due notices (queued and due, or left `sending` by a deliverer that died). */
export async function deliverDueNotices(deps: OutboxDeps, limit = 20): Promise<DeliveryReport> {
  const due = await noticeModel(deps.db)
    .find({ status: { $in: ['queued', 'sending'] }, nextAttemptAt: { $lte: deps.clock.now() } })
    .sort({ nextAttemptAt: 1 })
    .limit(limit)
    .lean<NoticeDoc[]>();
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0, skipped: 0 };
  for (const notice of due) {
    const status = await deliverOne(deps, notice);
    if (status !== 'lost') deps.metrics?.outboxDeliveries.inc({ outcome: status === 'queued' ? 'retrying' : status });
    if (status === 'sent') report.sent++;
    else if (status === 'queued') report.retrying++;
    else if (status === 'failed') report.failed++;
    else if (status === 'skipped') report.skipped++;
  }
  return report;
}

export interface NoticeView {
  template: NoticeTemplate;
  recipient: 'citizen' | 'follower';
  ticketVersion: number;
  status: NoticeStatus;
  attempts: number;
  lastError?: string;
  sentAt?: string;
  nextAttemptAt?: string;
  createdAt: string;
}

/** A ticket's notices, oldest first, for the staff ticket detail. */
export async function listNotices(db: Connection, ticketNo: string): Promise<NoticeView[]> {
  const docs = await noticeModel(db).find({ ticketNo }).sort({ createdAt: 1, ticketVersion: 1 }).lean<NoticeDoc[]>();
  return docs.map((d) => ({
    template: d.template,
    recipient: d.follower ? 'follower' : 'citizen',
    ticketVersion: d.ticketVersion,
    status: d.status,
    attempts: d.attempts,
    ...(d.lastError ? { lastError: d.lastError } : {}),
    ...(d.sentAt ? { sentAt: d.sentAt.toISOString() } : {}),
    ...(d.status === 'queued' ? { nextAttemptAt: d.nextAttemptAt.toISOString() } : {}),
    createdAt: d.createdAt.toISOString(),
  }));
}

/** Runs delivery every `intervalMs` on this instance (safe alongside others); returns a stop function. */
export function startNoticeDelivery(deps: OutboxDeps, intervalMs = 15_000): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = deliverDueNotices(deps).catch((err: unknown) => {
      deps.metrics?.outboxDeliveries.inc({ outcome: 'error' });
      deps.logger.error({ err }, 'notice delivery failed');
    });
  }, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}

export interface OutboxBacklog {
  /** Waiting for their first attempt or a retry (including those a deliverer holds right now). */
  queued: number;
  /** Of those, due now: a growing number means delivery is not keeping up or not running. */
  due: number;
  /** Given up after MAX_ATTEMPTS or a permanent error. */
  failed: number;
}

/** The outbox's state for readiness and metrics; each count is served by the `{status, nextAttemptAt}` index. */
export async function outboxBacklog(db: Connection, now: Date, maxTimeMS = 1000): Promise<OutboxBacklog> {
  const model = noticeModel(db);
  const pending = { status: { $in: ['queued', 'sending'] as NoticeStatus[] } };
  const [queued, due, failed] = await Promise.all([
    model.countDocuments(pending).maxTimeMS(maxTimeMS),
    model.countDocuments({ ...pending, nextAttemptAt: { $lte: now } }).maxTimeMS(maxTimeMS),
    model.countDocuments({ status: 'failed' }).maxTimeMS(maxTimeMS),
  ]);
  return { queued, due, failed };
}
