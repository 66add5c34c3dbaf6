/**
 * The shared access token, cached in the database so every BFF instance uses the same one.
 * Refreshing is done by one instance at a time: the refresher first inserts a lease document
 * whose `_id` names the cache version it replaces (unique inserts are atomic on FerretDB and
 * MongoDB alike); the others poll the cache until the new version appears. The lease id also
 * carries a time slot, so a refresher that died only blocks others for one slot.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { Schema, type Connection, type Model } from 'mongoose';
import { applyVersioned, isDuplicateKey } from '../db/atomic';
import type { Clock } from '../lib/clock';
import { wechatUnavailable } from './errors';

interface TokenDoc {
  _id: string;
  version: number;
  token?: string;
  expiresAt?: Date;
  fetchedAt?: Date;
}

interface LeaseDoc {
  _id: string;
  at: Date;
}

const tokenSchema = new Schema<TokenDoc>({ _id: String, version: Number, token: String, expiresAt: Date, fetchedAt: Date }, { versionKey: false, collection: 'wechat_tokens' });
const leaseSchema = new Schema<LeaseDoc>({ _id: String, at: Date }, { versionKey: false, collection: 'wechat_token_leases' });

const tokenModel = (db: Connection): Model<TokenDoc> => (db.models.WechatToken as Model<TokenDoc>) ?? db.model<TokenDoc>('WechatToken', tokenSchema);
const leaseModel = (db: Connection): Model<LeaseDoc> => (db.models.WechatTokenLease as Model<LeaseDoc>) ?? db.model<LeaseDoc>('WechatTokenLease', leaseSchema);

export interface FetchedToken {
  token: string;
  expiresInSec: number;
}

export interface TokenStoreOptions {
  db: Connection;
  clock: Clock;
  appid: string;
  /** Calls stable_token; `force` invalidates the previous token at WeChat. */
  fetchToken(force: boolean): Promise<FetchedToken>;
  /** Refresh this long before WeChat's expiry. */
  marginMs?: number;
  leaseSlotMs?: number;
  pollMs?: number;
  waitMs?: number;
}

export class TokenStore {
  private readonly marginMs: number;
  private readonly leaseSlotMs: number;
  private readonly pollMs: number;
  private readonly waitMs: number;

  constructor(private readonly opts: TokenStoreOptions) {
    this.marginMs = opts.marginMs ?? 5 * 60_000;
    this.leaseSlotMs = opts.leaseSlotMs ?? 30_000;
    this.pollMs = opts.pollMs ?? 50;
    this.waitMs = opts.waitMs ?? 10_000;
  }

  /** A token valid for a while yet, from the cache or freshly fetched by exactly one instance. */
  async get(): Promise<string> {
    const doc = await this.read();
    if (this.usable(doc)) return doc.token!;
    return this.refresh(doc, false);
  }

  /** WeChat said `stale` is invalid (40001): unless someone already replaced it, force a new one. */
  async replace(stale: string): Promise<string> {
    const doc = await this.read();
    if (doc.token && doc.token !== stale && this.usable(doc)) return doc.token;
    return this.refresh(doc, true);
  }

  private usable(doc: TokenDoc): boolean {
    return !!doc.token && !!doc.expiresAt && doc.expiresAt.getTime() > this.opts.clock.now().getTime();
  }

  private async read(): Promise<TokenDoc> {
    const tokens = tokenModel(this.opts.db);
    const doc = await tokens.findById(this.opts.appid).lean<TokenDoc>();
    if (doc) return doc;
    await tokens.create({ _id: this.opts.appid, version: 0 }).catch((err: unknown) => {
      if (!isDuplicateKey(err)) throw err;
    });
    return (await tokens.findById(this.opts.appid).lean<TokenDoc>())!;
  }

  private async refresh(doc: TokenDoc, force: boolean): Promise<string> {
    const now = this.opts.clock.now();
    const leaseId = `${this.opts.appid}:${doc.version}:${Math.floor(now.getTime() / this.leaseSlotMs)}`;
    try {
      await leaseModel(this.opts.db).create({ _id: leaseId, at: now });
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      return this.waitForNewer(doc.version);
    }
    let fetched: FetchedToken;
    try {
      fetched = await this.opts.fetchToken(force);
    } catch (err) {
      // Let the next caller try at once instead of waiting out the slot.
      await leaseModel(this.opts.db).deleteOne({ _id: leaseId });
      throw err;
    }
    const expiresAt = new Date(now.getTime() + Math.max(60_000, fetched.expiresInSec * 1000 - this.marginMs));
    await applyVersioned(tokenModel(this.opts.db), this.opts.appid, doc.version, { $set: { token: fetched.token, expiresAt, fetchedAt: now } }, now);
    // Leases only matter while a refresh runs; old ones are just litter.
    await leaseModel(this.opts.db).deleteMany({ at: { $lt: new Date(now.getTime() - 3600_000) } });
    return fetched.token;
  }

  private async waitForNewer(version: number): Promise<string> {
    const deadline = Date.now() + this.waitMs;
    while (Date.now() < deadline) {
      await delay(this.pollMs);
      const doc = await tokenModel(this.opts.db).findById(this.opts.appid).lean<TokenDoc>();
      if (doc && doc.version > version && doc.token) return doc.token;
    }
    throw wechatUnavailable('获取接口凭证超时');
  }
}
