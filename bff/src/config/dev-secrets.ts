import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from './config';
import type { Logger } from '../lib/logger';

export interface Secrets {
  jwtSecret: string;
  /** 32-byte AES-256-GCM key for personal data at rest. */
  dataKey: Buffer;
}

/**
 * Production takes both secrets from the environment (config refuses to load otherwise).
 * Development generates them once under DATA_DIR, so tokens and encrypted data survive
 * restarts, and warns that they are not for production.
 */
export function resolveSecrets(config: Config, logger?: Logger): Secrets {
  if (config.JWT_SECRET && config.DATA_KEY) return { jwtSecret: config.JWT_SECRET, dataKey: Buffer.from(config.DATA_KEY, 'hex') };
  if (config.NODE_ENV === 'production') throw new Error('JWT_SECRET and DATA_KEY are required in production');
  const file = path.join(config.dataDir, 'dev-secrets.json');
  let stored: { jwtSecret: string; dataKey: string };
  if (existsSync(file)) {
    stored = JSON.parse(readFileSync(file, 'utf8'));
  } else {
    mkdirSync(config.dataDir, { recursive: true });
    stored = { jwtSecret: randomBytes(32).toString('hex'), dataKey: randomBytes(32).toString('hex') };
    writeFileSync(file, JSON.stringify(stored), { mode: 0o600 });
  }
  logger?.warn(`development secrets from ${file}: set JWT_SECRET and DATA_KEY in production`);
  return {
    jwtSecret: config.JWT_SECRET ?? stored.jwtSecret,
    dataKey: Buffer.from(config.DATA_KEY ?? stored.dataKey, 'hex'),
  };
}
