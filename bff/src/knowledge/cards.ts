/** Result-list cards of published entries, kept with the index (see CardBucketDoc). */
import { createHash } from 'node:crypto';
import type { Connection } from 'mongoose';
import { cardModel } from './index-model';
import type { KnowledgeEntryDoc } from './model';

export interface Card {
  /** question */
  q: string;
  /** answer excerpt */
  s: string;
  /** tags */
  t: string[];
  /** owning unit */
  u: string;
}

const SNIPPET = 80;

export function snippet(answer: string): string {
  const chars = [...answer];
  return chars.length > SNIPPET ? `${chars.slice(0, SNIPPET).join('')}…` : answer;
}

export const cardOf = (e: Pick<KnowledgeEntryDoc, 'question' | 'answer' | 'tags' | 'unit'>): Card => ({ q: e.question, s: snippet(e.answer), t: e.tags, u: e.unit });

export const bucketOf = (id: string): string => createHash('sha1').update(id).digest('hex').slice(0, 2);

const parse = (c: string | undefined): Record<string, Card> => (c ? (JSON.parse(c) as Record<string, Card>) : {});

/** Cards of the given entries (absent: not published), one bucket read per distinct bucket. */
export async function readCards(db: Connection, ids: readonly string[]): Promise<Map<string, Card>> {
  const buckets = [...new Set(ids.map(bucketOf))];
  const docs = await Promise.all(buckets.map((b) => cardModel(db).findById(b).lean()));
  const all = Object.assign({}, ...docs.map((d) => parse(d?.c))) as Record<string, Card>;
  return new Map(ids.filter((id) => all[id]).map((id) => [id, all[id]]));
}

/** Puts or removes one entry's card. Only the index writer calls this (under the index lease). */
export async function writeCard(db: Connection, id: string, card: Card | null): Promise<void> {
  const bucket = bucketOf(id);
  const doc = await cardModel(db).findById(bucket).lean();
  const cards = parse(doc?.c);
  if (card) cards[id] = card;
  else delete cards[id];
  await cardModel(db).updateOne({ _id: bucket }, { $set: { c: JSON.stringify(cards) } }, { upsert: true });
}

/** All buckets for a full rebuild. */
export function cardBuckets(entries: ReadonlyArray<Pick<KnowledgeEntryDoc, '_id' | 'question' | 'answer' | 'tags' | 'unit'>>): Array<{ _id: string; c: string }> {
  const buckets = new Map<string, Record<string, Card>>();
  for (const e of entries) {
    const b = bucketOf(e._id);
    const cards = buckets.get(b) ?? {};
    cards[e._id] = cardOf(e);
    buckets.set(b, cards);
  }
  return [...buckets].map(([b, cards]) => ({ _id: b, c: JSON.stringify(cards) }));
}
