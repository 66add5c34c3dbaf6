/**
 * The demo knowledge base: the Chinese Q&A corpus in ./demo-corpus-zh.json (one
 * corpus for the demo city and for the search-quality tests), published for the units found
 * by `findDemoUnits`. Idempotent: entry ids derive from the corpus keys.
 */
import { createHash } from 'node:crypto';
import type { Actor } from '@mashang/shared';
import corpus from './demo-corpus-zh.json';
import type { DemoUnits, DemoUnitRole } from '../catalog/demo-units';
import { importKnowledgeEntry, type KnowledgeDeps } from './service';

export interface CorpusEntry {
  key: string;
  unit: string;
  tags: string[];
  question: string;
  answer: string;
}

export const KNOWLEDGE_CORPUS: readonly CorpusEntry[] = corpus;

/** A stable ObjectId-shaped id per corpus key, so a second seed run finds the first run's entries. */
export const corpusEntryId = (key: string): string => createHash('sha1').update(`knowledge:${key}`).digest('hex').slice(0, 24);

const SEED_ACTOR: Actor = { kind: 'system', id: 'system' };

/** Publishes every corpus entry whose unit exists; returns how many were new. */
export async function seedDemoKnowledge(deps: KnowledgeDeps, units: DemoUnits): Promise<number> {
  let created = 0;
  for (const item of KNOWLEDGE_CORPUS) {
    const unit = units[item.unit as DemoUnitRole];
    if (!unit) continue;
    const fresh = await importKnowledgeEntry(deps, { id: corpusEntryId(item.key), question: item.question, answer: item.answer, tags: item.tags, unit: unit._id }, SEED_ACTOR);
    if (fresh) created += 1;
  }
  return created;
}
