/**
 * Keyed lookup hashes: an encrypted phone number cannot be searched, so a deterministic
 * HMAC-SHA256 of the normalised number is stored beside it. The HMAC key is derived from the
 * data key with HKDF under its own label, so the encryption key itself is never used for two
 * purposes, and without the key the hash cannot be reversed by enumerating phone numbers.
 */
import { createHmac, hkdfSync } from 'node:crypto';

const derived = new WeakMap<Buffer, Buffer>();

function lookupKey(dataKey: Buffer): Buffer {
  let key = derived.get(dataKey);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', dataKey, Buffer.from('mashang-pii'), Buffer.from('phone-lookup-v1'), 32));
    derived.set(dataKey, key);
  }
  return key;
}

/**
 * One canonical form per number: digits only, and the mainland country code dropped, so
 * `+86 138-0013-8000`, `008613800138000` and `13800138000` are the same person.
 */
export function normalizePhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  const national = digits.replace(/^(0086|86)(?=1\d{10}$)/, '');
  return national;
}

/** Deterministic keyed hash of a phone number for equality lookups (hex, 64 characters). */
export function phoneHash(dataKey: Buffer, phone: string): string {
  return createHmac('sha256', lookupKey(dataKey)).update(`phone:${normalizePhone(phone)}`).digest('hex');
}
