/**
 * Opaque handles for legacy object keys (`c/<citizenId>/…`, storage/object-key.ts) in masked
 * staff views (000 §14, 004 §14): the key is sealed with AES-256-GCM under a key derived from
 * the data key, with a fresh IV each time, so two reads of the same object give unrelated
 * handles and none reveals the citizen id. The media routes open a handle and serve the object
 * through the BFF (a URL signed over the handle), never through a storage URL naming the key.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { safeEqual } from '../storage/post-policy';
import { isLegacyObjectKey, isObjectKey } from '../storage/object-key';

export const HANDLE_PREFIX = 'h/';
export const HANDLE_FILES_PATH = '/api/v1/media-handles';
const IV = 12;
const TAG = 16;

const derive = (dataKey: Buffer, info: string): Buffer => Buffer.from(hkdfSync('sha256', dataKey, 'mashang', info, 32));

export const isHandle = (s: string): boolean => s.startsWith(HANDLE_PREFIX);

/** A fresh handle for `key`. */
export function sealKey(dataKey: Buffer, key: string): string {
  const iv = randomBytes(IV);
  const cipher = createCipheriv('aes-256-gcm', derive(dataKey, 'media-handle/v1'), iv);
  const body = Buffer.concat([cipher.update(key, 'utf8'), cipher.final()]);
  return `${HANDLE_PREFIX}${Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url')}`;
}

/** The object key a handle stands for, or null for anything not sealed by `sealKey`. */
export function openHandle(dataKey: Buffer, handle: string): string | null {
  if (!isHandle(handle)) return null;
  const token = handle.slice(HANDLE_PREFIX.length);
  if (!/^[A-Za-z0-9_-]{40,400}$/.test(token)) return null;
  const raw = Buffer.from(token, 'base64url');
  if (raw.length <= IV + TAG) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', derive(dataKey, 'media-handle/v1'), raw.subarray(0, IV));
    decipher.setAuthTag(raw.subarray(raw.length - TAG));
    const key = Buffer.concat([decipher.update(raw.subarray(IV, raw.length - TAG)), decipher.final()]).toString('utf8');
    return isObjectKey(key) ? key : null;
  } catch {
    return null;
  }
}

/** Every legacy key anywhere in a view replaced by a fresh handle; everything else as it is. */
export function sealLegacyKeys<T>(dataKey: Buffer, view: T): T {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return isLegacyObjectKey(v) ? sealKey(dataKey, v) : v;
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object' && [Object.prototype, null].includes(Object.getPrototypeOf(v))) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, walk(x)]));
    }
    return v;
  };
  return walk(view) as T;
}

const readSignature = (dataKey: Buffer, handle: string, expires: number): string =>
  createHmac('sha256', derive(dataKey, 'media-handle-url/v1')).update(`GET\n${handle}\n${expires}`).digest('base64url');

/** A root-relative URL the BFF serves the handle's object at until `expires` (seconds). */
export function signedHandleUrl(dataKey: Buffer, handle: string, expires: number): string {
  return `${HANDLE_FILES_PATH}/${handle}?expires=${expires}&signature=${readSignature(dataKey, handle, expires)}`;
}

export function checkHandleUrl(dataKey: Buffer, handle: string, expires: number, signature: string, now: Date): 'ok' | 'expired' | 'invalid' {
  if (!safeEqual(readSignature(dataKey, handle, expires), signature)) return 'invalid';
  return expires * 1000 >= now.getTime() ? 'ok' : 'expired';
}
