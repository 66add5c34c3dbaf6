/**
 * Citizen sessions: a short-lived access token (JWT, never looked up per request) and a
 * refresh token (random, stored hashed) that is rotated on every use. Presenting a token that
 * was already rotated means two parties hold it — the whole family is revoked (reuse
 * detection). Logout revokes the family. Reuses and logouts are audited.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Connection } from 'mongoose';
import type { Config } from '../config/config';
import type { Clock } from '../lib/clock';
import type { Logger } from '../lib/logger';
import { unauthorized } from '../http/errors';
import { isDuplicateKey } from '../db/atomic';
import { newId } from '../audit/paging';
import { recordAudit } from '../audit/service';
import type { TokenService } from './tokens';
import { refreshTokenModel, type RefreshTokenDoc } from './refresh-model';

export interface CitizenSessionDeps {
  db: Connection;
  clock: Clock;
  logger: Logger;
  config: Pick<Config, 'CITIZEN_REFRESH_TTL_DAYS'>;
}

export interface TokenPair {
  token: string;
  refreshToken: string;
  /** Seconds the access token lives. */
  expiresIn: number;
}

const DAY_MS = 86_400_000;
const hashOf = (refreshToken: string): string => createHash('sha256').update(refreshToken, 'utf8').digest('hex');

async function storeRefresh(deps: CitizenSessionDeps, citizen: string, family: string, n: number): Promise<string> {
  const refreshToken = randomBytes(32).toString('base64url');
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + deps.config.CITIZEN_REFRESH_TTL_DAYS * DAY_MS);
  await refreshTokenModel(deps.db).create({ _id: `${family}:${n}`, hash: hashOf(refreshToken), family, n, citizen, createdAt: now, expiresAt });
  return refreshToken;
}

const pair = (tokens: TokenService, citizen: string, refreshToken: string): TokenPair => ({ token: tokens.signCitizen(citizen), refreshToken, expiresIn: tokens.citizenTtlSeconds });

/** A new family for a fresh login; the citizen's expired refresh tokens are dropped on the way. */
export async function startCitizenSession(deps: CitizenSessionDeps, tokens: TokenService, citizen: string): Promise<TokenPair> {
  const model = refreshTokenModel(deps.db);
  await model.init(); // the unique hash index must exist before lookups by hash
  await model.deleteMany({ citizen, expiresAt: { $lte: deps.clock.now() } });
  return pair(tokens, citizen, await storeRefresh(deps, citizen, newId(), 0));
}

async function revokeFamily(deps: CitizenSessionDeps, family: string): Promise<void> {
  await refreshTokenModel(deps.db).updateMany({ family, revokedAt: { $exists: false } }, { $set: { revokedAt: deps.clock.now() } });
}

const isRevoked = async (deps: CitizenSessionDeps, family: string): Promise<boolean> =>
  (await refreshTokenModel(deps.db).countDocuments({ family, revokedAt: { $exists: true } })) > 0;

async function onReuse(deps: CitizenSessionDeps, doc: RefreshTokenDoc): Promise<never> {
  await revokeFamily(deps, doc.family);
  await recordAudit(deps.db, { actor: { kind: 'citizen', id: doc.citizen }, action: 'citizen.refresh.reused', target: { type: 'citizen', id: doc.citizen }, details: { family: doc.family, n: doc.n }, at: deps.clock.now() });
  deps.logger.warn({ alert: 'citizen-refresh-reuse', citizen: doc.citizen, family: doc.family }, 'citizen refresh token used twice: its family is revoked');
  throw unauthorized('登录已失效，请重新登录', 'REFRESH_TOKEN_REUSED');
}

/**
 * Rotates a refresh token: answers a new pair, or 401 (unknown, revoked, expired, or reused —
 * the last revoking the family). The successor is claimed by inserting `<family>:<n+1>`; a
 * revocation racing with that insert is caught by looking at the family once more after it.
 */
export async function refreshCitizenSession(deps: CitizenSessionDeps, tokens: TokenService, refreshToken: string): Promise<TokenPair> {
  const doc = await refreshTokenModel(deps.db).findOne({ hash: hashOf(refreshToken) }).lean();
  if (!doc || doc.revokedAt) throw unauthorized('登录已失效，请重新登录', 'REFRESH_TOKEN_INVALID');
  if (doc.expiresAt.getTime() <= deps.clock.now().getTime()) throw unauthorized('登录已过期，请重新登录', 'REFRESH_TOKEN_EXPIRED');
  let next: string;
  try {
    next = await storeRefresh(deps, doc.citizen, doc.family, doc.n + 1);
  } catch (err) {
    if (isDuplicateKey(err)) return onReuse(deps, doc);
    throw err;
  }
  if (await isRevoked(deps, doc.family)) {
    await revokeFamily(deps, doc.family);
    throw unauthorized('登录已失效，请重新登录', 'REFRESH_TOKEN_INVALID');
  }
  return pair(tokens, doc.citizen, next);
}

/** Revokes the family of this refresh token (audited). Unknown or already revoked tokens change nothing. */
export async function endCitizenSession(deps: CitizenSessionDeps, refreshToken: string): Promise<void> {
  const doc = await refreshTokenModel(deps.db).findOne({ hash: hashOf(refreshToken) }).lean();
  if (!doc || doc.revokedAt) return;
  await revokeFamily(deps, doc.family);
  await recordAudit(deps.db, { actor: { kind: 'citizen', id: doc.citizen }, action: 'citizen.logout', target: { type: 'citizen', id: doc.citizen }, details: { family: doc.family }, at: deps.clock.now() });
}
