#!/usr/bin/env node
/*
 * The long fuzz run on demand: `npm run fuzz -- --runs 20000 [--seed N] [--concurrency 6]`.
 * Same test file as the bounded CI run, more requests and (by default) a fresh seed, printed
 * so any finding can be replayed with `--seed`.
 */
const { spawnSync } = require('node:child_process');

function flag(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  if (i === -1) return fallback;
  const value = Number(process.argv[i + 1]);
  if (!Number.isInteger(value) || value < 1) {
    process.stderr.write(`--${name} needs a positive integer\n`);
    process.exit(2);
  }
  return value;
}

const runs = flag('runs', 20000);
const seed = flag('seed', Math.floor(Math.random() * 2 ** 31));
const concurrency = flag('concurrency', 6);
process.stdout.write(`fuzz: ${runs} requests, seed ${seed}, concurrency ${concurrency}\n`);
const res = spawnSync('npx', ['jest', 'tests/fuzz/fuzz.api.test.ts'], {
  stdio: 'inherit',
  env: { ...process.env, FUZZ_RUNS: String(runs), FUZZ_SEED: String(seed), FUZZ_CONCURRENCY: String(concurrency) },
});
process.exit(res.status ?? 1);
