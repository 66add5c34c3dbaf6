/**
 * The BFF's OpenAPI document, built in-process: the real `createApp` with its real route
 * registry, a database connection that is never opened (registering routes reads nothing) and
 * the request answered through the app's callback without a listening port.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable, Writable } from 'node:stream';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { createApp, type AppDeps } from '../../bff/src/app';
import { loadConfig } from '../../bff/src/config/config';
import { systemClock } from '../../bff/src/lib/clock';
import { createLogger } from '../../bff/src/lib/logger';
import { loadActiveRules } from '../../bff/src/sla/active-rules';
import { createStorage } from '../../bff/src/storage/create-storage';

const SECRET = 'openapi-document-only-openapi-document-only';

function buildDeps(dataDir: string): AppDeps {
  const config = loadConfig({ NODE_ENV: 'test', JWT_SECRET: SECRET, DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  const secrets = { jwtSecret: SECRET, dataKey: Buffer.alloc(32, 1) };
  const clock = systemClock;
  return { config, db: mongoose.createConnection(), clock, logger: createLogger('silent'), secrets, storage: createStorage(config, secrets, clock), ...loadActiveRules(config) };
}

/** A GET through the Koa callback on in-memory request/response objects. */
function getJson(handler: (req: IncomingMessage, res: ServerResponse) => unknown, url: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const req = Object.assign(Readable.from([]), { method: 'GET', url, headers: { host: 'localhost', accept: 'application/json' }, socket: { remoteAddress: '127.0.0.1' } });
    const chunks: Buffer[] = [];
    const headers: Record<string, unknown> = {};
    const res = new Writable({
      write(chunk: Buffer, _enc, done) {
        chunks.push(Buffer.from(chunk));
        done();
      },
    });
    Object.assign(res, {
      statusCode: 200,
      headersSent: false,
      setHeader: (k: string, v: unknown) => (headers[k.toLowerCase()] = v),
      getHeader: (k: string) => headers[k.toLowerCase()],
      getHeaders: () => headers,
      hasHeader: (k: string) => k.toLowerCase() in headers,
      removeHeader: (k: string) => delete headers[k.toLowerCase()],
    });
    res.on('finish', () => {
      const status = (res as unknown as { statusCode: number }).statusCode;
      if (status !== 200) return reject(new Error(`GET ${url} answered ${status}`));
      resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
    });
    handler(req as unknown as IncomingMessage, res as unknown as ServerResponse);
  });
}

export async function openApiDocument(): Promise<unknown> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'mashang-openapi-'));
  try {
    return await getJson(createApp(buildDeps(dataDir)).callback(), '/api/openapi.json');
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
