#!/usr/bin/env node
/**
 * Measures the mini-program builds and checks their structure:
 * - weapp: main package, each subpackage, total, by apparent size as WeChat counts it (main
 *   ≤ 400 KB is enforced: the first screen of a cheap phone on a weak network; total ≤ 2 MB is a
 *   budget; WeChat's hard caps: main 2 MB, each subpackage 2 MB, all together 20 MB);
 * - weapp: every page and subpackage listed in dist/weapp/app.json exists (.js .json .wxml);
 * - h5: the entry (scripts and styles index.html loads) gzipped (budget ≤ 300 KB).
 * Prints everything; exits non-zero past the main-package limit or a hard cap, on a missing page,
 * or a missing build (other budgets only warn).
 * Usage: node scripts/miniapp-budget.js [--weapp-only | --h5-only]
 */
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const KB = 1024;
const MB = 1024 * KB;
const DIST = path.resolve(__dirname, '..', 'miniapp', 'dist');
const BUDGET = { total: 2 * MB, h5EntryGz: 300 * KB };
/** Limits that fail the build (issue 19: the main package was 539 KB). */
const LIMIT = { main: 400 * KB };
const HARD = { main: 2 * MB, subpackage: 2 * MB, total: 20 * MB };
/** Files WeChat DevTools reads for the project, not shipped in the code package. */
const NOT_SHIPPED = new Set(['project.config.json', 'project.private.config.json']);

const problems = [];
const warnings = [];

const fmt = (bytes) => (bytes >= MB ? `${(bytes / MB).toFixed(2)} MB` : `${(bytes / KB).toFixed(1)} KB`);

function filesUnder(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(full));
    else out.push(full);
  }
  return out;
}

function line(label, bytes, budget, hard, limit) {
  let verdict = 'ok';
  if (hard !== undefined && bytes > hard) {
    verdict = `OVER WECHAT HARD CAP ${fmt(hard)}`;
    problems.push(`${label}: ${fmt(bytes)} > hard cap ${fmt(hard)}`);
  } else if (limit !== undefined && bytes > limit) {
    verdict = `OVER LIMIT ${fmt(limit)}`;
    problems.push(`${label}: ${fmt(bytes)} > limit ${fmt(limit)} (move what the first screen does not need into a subpackage)`);
  } else if (budget !== undefined && bytes > budget) {
    verdict = `over budget ${fmt(budget)}`;
    warnings.push(`${label}: ${fmt(bytes)} > budget ${fmt(budget)}`);
  }
  const limits = [limit !== undefined && `limit ${fmt(limit)}`, budget !== undefined && `budget ${fmt(budget)}`, hard !== undefined && `cap ${fmt(hard)}`].filter(Boolean).join(', ');
  console.log(`  ${label.padEnd(28)} ${fmt(bytes).padStart(10)}   ${limits.padEnd(28)} ${verdict}`);
}

function checkPages(root, appJson) {
  const missing = [];
  const need = (page) => {
    for (const ext of ['.js', '.json', '.wxml']) {
      if (!fs.existsSync(path.join(root, page + ext))) missing.push(page + ext);
    }
  };
  (appJson.pages || []).forEach(need);
  for (const sub of appJson.subPackages || appJson.subpackages || []) {
    if (!fs.existsSync(path.join(root, sub.root))) missing.push(`${sub.root}/ (subpackage root)`);
    (sub.pages || []).forEach((p) => need(`${sub.root}/${p}`));
  }
  const count = (appJson.pages || []).length + (appJson.subPackages || []).reduce((n, s) => n + (s.pages || []).length, 0);
  if (missing.length) problems.push(`pages listed in app.json but missing: ${missing.join(', ')}`);
  console.log(`  pages in app.json: ${count}, missing files: ${missing.length ? missing.join(', ') : 'none'}`);
}

function weapp() {
  const root = path.join(DIST, 'weapp');
  const appJsonPath = path.join(root, 'app.json');
  console.log(`weapp (${path.relative(process.cwd(), root)})`);
  if (!fs.existsSync(appJsonPath)) {
    problems.push('weapp build missing: run `npm run build:weapp`');
    console.log('  not built');
    return;
  }
  const appJson = JSON.parse(fs.readFileSync(appJsonPath, 'utf8'));
  const subRoots = (appJson.subPackages || appJson.subpackages || []).map((s) => s.root.replace(/\/+$/, ''));
  const sizes = { main: 0, total: 0 };
  const subSizes = Object.fromEntries(subRoots.map((r) => [r, 0]));
  for (const file of filesUnder(root)) {
    const rel = path.relative(root, file).split(path.sep).join('/');
    if (NOT_SHIPPED.has(rel)) continue;
    const size = fs.statSync(file).size;
    sizes.total += size;
    const sub = subRoots.find((r) => rel === r || rel.startsWith(`${r}/`));
    if (sub) subSizes[sub] += size;
    else sizes.main += size;
  }
  line('main package', sizes.main, undefined, HARD.main, LIMIT.main);
  for (const [sub, size] of Object.entries(subSizes)) line(`subpackage ${sub}`, size, undefined, HARD.subpackage);
  line('total with subpackages', sizes.total, BUDGET.total, HARD.total);
  checkPages(root, appJson);
}

function h5() {
  const root = path.join(DIST, 'h5');
  const indexPath = path.join(root, 'index.html');
  console.log(`h5 (${path.relative(process.cwd(), root)})`);
  if (!fs.existsSync(indexPath)) {
    problems.push('h5 build missing: run `npm run build:h5`');
    console.log('  not built');
    return;
  }
  const html = fs.readFileSync(indexPath, 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  let gz = 0;
  let raw = 0;
  for (const ref of refs) {
    // index.html names assets under the public path (/h5/…); they live under dist/h5/.
    const file = path.join(root, ref.replace(/^\/?h5\//, '').replace(/^\//, ''));
    if (!fs.existsSync(file)) {
      problems.push(`index.html references a missing file: ${ref}`);
      continue;
    }
    const body = fs.readFileSync(file);
    raw += body.length;
    gz += zlib.gzipSync(body, { level: 9 }).length;
  }
  console.log(`  entry files: ${refs.join(', ')}`);
  line('entry (raw)', raw);
  line('entry (gzip)', gz, BUDGET.h5EntryGz);
  const all = filesUnder(root).filter((f) => /\.(js|css)$/.test(f));
  const total = all.reduce((n, f) => n + fs.statSync(f).size, 0);
  line(`all js+css (${all.length} files, lazy)`, total);
}

const only = process.argv[2];
if (only !== '--h5-only') weapp();
if (only !== '--weapp-only') h5();
for (const w of warnings) console.log(`warning: ${w}`);
for (const p of problems) console.log(`FAIL: ${p}`);
process.exit(problems.length ? 1 : 0);
