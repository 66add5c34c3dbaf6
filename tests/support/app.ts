import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Koa from 'koa';
import type { Connection } from 'mongoose';
import supertest from 'supertest';
import { createApp, type AppDeps } from '../../bff/src/app';
import { loadConfig, type Config } from '../../bff/src/config/config';
import { ManualClock } from '../../bff/src/lib/clock';
import { createLogger } from '../../bff/src/lib/logger';
import { connectTestDb, dropTestDb, type TestDbOptions } from './db';
import { createStorage } from '../../bff/src/storage/create-storage';
import { loadActiveRules } from '../../bff/src/sla/active-rules';
import { createWechat } from '../../bff/src/wechat/create-wechat';
import { responseContract, type ApiDocument } from './response-contract';

export interface TestApp {
  app: Koa;
  http: ReturnType<typeof supertest>;
  db: Connection;
  clock: ManualClock;
  config: Config;
  deps: AppDeps;
  close(): Promise<void>;
}

export const TEST_JWT_SECRET = 'test-secret-test-secret-test-secret-0123';

/** The real Koa app on a fresh database of the run's real server; no port is opened. */
export async function buildTestApp(env: Record<string, string> = {}, now = '2026-11-24T09:00:00+08:00', dbOptions: TestDbOptions = {}): Promise<TestApp> {
  const db = await connectTestDb(expect.getState().testPath?.split('/').pop() ?? 'app', dbOptions);
  const config = loadConfig({
    NODE_ENV: 'test',
    JWT_SECRET: TEST_JWT_SECRET,
    DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'mashang-app-')),
    LOG_LEVEL: 'silent',
    ...env,
  });
  const clock = new ManualClock(new Date(now));
  const secrets = { jwtSecret: TEST_JWT_SECRET, dataKey: Buffer.alloc(32, 7) };
  const deps: AppDeps = { config, db, clock, logger: createLogger('silent'), secrets, storage: createStorage(config, secrets, clock), ...loadActiveRules(config) };
  deps.wechat = createWechat(config, db, clock);
  deps.wechatLogin = deps.wechat;
  const app = createApp(deps);
  const doc = (await supertest(app.callback()).get('/api/openapi.json').expect(200)).body as ApiDocument;
  app.middleware.unshift(responseContract(doc));
  return { app, http: supertest(app.callback()), db, clock, config, deps, close: () => dropTestDb(db) };
}
