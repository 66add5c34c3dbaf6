import mongoose, { type ConnectOptions, type Connection } from 'mongoose';

export interface DbInfo {
  kind: 'ferretdb' | 'mongodb';
  version: string;
}

/**
 * How long a request waits for an unreachable database before it is answered 503: the driver's
 * server selection and mongoose's command buffer both give up after this.
 */
export const DB_WAIT_MS = 2_000;

/** One mongoose connection; strict queries so unknown filter keys never reach the server. */
export async function connectDb(uri: string, dbName?: string): Promise<Connection> {
  const conn = mongoose.createConnection(uri, {
    dbName,
    serverSelectionTimeoutMS: DB_WAIT_MS,
    connectTimeoutMS: DB_WAIT_MS,
    autoIndex: true,
    // command events for the metrics' database latency (metrics/db-commands.ts)
    monitorCommands: true,
    // documented for createConnection (connection.js), missing from ConnectOptions' type
    ...({ bufferTimeoutMS: DB_WAIT_MS } as ConnectOptions),
  });
  conn.set('strictQuery', true);
  return conn.asPromise();
}

const UNREACHABLE_ERRORS = new Set([
  'MongoServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoPoolClearedError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
]);
/** FerretDB answers while its storage is down, with the storage's connection error as text. */
const STORAGE_DOWN = /connect(ion)? refused|failed to connect|dial tcp|the database system is (starting up|shutting down|in recovery mode)|terminating connection|server closed the connection|conn closed|connection reset|unexpected EOF/i;

/**
 * Socket errors the driver sometimes lets through unwrapped: writing a command to a connection
 * the server has just closed (its process killed) throws Node's own EPIPE "This socket has been
 * ended by the other party" from `Connection.writeCommand`, not a MongoNetworkError. Only when
 * thrown inside the driver: the same codes from WeChat or OSS calls are not the database's.
 */
const SOCKET_ERRORS = new Set(['EPIPE', 'ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT']);

/** The database (or the storage behind the embedded server) cannot be reached right now: worth a retry, not a 500. */
export function isDatabaseUnavailable(err: unknown): boolean {
  const e = err as { name?: string; message?: string; code?: number | string; stack?: string; cause?: unknown } | undefined;
  if (!e || typeof e !== 'object') return false;
  if (e.name && UNREACHABLE_ERRORS.has(e.name)) return true;
  if (typeof e.code === 'string' && SOCKET_ERRORS.has(e.code) && /[\\/]node_modules[\\/]mongodb[\\/]/.test(e.stack ?? '')) return true;
  // mongoose's own "buffering timed out" while the connection is down
  if (e.name === 'MongooseError' && /buffering timed out/i.test(e.message ?? '')) return true;
  if (e.name === 'MongoServerError' && e.code === 1 && STORAGE_DOWN.test(e.message ?? '')) return true;
  return e.cause !== undefined && e.cause !== err && isDatabaseUnavailable(e.cause);
}

export async function describeDb(conn: Connection): Promise<DbInfo> {
  const info = await conn.db!.admin().command({ buildInfo: 1 });
  if (typeof info.ferretdbVersion === 'string') return { kind: 'ferretdb', version: info.ferretdbVersion };
  return { kind: 'mongodb', version: String(info.version) };
}
