/**
 * Backup and restore (issue 20): the demo city plus citizens' tickets with a photo and an
 * encrypted contact, backed up with `npm run backup` while the BFF runs, restored with
 * `npm run restore` into an empty DATA_DIR, and compared through the API of a BFF started on
 * the restored directory: the same organisation, the same tickets (decrypted contacts
 * included) and the same attachment bytes.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { api, must } from '../bench/api';
import { PROJECT_ROOT, embeddedEngine } from '../../bff/src/db/embedded-server';
import { PNG } from '../support/ticket-builders';
import { startBff, withBffOutput, type BffProcess } from './bff-process';

const root = mkdtempSync(path.join(os.tmpdir(), 'mashang-backup-'));
const original = path.join(root, 'original');
const restored = path.join(root, 'restored');
const backupDir = path.join(root, 'backup');
let a: BffProcess | undefined;
let b: BffProcess | undefined;

const describePg = embeddedEngine() === 'postgresql' && !process.env.MONGODB_URI ? describe : describe.skip;

afterAll(async () => {
  await a?.kill9();
  await b?.kill9();
  rmSync(root, { recursive: true, force: true });
});

/** `npm run <script> -- <arg>` as an operator runs it (tsx, the project's scripts), with DATA_DIR. */
function npmRun(script: 'backup' | 'restore', arg: string, dataDir: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join('scripts', `${script}.ts`), arg], {
      cwd: PROJECT_ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) => resolve({ code, out }));
  });
}

function demoPassword(dataDir: string, username: string): string {
  const line = readFileSync(path.join(dataDir, 'demo-credentials.txt'), 'utf8')
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .find((f) => f[0] === username);
  if (!line) throw new Error(`${username} not in demo-credentials.txt`);
  return line[1];
}

/** A citizen's ticket with one photo (the real upload flow) and a contact (encrypted at rest). */
async function ticketWithPhoto(base: string, code: string, i: number): Promise<string> {
  const token = (await must(200, base, 'POST', '/api/v1/auth/wechat', { body: { code } })).token as string;
  const issued = await must(201, base, 'POST', '/api/v1/uploads', { token, body: { kind: 'image', mime: 'image/png', size: PNG.length + i } });
  const form = new FormData();
  for (const [k, v] of Object.entries(issued.fields as Record<string, string>)) form.append(k, v);
  form.append('file', new Blob([Buffer.concat([PNG, Buffer.alloc(i, i)])], { type: 'image/png' }), 'photo.png');
  const put = await fetch(issued.uploadUrl as string, { method: 'POST', body: form });
  expect(put.status).toBe(200);
  const body = {
    type: 'complaint',
    content: `备份测试第${i}件：小区门口的垃圾堆了三天没人清运`,
    attachments: [issued.key],
    contact: { name: `张${i}`, phone: `1380000000${i}` },
    idempotencyKey: `backup-test-${i}`,
  };
  return ((await must(201, base, 'POST', '/api/v1/tickets', { token, body })).ticket as { no: string }).no;
}

/** Signed media URLs carry an expiry: compare where they point, and the bytes separately. */
function withoutSignatures(value: unknown): unknown {
  if (typeof value === 'string' && /^https?:\/\/\S+\?/.test(value)) return new URL(value).pathname;
  if (Array.isArray(value)) return value.map(withoutSignatures);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutSignatures(v)]));
  return value;
}

interface CityView {
  units: unknown;
  tickets: Record<string, unknown>;
  media: Record<string, string>;
}

