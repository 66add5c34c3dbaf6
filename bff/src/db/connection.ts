import mongoose, { type Connection } from 'mongoose';

export interface DbInfo {
  kind: 'ferretdb' | 'mongodb';
  version: string;
}

/** One mongoose connection; strict queries so unknown filter keys never reach the server. */
export async function connectDb(uri: string, dbName?: string): Promise<Connection> {
  const conn = mongoose.createConnection(uri, {
    dbName,
    serverSelectionTimeoutMS: 10_000,
    autoIndex: true,
  });
  conn.set('strictQuery', true);
  return conn.asPromise();
}

export async function describeDb(conn: Connection): Promise<DbInfo> {
  const info = await conn.db!.admin().command({ buildInfo: 1 });
  if (typeof info.ferretdbVersion === 'string') return { kind: 'ferretdb', version: info.ferretdbVersion };
  return { kind: 'mongodb', version: String(info.version) };
}
