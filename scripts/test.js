#!/usr/bin/env node
/* Runs every test: type checks, then the one jest run (unit, API on the real DB, e2e). */
const { spawnSync } = require('node:child_process');

function step(title, cmd, args) {
  process.stdout.write(`\n== ${title}\n`);
  const res = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  if (res.status !== 0) process.exit(res.status ?? 1);
}

step('type check', 'npx', ['tsc', '-p', 'shared']);
step('type check', 'npx', ['tsc', '-p', 'bff']);
step('type check', 'npx', ['tsc', '-p', 'tests']);
step('type check (mini-program, weapp and h5 platform files)', 'npx', ['tsc', '-p', 'miniapp']);
step('type check', 'npx', ['tsc', '-p', 'miniapp/tsconfig.h5.json']);
step('type check (staff workbench)', 'npx', ['tsc', '-p', 'admin']);
// The mini-program builds (weapp checked and measured, h5 served to the e2e tests in Chromium).
step('mini-program builds and size budget', 'npm', ['run', 'build']);
// The staff workbench, served to the e2e tests at /admin/ (a few seconds).
step('staff workbench build', 'npm', ['run', '-w', '@mashang/admin', 'build', '--silent']);
step('jest', 'npx', ['jest', ...process.argv.slice(2)]);