/** What the operator sees: the units, every ticket in detail, and each attachment's bytes (base64). */
async function cityView(base: string, dataDir: string): Promise<CityView> {
  const token = (await must(200, base, 'POST', '/api/admin/v1/auth/login', { body: { username: 'demo-operator', password: demoPassword(dataDir, 'demo-operator') } })).token as string;
  const units = (await must(200, base, 'GET', '/api/admin/v1/units?limit=100', { token })).items;
  const tickets: Record<string, unknown> = {};
  const media: Record<string, string> = {};
  for (let cursor: string | undefined; ; ) {
    const page = await must(200, base, 'GET', `/api/admin/v1/tickets?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { token });
    for (const item of page.items as Array<{ no: string }>) {
      const detail = (await must(200, base, 'GET', `/api/admin/v1/tickets/${item.no}`, { token })).ticket as { attachments: Array<string | { key: string }> };
      for (const att of detail.attachments) {
        const key = typeof att === 'string' ? att : att.key;
        const res = await fetch(`${base}/api/admin/v1/media/${key}`, { headers: { authorization: `Bearer ${token}` } });
        expect(res.status).toBe(200);
        media[key] = Buffer.from(await res.arrayBuffer()).toString('base64');
      }
      tickets[item.no] = withoutSignatures(detail);
    }
    cursor = page.nextCursor as string | undefined;
    if (!cursor) break;
  }
  return { units: withoutSignatures(units), tickets, media };
}

describePg('backup and restore', () => {
  it(
    'when the demo city and tickets with photos are backed up while the BFF runs and restored into an empty DATA_DIR, then a BFF on it shows the same city, tickets, contacts and photos',
    async () => {
      const env = { DATA_DIR: original, EMBEDDED_DB: 'postgresql', SEED_DEMO: 'true', SWEEP_INTERVAL_MS: '0' };
      a = await startBff({ dbName: 'mashang', env });
      const before = await withBffOutput(() => [a], async () => {
        const base = a!.baseUrl;
        const nos = [await ticketWithPhoto(base, 'backup-a', 1), await ticketWithPhoto(base, 'backup-b', 2)];
        const view = await cityView(base, original);
        expect(Object.keys(view.tickets)).toEqual(expect.arrayContaining(nos));
        // the demo tickets are there too
        expect(Object.keys(view.tickets).length).toBeGreaterThan(nos.length + 5);
        expect(Object.keys(view.media).length).toBeGreaterThanOrEqual(2);
        expect(JSON.stringify(view.tickets[nos[0]])).toContain('13800000001');

        const made = await npmRun('backup', backupDir, original);
        expect(made).toMatchObject({ code: 0 });
        return view;
      });
      await a.stop();
      // With no BFF running, the backup starts the cluster itself (and stops it).
      const offline = await npmRun('backup', path.join(root, 'backup-offline'), original);
      expect(offline.code).toBe(0);
      expect(offline.out).toMatch(/no BFF runs/);
      const manifest = JSON.parse(readFileSync(path.join(backupDir, 'manifest.json'), 'utf8')) as { files: Record<string, unknown> };
      expect(Object.keys(manifest.files).sort()).toEqual(['database.pgdump', 'demo-credentials.txt', 'dev-secrets.json', 'uploads.tar.gz']);

      // Restoring over a DATA_DIR in use is refused; into a new one it succeeds.
      const refused = await npmRun('restore', backupDir, original);
      expect(refused.code).toBe(1);
      expect(refused.out).toMatch(/not empty/);
      const done = await npmRun('restore', backupDir, restored);
      expect(done).toMatchObject({ code: 0 });
      expect(existsSync(path.join(restored, 'uploads'))).toBe(true);

      b = await startBff({ dbName: 'mashang', env: { ...env, DATA_DIR: restored } });
      await withBffOutput(() => [b], async () => {
        const after = await cityView(b!.baseUrl, restored);
        expect(after.units).toEqual(before.units);
        expect(Object.keys(after.tickets).sort()).toEqual(Object.keys(before.tickets).sort());
        expect(after.tickets).toEqual(before.tickets);
        expect(after.media).toEqual(before.media);
        // and it works on: a new ticket gets the next number
        expect((await api(b!.baseUrl, 'GET', '/api/health/ready')).status).toBe(200);
        await ticketWithPhoto(b!.baseUrl, 'backup-c', 3);
      });
    },
    300_000,
  );
});
