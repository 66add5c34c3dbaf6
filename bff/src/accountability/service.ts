/**
 * 月通报 and 约谈 (003 §26-29): the monthly ranking published as a record, interviews recorded per
 * unit, and the escalations those records trigger. Switched on by the profile: `ranking` for
 * the publication, `interviewEscalations` for the interviews.
 */
import { Types, type Connection } from 'mongoose';
import type { RegulationProfile } from '@mashang/shared';
import type { StaffActor } from '../http/route';
import { conflict, notFound, unprocessable } from '../http/errors';
import { isDuplicateKey } from '../db/atomic';
import { recordAudit } from '../audit/service';
import { unitModel } from '../units/model';
import { buildReport, type ReportUnit } from '../reports/service';
import { parsePeriod } from '../reports/period';
import { escalationsAt, monthIndex, type EscalationState } from './escalations';
import { interviewModel, rankingPublicationModel, type InterviewDoc, type InterviewGround, type PublishedGroup, type RankingPublicationDoc } from './model';

export interface AccountabilityDeps {
  db: Connection;
  profile: RegulationProfile;
}

const staffRef = (a: StaffActor) => ({ id: a.id, ...(a.name ? { name: a.name } : {}) });
/** China calendar day of an instant, `YYYY-MM-DD`. */
export const chinaDate = (at: Date): string => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

function rankingRules(profile: RegulationProfile): NonNullable<RegulationProfile['ranking']> {
  if (!profile.ranking?.length) throw unprocessable('RANKING_NOT_IN_PROFILE', `${profile.label}未规定月度排名通报`);
  return profile.ranking;
}

/** The escalations interviews trigger (003 §28(5), §29(2)); none where the profile records interviews without them (000 §26). */
function escalationRules(profile: RegulationProfile): NonNullable<RegulationProfile['interviewEscalations']> {
  if (!profile.interviewGrounds) throw unprocessable('INTERVIEWS_NOT_IN_PROFILE', `${profile.label}未规定约谈问责`);
  return profile.interviewEscalations ?? [];
}

/** 422 GROUND_NOT_IN_PROFILE: only the grounds the active regulation names. */
function checkGround(profile: RegulationProfile, ground: InterviewGround): void {
  const grounds = profile.interviewGrounds;
  if (!grounds) throw unprocessable('INTERVIEWS_NOT_IN_PROFILE', `${profile.label}未规定约谈问责`);
  if (!grounds.value.includes(ground)) throw unprocessable('GROUND_NOT_IN_PROFILE', `${profile.label}未规定此约谈情形${grounds.cite ? `（${grounds.cite}）` : ''}`, { allowed: grounds.value });
}

function groupsOf(rules: NonNullable<RegulationProfile['ranking']>, units: ReportUnit[]): PublishedGroup[] {
  return rules.map((r) => ({
    group: r.group,
    label: r.label ?? r.group,
    cite: r.cite ?? null,
    lastN: r.lastN,
    ratioOfTop: r.ratioOfTop,
    units: units
      .filter((u) => u.mark?.group === r.group && u.score !== null)
      .sort((a, b) => (a.mark?.rank ?? 0) - (b.mark?.rank ?? 0))
      .map((u) => ({ unit: u.unit, unitName: u.unitName, score: u.score as number, rank: u.mark?.rank ?? 0, ofTop: u.mark?.ofTop ?? null, marked: Boolean(u.mark?.marked) })),
  }));
}

/** Publishes the month's ranking once, as the monthly report ranks it when published. */
export async function publishRanking(deps: AccountabilityDeps, key: string, note: string, now: Date, actor: StaffActor): Promise<RankingPublicationDoc> {
  const rules = rankingRules(deps.profile);
  const period = parsePeriod('monthly', key);
  if (period.to.getTime() > now.getTime()) throw unprocessable('PERIOD_NOT_OVER', `${period.label}尚未结束，不能通报`, { period: key });
  const report = await buildReport(deps, 'monthly', key, now, actor);
  const doc: RankingPublicationDoc = { _id: key, label: report.title, from: period.from, to: period.to, scoring: report.profile.scoring, groups: groupsOf(rules, report.units), note, publishedAt: now, publishedBy: staffRef(actor) };
  try {
    await rankingPublicationModel(deps.db).create(doc);
  } catch (err) {
    if (isDuplicateKey(err)) throw conflict('RANKING_ALREADY_PUBLISHED', `${period.label}排名已通报`, { period: key });
    throw err;
  }
  await recordAudit(deps.db, { actor, action: 'ranking.publish', target: { type: 'ranking', id: key }, at: now });
  return doc;
}

export async function publishedRanking(db: Connection, key: string): Promise<RankingPublicationDoc> {
  const doc = await rankingPublicationModel(db).findById(parsePeriod('monthly', key).key).lean<RankingPublicationDoc>();
  if (!doc) throw notFound(`${key}排名通报`, 'RANKING_NOT_PUBLISHED');
  return doc;
}

export async function listPublishedRankings(db: Connection): Promise<RankingPublicationDoc[]> {
  return rankingPublicationModel(db).find({}).sort({ _id: -1 }).limit(60).lean<RankingPublicationDoc[]>();
}

