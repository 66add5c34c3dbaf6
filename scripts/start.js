#!/usr/bin/env node
/*
 * `npm start`: builds the mini-program's h5 version and the staff workbench once if they are
 * missing (so the BFF can serve them at /h5/ and /admin/ and anyone can use them in a browser at
 * once), then runs the BFF, which starts
 * the embedded database itself unless MONGODB_URI is set.
 */
const { spawn, spawnSync } = require('node:child_process');
const { existsSync } = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const h5Index = path.join(root, 'miniapp', 'dist', 'h5', 'index.html');
const adminIndex = path.join(root, 'admin', 'dist', 'index.html');

if (!existsSync(h5Index) && process.env.SKIP_H5_BUILD !== 'true') {
  process.stdout.write('building the mini-program for the browser (first start only, about a minute)…\n');
  const built = spawnSync('npm', ['run', 'build:h5', '--silent'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (built.status !== 0) process.stderr.write('h5 build failed: the API still starts; /h5/ explains how to build it.\n');
}

if (!existsSync(adminIndex) && process.env.SKIP_ADMIN_BUILD !== 'true') {
  process.stdout.write('building the staff workbench (first start only, a few seconds)…\n');
  const built = spawnSync('npm', ['run', '-w', '@mashang/admin', 'build', '--silent'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (built.status !== 0) process.stderr.write('staff workbench build failed: the API still starts; /admin/ explains how to build it.\n');
}

const child = spawn(path.join(root, 'node_modules', '.bin', 'tsx'), [path.join(root, 'bff', 'src', 'server.ts')], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
