/**
 * Personal data at rest (002 §13, 000 §9): AES-256-GCM with a random 96-bit IV per value, so
 * equal plaintexts never give equal ciphertexts, and the GCM tag makes any tampering fail
 * loudly instead of decrypting to garbage. The stored form is versioned so the algorithm or
 * key can be rotated later: `v1.<iv>.<tag>.<ciphertext>` (base64url parts).
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Raised when a stored value is not ours or was altered: a data fault, never user input. */
export class PiiDecryptError extends Error {
  constructor(reason: string) {
    super(`personal data could not be decrypted: ${reason}`);
    this.name = 'PiiDecryptError';
  }
}

function assertKey(key: Buffer): void {
  if (key.length !== 32) throw new Error('the personal-data key must be 32 bytes (AES-256)');
}

/**
 * Encrypts `plaintext`. `context` (e.g. `citizen.phone`) is bound as associated data: a
 * ciphertext copied into another field does not decrypt there.
 */
export function encryptPii(key: Buffer, plaintext: string, context = ''): string {
  assertKey(key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(`${VERSION}:${context}`, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
}

/** Decrypts a value written by `encryptPii` with the same key and context; throws PiiDecryptError otherwise. */
export function decryptPii(key: Buffer, stored: string, context = ''): string {
  assertKey(key);
  const parts = stored.split('.');
  if (parts.length !== 4 || parts[0] !== VERSION) throw new PiiDecryptError('unknown format');
  const [, ivText, tagText, bodyText] = parts;
  const iv = Buffer.from(ivText, 'base64url');
  const tag = Buffer.from(tagText, 'base64url');
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new PiiDecryptError('bad iv or tag');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(`${VERSION}:${context}`, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(Buffer.from(bodyText, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    throw new PiiDecryptError('authentication failed');
  }
}

/** `encryptPii` for optional fields: absent stays absent. */
export function encryptOptional(key: Buffer, plaintext: string | undefined | null, context = ''): string | undefined {
  return plaintext == null || plaintext === '' ? undefined : encryptPii(key, plaintext, context);
}

/** `decryptPii` for optional fields: absent stays absent. */
export function decryptOptional(key: Buffer, stored: string | undefined | null, context = ''): string | undefined {
  return stored == null || stored === '' ? undefined : decryptPii(key, stored, context);
}
