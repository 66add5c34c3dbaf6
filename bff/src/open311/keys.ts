/**
 * Open311 api keys: 32 random bytes, shown once. A key has 256 bits of entropy, so a plain
 * SHA-256 is enough to store it (no slow hash: nothing to brute-force), and a lookup is one
 * indexed equality match on the hash.
 */
import { createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';

const PREFIX = 'o311_';

export const generateApiKey = (): string => `${PREFIX}${randomBytes(32).toString('base64url')}`;

export const hashApiKey = (key: string): string => createHash('sha256').update(key, 'utf8').digest('hex');

export const keyHint = (key: string): string => key.slice(0, PREFIX.length + 6);

/** The token of the spec's token resource: random, unguessable. */
export const newToken = (): string => randomBytes(16).toString('hex');

const derived = new WeakMap<Buffer, Buffer>();

/**
 * A keyed hash of a reporter's identifier (e-mail, account or device id), so one reporter files
 * as one pseudo-citizen without the identifier being stored or derivable from the id. The key
 * is derived from the data key under its own label.
 */
export function reporterHash(dataKey: Buffer, value: string): string {
  let key = derived.get(dataKey);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', dataKey, Buffer.from('mashang-pii'), Buffer.from('open311-reporter-v1'), 32));
    derived.set(dataKey, key);
  }
  return createHmac('sha256', key).update(value).digest('hex').slice(0, 32);
}
