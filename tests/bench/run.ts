/**
 * `npm run bench [-- --quick] [-- --tickets N | --million] [-- --engine postgresql|sqlite] [-- --write]`
 *
 * Starts the embedded database, a fake WeChat and the BFF in production mode, drives the BFF
 * with autocannon, measures the raw driver and a bare Koa app on the same machine, generates
 * a large ticket set and times the sweep and stats queries over it. Prints a markdown table;
 * a full run (or `--write`) stores it in tests/bench/RESULTS.md and README's Performance section.
 */
import os from 'node:os';
import { MongoClient } from 'mongodb';
import { startOfShanghaiDay, shanghaiDay } from '@mashang/shared';
import { uriWithDb } from '../crash/bff-process';
import { embeddedEngine, type EmbeddedEngine } from '../../bff/src/db/embedded-server';
import { startBenchEnv, type BenchEnv } from './environment';
import { runHttp, type HttpScenario } from './http-load';
import { fmt, type Figures } from './measure';
import { rawBaselines } from './raw-db';
import { generateTickets } from './generate-tickets';
import { timeQueries } from './queries';
import { renderReport, writeReport, type BenchReport } from './report';
import { createActors, type BenchActors } from './setup';
import { acceptScenario, adminListScenario, citizenListScenario, detailScenario, statsScenario, submitScenario, type Submitted } from './scenarios';

interface Options {
  quick: boolean;
  seconds: number;
  connections: number;
  tickets: number;
  citizens: number;
  write: boolean;
  engine?: EmbeddedEngine;
}

function options(argv: string[]): Options {
  const quick = argv.includes('--quick');
  const num = (name: string, fallback: number) => {
    const i = argv.indexOf(`--${name}`);
    const v = i === -1 ? fallback : Number(argv[i + 1]);
    if (!Number.isInteger(v) || v < 1) throw new Error(`--${name} needs a positive integer`);
    return v;
  };
  const tickets = argv.includes('--million') ? 1_000_000 : num('tickets', quick ? 2_000 : 100_000);
  const e = argv.indexOf('--engine');
  const engine = e === -1 ? undefined : embeddedEngine(argv[e + 1]);
  return { quick, seconds: num('seconds', quick ? 2 : 6), connections: num('connections', 10), tickets, citizens: quick ? 40 : 150, write: !quick || argv.includes('--write'), engine };
}

const log = (m: string) => process.stderr.write(`${m}\n`);

async function http(env: BenchEnv, s: HttpScenario, o: Options): Promise<Figures> {
  log(`  ${s.name}…`);
  const f = await runHttp(env.bff.baseUrl, s, o.connections);
  log(`    ${fmt(f.opsPerSec)} ops/s, p50 ${fmt(f.p50)} ms, p99 ${fmt(f.p99)} ms${f.errors ? `, non-2xx ${f.errorDetail}` : ''}`);
  return f;
}

async function bffScenarios(env: BenchEnv, a: BenchActors, o: Options): Promise<{ figures: BenchReport['bff']; tickets: number }> {
  const created: Submitted[] = [];
  const submit = await http(env, submitScenario(a, o.seconds, created), o);
  if (created.length < 10) throw new Error(`only ${created.length} tickets were submitted: ${submit.errorDetail ?? ''}`);
  const now = new Date();
  const figures: BenchReport['bff'] = [
    { ...submit, baseline: 'insert' },
    { ...(await http(env, detailScenario(a, o.seconds, created), o)), baseline: 'find' },
    { ...(await http(env, citizenListScenario(a, o.seconds), o)), baseline: 'find' },
    { ...(await http(env, adminListScenario(a, o.seconds), o)), baseline: 'find' },
    { ...(await http(env, acceptScenario(a, created, Math.min(created.length, o.quick ? 100 : 400)), o)), baseline: 'insert' },
    { ...(await http(env, statsScenario(a, o.seconds, now), o)), baseline: 'find' },
  ];
  return { figures, tickets: created.length };
}

async function largeData(env: BenchEnv, a: BenchActors, o: Options): Promise<Pick<BenchReport, 'generateSeconds' | 'queries' | 'capMs'>> {
  const client = await MongoClient.connect(uriWithDb(env.db.uri, env.bffDbName));
  try {
    const now = new Date();
    log(`generating ${o.tickets.toLocaleString('en')} tickets…`);
    const gen = await generateTickets(client.db(), { count: o.tickets, units: a.units, from: new Date(now.getTime() - 365 * 86_400_000), to: now, batchTag: '9' }, (done) => {
      if (done % 20_000 === 0) log(`  ${done.toLocaleString('en')}`);
    });
    log(`  ${fmt(gen.seconds)} s; by status ${JSON.stringify(gen.byStatus)}`);
    const monthStart = startOfShanghaiDay(`${shanghaiDay(now).slice(0, 7)}-01`);
    const capMs = o.quick ? 15_000 : 20_000;
    const queries = await timeQueries(client.db(), {
      now,
      month: { from: monthStart, to: now },
      sampleNo: gen.last.no,
      sampleId: gen.last._id,
      sampleCitizen: gen.last.citizenId,
      sampleUnit: a.units[0],
      capMs,
    });
    for (const q of queries) log(`  ${q.name}: ${fmt(q.ms)} ms, ${q.rows < 0 ? 'stopped by maxTimeMS' : `${q.rows} rows`}; ${q.plan}`);
    return { generateSeconds: gen.seconds, queries, capMs };
  } finally {
    await client.close();
  }
}

async function main(): Promise<void> {
  const o = options(process.argv.slice(2));
  const started = Date.now();
  const loadBefore = os.loadavg()[0];
  log(`bench (${o.quick ? 'quick' : 'full'}): ${o.connections} connections, ${o.seconds} s per scenario, ${o.tickets.toLocaleString('en')} generated tickets`);
  const env = await startBenchEnv(log, o.engine);
  try {
    log(`database: ${env.dbDescription}; BFF pid ${env.bff.pid} (production mode)`);
    const actors = await createActors(env, o.citizens);
    log('BFF scenarios:');
    const bff = await bffScenarios(env, actors, o);
    log('baselines:');
    const raw = await rawBaselines(env.db.uri, 'bench_raw', o.connections, o.seconds, bff.tickets);
    const hello = await runHttp(env.hello.baseUrl, { name: 'bare Koa "hello" (framework ceiling)', method: 'GET', seconds: o.seconds, build: () => ({ path: '/' }) }, o.connections);
    const large = await largeData(env, actors, o);
    const report: BenchReport = {
      date: new Date(),
      mode: o.quick ? 'quick' : 'full',
      db: env.dbDescription,
      concurrency: o.connections,
      secondsPerScenario: o.seconds,
      datasetTickets: o.tickets,
      generateSeconds: large.generateSeconds,
      bff: bff.figures,
      raw,
      hello,
      queries: large.queries,
      capMs: large.capMs,
      load: [loadBefore, os.loadavg()[0]],
    };
    const markdown = renderReport(report);
    process.stdout.write(`\n${markdown}\n\n`);
    if (o.write) log(`written: ${writeReport(markdown).join(', ')}`);
    log(`bench took ${fmt((Date.now() - started) / 1000)} s`);
  } finally {
    await env.stop();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
