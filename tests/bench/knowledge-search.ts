/**
 * Knowledge search on 10k entries: seeds a synthetic corpus (the Chinese fixture entries
 * recombined with place names and sentences of other answers), builds the index, and prints
 * p50/p99 of the search service. Not a test: timing depends on the machine.
 *
 *   npx tsx tests/bench/knowledge-search.ts            # embedded FerretDB in a temp dir
 *   MONGODB_URI=mongodb://… npx tsx tests/bench/knowledge-search.ts
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Connection } from 'mongoose';
import queries from '../fixtures/knowledge-queries.json';
import { startEmbeddedServer, type EmbeddedServer } from '../../bff/src/db/embedded-server';
import { connectDb } from '../../bff/src/db/connection';
import { ManualClock } from '../../bff/src/lib/clock';
import { newId } from '../../bff/src/audit/paging';
import { knowledgeEntryModel, type KnowledgeEntryDoc } from '../../bff/src/knowledge/model';
import { rebuildKnowledgeIndex } from '../../bff/src/knowledge/indexer';
import { searchPublished } from '../../bff/src/knowledge/queries';
import { KNOWLEDGE_CORPUS } from '../../bff/src/knowledge/demo-seed';

const ENTRIES = Number(process.env.ENTRIES ?? 10_000);
const ROUNDS = Number(process.env.ROUNDS ?? 20);
const PLACES = ['白银区', '平川区', '靖远县', '会宁县', '景泰县', '人民路街道', '四龙路街道', '公园路街道', '工农路街道', '纺织路街道', '水川镇', '王岘镇', '银光社区', '南苑社区', '北京路社区'];
const SENTENCES = KNOWLEDGE_CORPUS.flatMap((e) => e.answer.split('。').filter((s) => s.length > 4));

/** Deterministic pseudo-random numbers, so two runs measure the same corpus. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

function syntheticEntry(i: number, rand: () => number, now: Date): KnowledgeEntryDoc {
  const base = KNOWLEDGE_CORPUS[i % KNOWLEDGE_CORPUS.length];
  const place = PLACES[Math.floor(rand() * PLACES.length)];
  const extra = Array.from({ length: 2 }, () => SENTENCES[Math.floor(rand() * SENTENCES.length)]).join('。');
  const text = { question: `${place}${base.question}`, answer: `${base.answer}${extra}。`, tags: base.tags };
  return { _id: newId(), ...text, unit: `unit${i % 40}`, status: 'published', reviewBy: new Date(now.getTime() + 365 * 86_400_000), helpfulCount: 0, version: 0, createdBy: 'bench', createdAt: now, updatedAt: now, publishedAt: now, retiredAt: null };
}

async function seed(db: Connection, clock: ManualClock): Promise<void> {
  const rand = rng(42);
  const model = knowledgeEntryModel(db);
  await model.deleteMany({});
  for (let i = 0; i < ENTRIES; i += 1000) {
    const batch = Array.from({ length: Math.min(1000, ENTRIES - i) }, (_, k) => syntheticEntry(i + k, rand, clock.now()));
    await model.insertMany(batch, { ordered: false });
  }
  await rebuildKnowledgeIndex({ db, clock });
}

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function measure(db: Connection): Promise<number[]> {
  const times: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    for (const { q } of queries) {
      const start = performance.now();
      await searchPublished(db, q, 10);
      times.push(performance.now() - start);
    }
  }
  return times.sort((a, b) => a - b);
}

async function main(): Promise<void> {
  let server: EmbeddedServer | undefined;
  const uri = process.env.MONGODB_URI ?? (server = await startEmbeddedServer(mkdtempSync(path.join(os.tmpdir(), 'mashang-bench-')))).uri;
  const db = await connectDb(uri, `bench_knowledge_${Date.now().toString(36)}`);
  try {
    const clock = new ManualClock(new Date('2026-11-24T09:00:00+08:00'));
    const seeded = performance.now();
    await seed(db, clock);
    process.stdout.write(`seeded ${ENTRIES} entries and built the index in ${Math.round(performance.now() - seeded)} ms (${server ? 'embedded FerretDB' : 'MONGODB_URI'})\n`);
    await measure(db); // warm-up: connection pool, SQLite page cache
    const times = await measure(db);
    process.stdout.write(`search: ${times.length} queries  p50 ${percentile(times, 50).toFixed(1)} ms  p99 ${percentile(times, 99).toFixed(1)} ms  max ${times[times.length - 1].toFixed(1)} ms\n`);
  } finally {
    await db.dropDatabase().catch(() => undefined);
    await db.close();
    await server?.stop();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exitCode = 1;
});