export interface InterviewInput {
  unit: string;
  ground: InterviewGround;
  period?: string;
  heldOn?: string;
  interviewer: string;
  interviewee: string;
  note: string;
}

/** 003 §28(4): an interview for the ranking needs that month's published ranking marking the unit. */
async function checkRankingGround(db: Connection, unit: string, period: string): Promise<void> {
  const published = await rankingPublicationModel(db).findById(period).lean<RankingPublicationDoc>();
  if (!published) throw unprocessable('RANKING_NOT_PUBLISHED', `${period}排名尚未通报`, { period });
  const marked = published.groups.some((g) => g.units.some((u) => u.unit === unit && u.marked));
  if (!marked) throw unprocessable('UNIT_NOT_MARKED', `该单位在${period}排名通报中未达约谈标准（003 §28(4)）`, { unit, period });
}

export async function recordInterview(deps: AccountabilityDeps, input: InterviewInput, now: Date, actor: StaffActor): Promise<InterviewDoc> {
  checkGround(deps.profile, input.ground);
  const unit = await unitModel(deps.db).findById(input.unit, { name: 1 }).lean<{ _id: string; name: string }>();
  if (!unit) throw notFound('单位', 'UNIT_NOT_FOUND');
  const heldOn = input.heldOn ?? chinaDate(now);
  if (input.ground === 'ranking' && !input.period) throw unprocessable('PERIOD_REQUIRED', '按月通报排名约谈须注明通报月份', { ground: input.ground });
  const period = input.ground === 'ranking' ? (input.period as string) : heldOn.slice(0, 7);
  if (input.ground === 'ranking') await checkRankingGround(deps.db, unit._id, period);
  const id = input.ground === 'ranking' ? `${unit._id}:${period}:ranking` : new Types.ObjectId().toHexString();
  const doc: InterviewDoc = { _id: id, unit: unit._id, unitName: unit.name, ground: input.ground, period, heldOn, interviewer: input.interviewer, interviewee: input.interviewee, note: input.note, recordedAt: now, recordedBy: staffRef(actor) };
  try {
    await interviewModel(deps.db).create(doc);
  } catch (err) {
    if (isDuplicateKey(err)) throw conflict('INTERVIEW_EXISTS', `该单位${period}排名约谈已记录`, { unit: unit._id, period });
    throw err;
  }
  await recordAudit(deps.db, { actor, action: 'interview.record', target: { type: 'unit', id: unit._id }, details: { ground: input.ground, period }, at: now });
  return doc;
}

export async function listInterviews(db: Connection, filter: { unit?: string; period?: string }): Promise<InterviewDoc[]> {
  const q: Record<string, string> = {};
  if (filter.unit) q.unit = filter.unit;
  if (filter.period) q.period = filter.period;
  return interviewModel(db).find(q).sort({ period: -1, recordedAt: -1 }).limit(500).lean<InterviewDoc[]>();
}

export interface UnitAccountability {
  unit: string;
  unitName: string;
  interviews: number;
  escalations: EscalationState[];
}

export interface PendingInterview {
  unit: string;
  unitName: string;
  period: string;
  group: string;
}

const addMonths = (period: string, n: number): string => {
  const i = monthIndex(period) + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
};

/** Per unit interviewed in the window: the escalations reached at `period`; and marked units not yet interviewed. */
export async function accountabilityAt(deps: AccountabilityDeps, period: string, unit?: string): Promise<{ period: string; units: UnitAccountability[]; pending: PendingInterview[] }> {
  const rules = escalationRules(deps.profile);
  const from = addMonths(period, 1 - Math.max(12, ...rules.map((r) => r.withinMonths)));
  const q: Record<string, unknown> = { period: { $gte: from, $lte: period } };
  if (unit) q.unit = unit;
  const interviews = await interviewModel(deps.db).find(q).lean<InterviewDoc[]>();
  const byUnit = new Map<string, InterviewDoc[]>();
  for (const i of interviews) byUnit.set(i.unit, [...(byUnit.get(i.unit) ?? []), i]);
  const units = [...byUnit.values()]
    .map((list) => ({ unit: list[0].unit, unitName: list[0].unitName, interviews: list.length, escalations: escalationsAt(list.map((i) => i.period), period, rules) }))
    .sort((a, b) => b.interviews - a.interviews || a.unitName.localeCompare(b.unitName, 'zh'));
  const done = new Set(interviews.filter((i) => i.ground === 'ranking').map((i) => `${i.unit}:${i.period}`));
  const published = await rankingPublicationModel(deps.db).find({ _id: { $gte: from, $lte: period } }).lean<RankingPublicationDoc[]>();
  const pending = published.flatMap((p) =>
    p.groups.flatMap((g) => g.units.filter((u) => u.marked && !done.has(`${u.unit}:${p._id}`) && (!unit || u.unit === unit)).map((u) => ({ unit: u.unit, unitName: u.unitName, period: p._id, group: g.label }))),
  );
  return { period, units, pending };
}
