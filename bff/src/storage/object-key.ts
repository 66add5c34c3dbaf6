import { randomBytes } from 'node:crypto';
import { MEDIA_EXTENSIONS, MIME_BY_EXTENSION } from '@mashang/shared';

/**
 * Object keys are `m/<yyyymm>/<32 hex>.<ext>`: unguessable (128 random bits), made of a closed
 * alphabet (a key can never name a path outside the uploads directory) and carrying nothing of
 * the uploader — who may attach an object is kept in its upload record (uploads/model.ts), so
 * a key shown to a handling unit cannot link a confidential request to the citizen's other
 * requests (000 §14, 004 §14).
 *
 * Keys issued before that are `c/<citizenId>/<yyyymm>/<32 hex>.<ext>` ("legacy"): still valid,
 * but masked staff views show them only through an opaque handle (media/handles.ts).
 */
const EXT = `(${MEDIA_EXTENSIONS.join('|')})`;
const KEY_PATTERN = new RegExp(`^m/(\\d{6})/([0-9a-f]{32})\\.${EXT}$`);
const LEGACY_KEY_PATTERN = new RegExp(`^c/([A-Za-z0-9_-]{1,64})/(\\d{6})/([0-9a-f]{32})\\.${EXT}$`);

/** What a stored object of each extension is served as. */
export const CONTENT_TYPE_BY_EXT = MIME_BY_EXTENSION;

export interface ParsedKey {
  ext: string;
  /** Only for a legacy key: the citizen id it was issued under. */
  legacyOwner?: string;
}

export function parseObjectKey(key: string): ParsedKey | null {
  const m = KEY_PATTERN.exec(key);
  if (m) return { ext: m[3] };
  const legacy = LEGACY_KEY_PATTERN.exec(key);
  return legacy ? { ext: legacy[4], legacyOwner: legacy[1] } : null;
}

export const isObjectKey = (key: string): boolean => parseObjectKey(key) !== null;

/** A key of the old form, which carries the uploader's citizen id. */
export const isLegacyObjectKey = (key: string): boolean => LEGACY_KEY_PATTERN.test(key);

/** A fresh key; the month part is China time. Nothing in it is derived from the uploader. */
export function newObjectKey(ext: string, now: Date): string {
  const china = new Date(now.getTime() + 8 * 3600_000);
  const month = `${china.getUTCFullYear()}${String(china.getUTCMonth() + 1).padStart(2, '0')}`;
  const key = `m/${month}/${randomBytes(16).toString('hex')}.${ext}`;
  if (!KEY_PATTERN.test(key)) throw new Error(`unsupported extension: ${ext}`);
  return key;
}

/** The URL path form of a key: each segment escaped, slashes kept. */
export const keyToUrlPath = (key: string): string => key.split('/').map(encodeURIComponent).join('/');
