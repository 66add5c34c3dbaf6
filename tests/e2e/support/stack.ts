import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import { bootstrapAdmin } from '../../../bff/src/auth/bootstrap-admin';
import { freePort } from '../../../bff/src/db/embedded-server';
import { DEFAULT_H5_DIR } from '../../../bff/src/h5/routes';
import { buildTestApp, type TestApp } from '../../support/app';

export const E2E_ADMIN = { username: 'e2e-admin', password: 'e2e-admin-password' };

export interface Stack {
  app: TestApp;
  /** http://127.0.0.1:<port> — the BFF, which also serves the h5 build at /h5/. */
  baseUrl: string;
  close(): Promise<void>;
}

/**
 * The whole product for a browser test: the run's real database (jest globalSetup), the real
 * BFF listening on a free loopback port, and the h5 build served by it. The build itself is
 * made once beforehand (`npm run build:h5`): building inside a test would take minutes.
 */
export async function startStack(env: Record<string, string> = {}): Promise<Stack> {
  if (!existsSync(path.join(DEFAULT_H5_DIR, 'index.html'))) {
    throw new Error(`the h5 build is missing (${DEFAULT_H5_DIR}): run \`npm run build:h5\` before the e2e tests`);
  }
  // The port first: upload and media URLs are made absolute from PUBLIC_BASE_URL (never the request's Host).
  const port = await freePort();
  const app = await buildTestApp({ ADMIN_USERNAME: E2E_ADMIN.username, ADMIN_PASSWORD: E2E_ADMIN.password, PUBLIC_BASE_URL: `http://127.0.0.1:${port}`, ...env });
  await bootstrapAdmin({ config: app.config, db: app.db, clock: app.clock, logger: app.deps.logger });
  const server: Server = await new Promise((resolve) => {
    const s = app.app.listen(port, '127.0.0.1', () => resolve(s));
  });
  return {
    app,
    baseUrl: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await app.close();
    },
  };
}

/** A staff token through the real admin login (for driving staff actions in e2e). */
export async function staffToken(stack: Stack, username = E2E_ADMIN.username, password = E2E_ADMIN.password): Promise<string> {
  const res = await stack.app.http.post('/api/admin/v1/auth/login').send({ username, password }).expect(200);
  return (res.body as { token: string }).token;
}
