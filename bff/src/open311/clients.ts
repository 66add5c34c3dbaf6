/** Open311 clients: an administrator registers one (its api_key is shown once), lists and revokes them; each step is audited. */
import type { Connection } from 'mongoose';
import type { Clock } from '../lib/clock';
import type { StaffActor } from '../http/route';
import { notFound } from '../http/errors';
import { newId } from '../audit/paging';
import { recordAudit } from '../audit/service';
import { generateApiKey, hashApiKey, keyHint } from './keys';
import { readyClientModel, type Open311ClientDoc } from './model';
import { open311Error } from './errors';

export interface ClientDeps {
  db: Connection;
  clock: Clock;
}

export const DEFAULT_REQUESTS_PER_HOUR = 100;

export interface ClientInput {
  name: string;
  requestsPerHour?: number;
}

const actorOf = (a: { id: string; name?: string }) => ({ id: a.id, ...(a.name ? { name: a.name } : {}) });

export function clientView(c: Open311ClientDoc) {
  return {
    id: c._id,
    name: c.name,
    keyHint: c.keyHint,
    requestsPerHour: c.requestsPerHour,
    active: c.active,
    createdAt: c.createdAt.toISOString(),
    createdBy: c.createdBy,
    revokedAt: c.revokedAt ? c.revokedAt.toISOString() : null,
    revokedBy: c.revokedBy ?? null,
  };
}

/** Inserts a client with a fresh key; `id` fixed only for the demo seed. */
export async function insertClient(deps: ClientDeps, input: ClientInput, by: { id: string; name?: string }, id = newId()): Promise<{ client: Open311ClientDoc; apiKey: string }> {
  const apiKey = generateApiKey();
  const client: Open311ClientDoc = {
    _id: id,
    name: input.name,
    keyHash: hashApiKey(apiKey),
    keyHint: keyHint(apiKey),
    requestsPerHour: input.requestsPerHour ?? DEFAULT_REQUESTS_PER_HOUR,
    active: true,
    createdAt: deps.clock.now(),
    createdBy: actorOf(by),
    revokedAt: null,
    revokedBy: null,
  };
  await (await readyClientModel(deps.db)).create(client);
  return { client, apiKey };
}

export async function createClient(deps: ClientDeps, input: ClientInput, actor: StaffActor): Promise<{ client: Open311ClientDoc; apiKey: string }> {
  const created = await insertClient(deps, input, actor);
  await recordAudit(deps.db, { actor, action: 'open311.client.create', target: { type: 'open311-client', id: created.client._id }, details: { requestsPerHour: created.client.requestsPerHour }, at: deps.clock.now() });
  return created;
}

export async function listClients(db: Connection): Promise<Open311ClientDoc[]> {
  const rows = await (await readyClientModel(db)).find({}).lean<Open311ClientDoc[]>();
  return rows.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
}

/** The key stops working at once; the record stays (the tickets it filed name it). Revoking twice answers the revoked client. */
export async function revokeClient(deps: ClientDeps, id: string, actor: StaffActor): Promise<Open311ClientDoc> {
  const clients = await readyClientModel(deps.db);
  const now = deps.clock.now();
  const updated = await clients.findOneAndUpdate({ _id: id, active: true }, { $set: { active: false, revokedAt: now, revokedBy: actorOf(actor) } }, { returnDocument: 'after' }).lean<Open311ClientDoc>();
  if (updated) {
    await recordAudit(deps.db, { actor, action: 'open311.client.revoke', target: { type: 'open311-client', id }, at: now });
    return updated;
  }
  const current = await clients.findById(id).lean<Open311ClientDoc>();
  if (!current) throw notFound('Open311 客户端', 'OPEN311_CLIENT_NOT_FOUND');
  return current;
}

/** The active client of an api_key; 403 (the spec's answer) when the key is missing, unknown or revoked. */
export async function clientOfKey(db: Connection, apiKey: string | undefined): Promise<Open311ClientDoc> {
  if (!apiKey) throw open311Error(403, 'api_key is required');
  const client = await (await readyClientModel(db)).findOne({ keyHash: hashApiKey(apiKey) }).lean<Open311ClientDoc>();
  if (!client || !client.active) throw open311Error(403, 'api_key is not valid (unknown or revoked)');
  return client;
}
