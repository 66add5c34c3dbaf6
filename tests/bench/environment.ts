/**
 * Everything a bench run stands on, started fresh in a temp directory: the embedded database
 * (FerretDB), a loopback fake WeChat, the BFF as a separate process in production mode (no
 * dev login: citizens sign in through jscode2session on the fake), and a bare Koa "hello".
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { PROJECT_ROOT, startEmbeddedServer, type EmbeddedEngine, type EmbeddedServer } from '../../bff/src/db/embedded-server';
import { startFakeWechat, type FakeWechat } from '../support/fake-wechat';
import { runSecrets, startBff, type BffProcess } from '../crash/bff-process';

export interface BenchEnv {
  dir: string;
  db: EmbeddedServer;
  dbDescription: string;
  wechat: FakeWechat;
  bff: BffProcess;
  bffDbName: string;
  hello: { baseUrl: string; child: ChildProcess };
  admin: { username: string; password: string };
  stop(): Promise<void>;
}

async function describeServer(db: EmbeddedServer): Promise<string> {
  const client = await MongoClient.connect(db.uri);
  try {
    const info = await client.db('admin').command({ buildInfo: 1 });
    return typeof info.ferretdbVersion === 'string' ? db.description : `MongoDB ${String(info.version)}`;
  } finally {
    await client.close();
  }
}

function startHello(): Promise<{ baseUrl: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join('tests', 'bench', 'koa-hello.ts')], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`koa-hello exited with ${code}`)));
    child.stdout?.on('data', (d: Buffer) => {
      const port = /listening (\d+)/.exec(d.toString())?.[1];
      if (port) resolve({ baseUrl: `http://127.0.0.1:${port}`, child });
    });
  });
}

export async function startBenchEnv(log: (m: string) => void, engine?: EmbeddedEngine): Promise<BenchEnv> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mashang-bench-'));
  const db = await startEmbeddedServer(dir, log, { engine });
  const dbDescription = await describeServer(db);
  const wechat = await startFakeWechat();
  const admin = { username: 'benchadmin', password: `Bench-${randomBytes(9).toString('base64url')}1` };
  const bffDbName = 'bench_bff';
  const bff = await startBff({
    serverUri: db.uri,
    dbName: bffDbName,
    // BENCH_BFF_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the BFF under the load.
    nodeArgs: process.env.BENCH_BFF_NODE_ARGS?.split(' ').filter(Boolean),
    env: {
      NODE_ENV: 'production',
      ...runSecrets(),
      DATA_DIR: path.join(dir, 'bff-data'),
      ADMIN_USERNAME: admin.username,
      ADMIN_PASSWORD: admin.password,
      WECHAT_APPID: wechat.appid,
      WECHAT_SECRET: wechat.secret,
      WECHAT_API_BASE: wechat.baseUrl,
      // Request logs at info would cost the BFF a write per request to a pipe nobody reads here.
      LOG_LEVEL: 'warn',
      // A sweep pass over the generated tickets would compete with the measurements.
      SWEEP_INTERVAL_MS: '0',
      // The bench stands in for a proxy: each citizen's address comes in X-Forwarded-For (setup.ts).
      TRUSTED_PROXY_HOPS: '1',
    },
  });
  const hello = await startHello();
  return {
    dir,
    db,
    dbDescription,
    wechat,
    bff,
    bffDbName,
    hello,
    admin,
    async stop() {
      hello.child.kill('SIGTERM');
      await bff.stop();
      await wechat.close();
      await db.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
