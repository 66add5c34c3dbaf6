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
import { drainable, type Drainable } from './http/graceful-close';
import type { Lifecycle } from './health/readiness';
import { createMetrics } from './metrics/metrics';
import { recordDbCommands } from './metrics/db-commands';
import type { Connection } from 'mongoose';

async function resolveDatabase(config: Config, logger: Logger, onFailure: (err: Error) => void): Promise<{ uri: string; embedded?: EmbeddedServer }> {
  if (config.MONGODB_URI) return { uri: config.MONGODB_URI };
  const embedded = await startEmbeddedServer(config.dataDir, (m) => logger.info(m), { onFailure });
  logger.info({ port: embedded.port, dataDir: config.dataDir, engine: embedded.description }, 'embedded database started');
  return { uri: `${embedded.uri}mashang`, embedded };
}

/** What runs, in the order a shutdown stops it (each part present once started). */
interface Running {
  http?: Drainable;
  /** Stop functions of the background jobs (sweeper: waits for its pass and releases its lease; notice delivery). */
  background: Array<() => Promise<void>>;
  db?: Connection;
  embedded?: EmbeddedServer;
}

/**
 * SIGTERM: stop accepting and let the requests in flight finish (at most SHUTDOWN_TIMEOUT_MS,
 * then their connections are closed) while the background jobs stop; then close the database,
 * then stop the embedded server. A shutdown that hangs beyond that (a sweep pass stuck on the
 * database) ends the process non-zero after a further 20 s.
 */
async function stopAll(running: Running, config: Config, logger: Logger): Promise<void> {
  const started = Date.now();
  const step = <T>(what: string, work: Promise<T>) => work.catch((err: unknown) => logger.error({ err, step: what }, 'shutdown step failed'));
  const [drained] = await Promise.all([
    running.http ? step('http', running.http.close(config.SHUTDOWN_TIMEOUT_MS)) : undefined,
    ...running.background.map((stop) => step('background job', stop())),
  ]);
  if (drained && drained.forced > 0) logger.warn({ forced: drained.forced }, 'requests still running at the shutdown deadline were cut off');
  if (running.db) await step('database connection', running.db.close());
  if (running.embedded) await step('embedded database', running.embedded.stop());
  logger.info({ ms: Date.now() - started }, 'shutdown complete');
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
  const lifecycle: Lifecycle = { draining: false };
  const metrics = config.METRICS_TOKEN ? createMetrics() : undefined;
  const running: Running = { background: [] };
  let stopping = false;
  const shutdown = async (signal: string, code = 0) => {
    if (stopping) return;
    stopping = true;
    lifecycle.draining = true;
    logger.info({ signal, graceMs: config.SHUTDOWN_TIMEOUT_MS }, 'shutting down');
    setTimeout(() => {
      logger.fatal('shutdown did not finish in time; exiting');
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_MS + 20_000).unref();
    await stopAll(running, config, logger);
    process.exit(code);
  };
  // The embedded database could not be kept running: exit non-zero rather than serve without it.
  const fail = (err: Error): void => {
    logger.fatal({ err: err.message }, 'the embedded database cannot be kept running; stopping');
    void shutdown('database-failed', 1);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  const { uri, embedded } = await resolveDatabase(config, logger, fail).catch((err: Error) => {
    process.stderr.write(`The embedded database did not start: ${err.message}\n`);
    process.exit(1);
  });
  running.embedded = embedded;

  try {
    const db = await connectDb(uri);
    running.db = db;
    if (metrics) recordDbCommands(db, metrics);
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
    const deps = { config, db, clock: systemClock, logger, secrets, storage, wechat, metrics, lifecycle, ...rules };
    const app = createApp({ ...deps, wechatLogin: wechat });
    running.background.push(startNoticeDelivery(deps));
    const server = http.createServer(app.callback());
    server.requestTimeout = 30_000;
    running.http = drainable(server);
    await new Promise<void>((resolve) => server.listen(config.PORT, config.HOST, resolve));
    running.background.push(startSweeper(deps, config.SWEEP_INTERVAL_MS));
    if (metrics) logger.info('metrics at /api/metrics (bearer METRICS_TOKEN)');
    logger.info(`码上反映·马上办理 listening on http://127.0.0.1:${config.PORT} (profile ${config.REGULATION_PROFILE}) — citizen app /h5/, API docs /api/docs`);
  } catch (err) {
    logger.fatal({ err }, 'startup failed');
    await shutdown('startup-failure', 1);
  }
}

void main();
