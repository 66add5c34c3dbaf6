/** The server entry: the only place that listens, connects and starts background work. */
import http from 'node:http';
import { loadConfig, ConfigError, type Config } from './config/config';
import { createLogger, type Logger } from './lib/logger';
import { systemClock } from './lib/clock';
import { connectDb, describeDb } from './db/connection';
import { startEmbeddedServer, type EmbeddedServer } from './db/embedded-server';
import { createApp } from './app';
import { loadActiveRules, type ActiveRules } from './sla/active-rules';
import { resolveSecrets } from './config/dev-secrets';
import { bootstrapAdmin } from './auth/bootstrap-admin';
import { seedDemoOnStart } from './seed/startup';
import { seedDemoTickets } from './seed/demo-tickets';
import { createStorage } from './storage/create-storage';
import { createWechat } from './wechat/create-wechat';
import { startNoticeDelivery } from './outbox/service';
import { startSweeper } from './sweeper/sweeper';

async function resolveDatabase(config: Config, logger: Logger, onFailure: (err: Error) => void): Promise<{ uri: string; embedded?: EmbeddedServer }> {
  if (config.MONGODB_URI) return { uri: config.MONGODB_URI };
  const embedded = await startEmbeddedServer(config.dataDir, (m) => logger.info(m), { onFailure });
  logger.info({ port: embedded.port, dataDir: config.dataDir, engine: embedded.description }, 'embedded database started');
  return { uri: `${embedded.uri}mashang`, embedded };
}

async function main(): Promise<void> {
  let config: Config;
  let rules: ActiveRules;
  try {
    config = loadConfig();
    rules = loadActiveRules(config);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(78);
    }
    throw err;
  }
  const logger = createLogger(config.LOG_LEVEL);
  let fail = (err: Error): void => {
    throw err;
  };
  // The embedded database could not be kept running: exit non-zero rather than serve without it.
  const { uri, embedded } = await resolveDatabase(config, logger, (err) => fail(err)).catch((err: Error) => {
    process.stderr.write(`The embedded database did not start: ${err.message}\n`);
    process.exit(1);
  });
  const shutdownTasks: Array<() => Promise<unknown>> = [];
  if (embedded) shutdownTasks.push(() => embedded.stop());
  let stopping = false;
  const shutdown = async (signal: string, code = 0) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    for (const task of shutdownTasks.reverse()) await task().catch((err) => logger.error({ err }, 'shutdown step failed'));
    process.exit(code);
  };
  fail = (err) => {
    logger.fatal({ err: err.message }, 'the embedded database cannot be kept running; stopping');
    void shutdown('database-failed', 1);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    const db = await connectDb(uri);
    shutdownTasks.push(() => db.close());
    const info = await describeDb(db);
    logger.info(info, 'database connected');
    const secrets = resolveSecrets(config, logger);
    if (config.devLogin) logger.warn('dev-login mode: no WECHAT_APPID, so citizens log in with any code as openid dev_<code>; never for production');
    if ((await bootstrapAdmin({ config, db, clock: systemClock, logger })) === 'not-configured') logger.info('ADMIN_USERNAME/ADMIN_PASSWORD not set: no bootstrap administrator');
    const seeded = await seedDemoOnStart({ config, db, clock: systemClock, logger });
    const storage = createStorage(config, secrets, systemClock);
    logger.info({ storage: storage.kind }, 'media storage');
    const wechat = createWechat(config, db, systemClock);
    if (seeded.decision === 'seeded') await seedDemoTickets({ config, db, clock: systemClock, logger, secrets, storage, wechat, ...rules }, seeded.org);
    const app = createApp({ config, db, clock: systemClock, logger, secrets, storage, wechat, wechatLogin: wechat, ...rules });
    shutdownTasks.push(startNoticeDelivery({ config, db, clock: systemClock, logger, wechat }));
    const server = http.createServer(app.callback());
    server.requestTimeout = 30_000;
    await new Promise<void>((resolve) => server.listen(config.PORT, config.HOST, resolve));
    shutdownTasks.push(() => new Promise((r) => server.close(r)));
    shutdownTasks.push(startSweeper({ config, db, clock: systemClock, logger, secrets, storage, wechat, ...rules }, config.SWEEP_INTERVAL_MS));
    logger.info(`码上反映·马上办理 listening on http://127.0.0.1:${config.PORT} (profile ${config.REGULATION_PROFILE}) — citizen app /h5/, API docs /api/docs`);
  } catch (err) {
    logger.fatal({ err }, 'startup failed');
    await shutdown('startup-failure', 1);
  }
}

void main();
