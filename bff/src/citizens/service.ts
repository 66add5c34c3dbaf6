/** Citizens: found or created by openid at login; their name and phone are stored encrypted. */
import type { Connection } from 'mongoose';
import type { Clock } from '../lib/clock';
import { applyVersioned, isDuplicateKey } from '../db/atomic';
import { conflict, notFound } from '../http/errors';
import { decryptOptional, encryptPii, maskName, maskPhone, phoneHash } from '../crypto';
import { newId } from '../audit/paging';
import { citizenModel, NAME_CONTEXT, PHONE_CONTEXT, type CitizenDoc } from './model';

export interface CitizenDeps {
  db: Connection;
  clock: Clock;
  secrets: { dataKey: Buffer };
}

/** What a citizen sees of themselves. */
export interface CitizenView {
  id: string;
  name?: string;
  phone?: string;
  createdAt: string;
}

/** What platform staff see: masked contact data and the abuse record. */
export interface CitizenStaffView {
  id: string;
  name?: string;
  phone?: string;
  createdAt: string;
  flags: Array<{ at: string; by: string; reason: string }>;
}

export function citizenView(deps: CitizenDeps, doc: CitizenDoc): CitizenView {
  const name = decryptOptional(deps.secrets.dataKey, doc.nameEnc, NAME_CONTEXT);
  const phone = decryptOptional(deps.secrets.dataKey, doc.phoneEnc, PHONE_CONTEXT);
  return { id: doc._id, ...(name ? { name } : {}), ...(phone ? { phone } : {}), createdAt: doc.createdAt.toISOString() };
}

export function citizenStaffView(deps: CitizenDeps, doc: CitizenDoc): CitizenStaffView {
  const own = citizenView(deps, doc);
  return {
    id: own.id,
    ...(own.name ? { name: maskName(own.name) } : {}),
    ...(own.phone ? { phone: maskPhone(own.phone) } : {}),
    createdAt: own.createdAt,
    flags: (doc.flags ?? []).map((f) => ({ at: f.at.toISOString(), by: f.by, reason: f.reason })),
  };
}

/**
 * The citizen with this openid, created on first login. The unique index on openid makes the
 * insert the arbiter: when two logins race, the loser reads the winner's document.
 */
export async function findOrCreateCitizen(deps: CitizenDeps, openid: string, unionid?: string): Promise<CitizenDoc> {
  const citizens = citizenModel(deps.db);
  await citizens.init(); // the unique openid index must exist before the first racing insert
  const existing = await citizens.findOne({ openid }).lean<CitizenDoc>();
  if (existing) return existing;
  const now = deps.clock.now();
  try {
    const created = await citizens.create({ _id: newId(), openid, ...(unionid ? { unionid } : {}), flags: [], version: 0, createdAt: now, updatedAt: now });
    return created.toObject<CitizenDoc>();
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    const winner = await citizens.findOne({ openid }).lean<CitizenDoc>();
    if (!winner) throw err;
    return winner;
  }
}

export async function getCitizen(db: Connection, id: string): Promise<CitizenDoc> {
  const doc = await citizenModel(db).findById(id).lean<CitizenDoc>();
  if (!doc) throw notFound('用户', 'CITIZEN_NOT_FOUND');
  return doc;
}

/** Read, change, claim the version; retried a few times when another write got there first. */
async function updateCitizen(deps: CitizenDeps, id: string, build: (doc: CitizenDoc) => Record<string, unknown>): Promise<CitizenDoc> {
  const model = citizenModel(deps.db);
  for (let attempt = 0; attempt < 5; attempt++) {
    const doc = await getCitizen(deps.db, id);
    const now = deps.clock.now();
    const change = build(doc);
    const update = { ...change, $set: { ...(change.$set as Record<string, unknown> | undefined), updatedAt: now } };
    if ((await applyVersioned(model, id, doc.version, update, now)) === 'applied') return getCitizen(deps.db, id);
  }
  throw conflict('CONCURRENT_UPDATE', '数据正被同时修改，请稍后重试');
}

export interface ProfileChange {
  name?: string | null;
  phone?: string | null;
}

/** Sets or clears the citizen's own name and phone (null clears). */
export function updateProfile(deps: CitizenDeps, id: string, change: ProfileChange): Promise<CitizenDoc> {
  const key = deps.secrets.dataKey;
  return updateCitizen(deps, id, () => {
    const $set: Record<string, unknown> = {};
    const $unset: Record<string, 1> = {};
    if (change.name !== undefined) {
      if (change.name) $set.nameEnc = encryptPii(key, change.name, NAME_CONTEXT);
      else $unset.nameEnc = 1;
    }
    if (change.phone !== undefined) {
      if (change.phone) Object.assign($set, { phoneEnc: encryptPii(key, change.phone, PHONE_CONTEXT), phoneHash: phoneHash(key, change.phone) });
      else Object.assign($unset, { phoneEnc: 1, phoneHash: 1 });
    }
    return { $set, ...(Object.keys($unset).length ? { $unset } : {}) };
  });
}

/** Adds an abuse flag by a staff member (000 §29, 002 §38). */
export function flagCitizen(deps: CitizenDeps, id: string, by: string, reason: string): Promise<CitizenDoc> {
  return updateCitizen(deps, id, () => ({ $push: { flags: { at: deps.clock.now(), by, reason } } }));
}

/** Citizens who gave this phone number (any formatting), found through the keyed hash. */
export async function findCitizensByPhone(deps: CitizenDeps, phone: string): Promise<CitizenDoc[]> {
  return citizenModel(deps.db).find({ phoneHash: phoneHash(deps.secrets.dataKey, phone) }).limit(50).lean<CitizenDoc[]>();
}
