import { randomBytes } from 'node:crypto';
import { MEDIA_EXTENSIONS, MIME_BY_EXTENSION } from '@mashang/shared';

/**
 * Object keys are `c/<citizenId>/<yyyymm>/<32 hex>.<ext>`: namespaced per citizen, unguessable
 * (128 random bits) and made of a closed alphabet, so a key can never name a path outside the
 * uploads directory.
 */
const KEY_PATTERN = new RegExp(`^c/([A-Za-z0-9_-]{1,64})/(\\d{6})/([0-9a-f]{32})\\.(${MEDIA_EXTENSIONS.join('|')})$`);
const CITIZEN_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** What a stored object of each extension is served as. */
export const CONTENT_TYPE_BY_EXT = MIME_BY_EXTENSION;

export interface ParsedKey {
  citizenId: string;
  ext: string;
}

export function parseObjectKey(key: string): ParsedKey | null {
  const m = KEY_PATTERN.exec(key);
  return m ? { citizenId: m[1], ext: m[4] } : null;
}

export const isObjectKey = (key: string): boolean => KEY_PATTERN.test(key);

/** The month part is China time, so a citizen's uploads group by the local calendar month. */
export function newObjectKey(citizenId: string, ext: string, now: Date): string {
  if (!CITIZEN_ID.test(citizenId)) throw new Error(`citizen id not usable in an object key: ${citizenId}`);
  const china = new Date(now.getTime() + 8 * 3600_000);
  const month = `${china.getUTCFullYear()}${String(china.getUTCMonth() + 1).padStart(2, '0')}`;
  const key = `c/${citizenId}/${month}/${randomBytes(16).toString('hex')}.${ext}`;
  if (!isObjectKey(key)) throw new Error(`unsupported extension: ${ext}`);
  return key;
}

/** The URL path form of a key: each segment escaped, slashes kept. */
export const keyToUrlPath = (key: string): string => key.split('/').map(encodeURIComponent).join('/');
