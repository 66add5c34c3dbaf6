/**
 * The results as markdown: the machine and database they were measured on, one row per
 * scenario, the ratios BFF ÷ raw driver and BFF ÷ bare Koa, and the large-data query timings
 * with their plans. Written to tests/bench/RESULTS.md and into README's Performance section
 * (between markers), so the README always says when and where its figures came from.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../../bff/src/db/embedded-server';
import { fmt, type Figures } from './measure';
import type { RawFigures } from './raw-db';

export interface QueryTiming {
  name: string;
  ms: number;
  /** Documents matched or groups returned. */
  rows: number;
  /** The plan, as the server explains it (condensed). */
  plan: string;
}

export interface BenchReport {
  date: Date;
  mode: 'full' | 'quick';
  db: string;
  concurrency: number;
  secondsPerScenario: number;
  /** Tickets in the database during the HTTP scenarios. */
  datasetTickets: number;
  generateSeconds: number;
  bff: Array<Figures & { baseline: 'insert' | 'find' }>;
  raw: RawFigures;
  hello: Figures;
  queries: QueryTiming[];
  /** Per-query cap of the large-data timings. */
  capMs: number;
  /** 1-minute load average before and after the run: the machine is shared. */
  load: [number, number];
}

export function machine(): string {
  const cpu = os.cpus()[0]?.model?.trim() ?? 'unknown CPU';
  return `${os.cpus().length} cores, ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, ${os.platform()} ${os.release()}, Node ${process.version}`;
}

const row = (f: Figures, ratioRaw: string, ratioHello: string): string =>
  `| ${f.name} | ${fmt(f.opsPerSec)} | ${fmt(f.p50)} | ${fmt(f.p99)} | ${ratioRaw} | ${ratioHello} | ${f.errors ? `${f.errors} (${f.errorDetail ?? ''})` : '0'} |`;

const ratio = (a: number, b: number): string => (b > 0 ? `${a / b >= 0.1 ? (a / b).toFixed(2) : (a / b).toPrecision(2)}×` : '—');

export function renderReport(r: BenchReport): string {
  const n = r.datasetTickets.toLocaleString('en');
  const lines = [
    `Measured **${r.date.toISOString().slice(0, 16).replace('T', ' ')} UTC** (${r.mode} run) on ${machine()}.`,
    `Database: **${r.db}** on the same machine, over loopback. BFF in production mode (one process, logs at warn, sweeper off), ` +
      `autocannon with ${r.concurrency} connections, ${r.secondsPerScenario} s per scenario (the transition: a fixed number of tickets).`,
    '',
    '| scenario | ops/s | p50 ms | p99 ms | BFF ÷ raw driver | BFF ÷ bare Koa | non-2xx / errors |',
    '|---|---:|---:|---:|---:|---:|---|',
  ];
  for (const f of r.bff) {
    const base = f.baseline === 'insert' ? r.raw.insert : r.raw.find;
    lines.push(row(f, `${ratio(f.opsPerSec, base.opsPerSec)} of ${f.baseline === 'insert' ? 'insertOne' : 'findOne by key'}`, ratio(f.opsPerSec, r.hello.opsPerSec)));
  }
  lines.push(
    row({ ...r.raw.insert, name: `${r.raw.insert.name} (${r.concurrency} in flight)` }, '1×', '—'),
    row({ ...r.raw.find, name: `${r.raw.find.name} (${r.raw.docs.toLocaleString('en')} docs)` }, '1×', '—'),
    row({ ...r.raw.findById, name: `${r.raw.findById.name} (${r.raw.docs.toLocaleString('en')} docs)` }, ratio(r.raw.findById.opsPerSec, r.raw.find.opsPerSec) + ' of findOne by key', '—'),
    row(r.hello, '—', '1×'),
  );
  lines.push(
    '',
    `Then ${n} tickets generated through the shared state machine (spread over the bench's units, 12 months and every status) were inserted into the BFF's database in ${fmt(r.generateSeconds)} s. ` +
      `Queries over them, one run each through the driver (capped at ${fmt(r.capMs / 1000, 0)} s by \`maxTimeMS\`), and the plan the server reports:`,
    '',
    '| query | ms | rows | plan |',
    '|---|---:|---:|---|',
  );
  for (const q of r.queries) lines.push(`| ${q.name} | ${q.rows < 0 ? `> ${fmt(r.capMs, 0)} (stopped)` : fmt(q.ms)} | ${q.rows < 0 ? '—' : q.rows} | ${q.plan.replace(/\|/g, '\\|')} |`);
  lines.push('', `Load average (1 min) ${r.load[0].toFixed(2)} before, ${r.load[1].toFixed(2)} after: other work shared the machine.`);
  return lines.join('\n');
}

const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';

/** Writes RESULTS.md and replaces the README block between the bench markers (if present). */
export function writeReport(markdown: string): string[] {
  const written: string[] = [];
  const results = path.join(PROJECT_ROOT, 'tests', 'bench', 'RESULTS.md');
  writeFileSync(results, `# Benchmark results\n\nWritten by \`npm run bench\`; earlier results are replaced, not kept.\n\n${markdown}\n`);
  written.push(path.relative(PROJECT_ROOT, results));
  const readmePath = path.join(PROJECT_ROOT, 'README.md');
  const readme = readFileSync(readmePath, 'utf8');
  const a = readme.indexOf(START);
  const b = readme.indexOf(END);
  if (a !== -1 && b > a) {
    writeFileSync(readmePath, `${readme.slice(0, a + START.length)}\n${markdown}\n${readme.slice(b)}`);
    written.push('README.md');
  }
  return written;
}
