import { randomBytes } from 'node:crypto';
import { decryptPii, encryptPii, maskName, maskPhone, normalizePhone, phoneHash, PiiDecryptError } from '../../bff/src/crypto';

const key = randomBytes(32);

describe('personal data encryption (002 §13, 000 §9)', () => {
  it('when a value is encrypted and decrypted with the same key, then it round-trips, including Chinese text', () => {
    const stored = encryptPii(key, '王小明 · 白银区人民路 12 号');
    expect(stored).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(decryptPii(key, stored)).toBe('王小明 · 白银区人民路 12 号');
  });

  it('when the same value is encrypted twice, then the ciphertexts differ (random IV)', () => {
    expect(encryptPii(key, '13800138000')).not.toBe(encryptPii(key, '13800138000'));
  });

  it('when any part of the stored value is altered, then decryption fails loudly instead of returning garbage', () => {
    const stored = encryptPii(key, '13800138000');
    const [v, iv, tag, body] = stored.split('.');
    const flip = (s: string) => {
      const b = Buffer.from(s, 'base64url');
      b[0] ^= 1;
      return b.toString('base64url');
    };
    for (const tampered of [[v, iv, tag, flip(body)], [v, flip(iv), tag, body], [v, iv, flip(tag), body], ['v2', iv, tag, body]].map((p) => p.join('.'))) {
      expect(() => decryptPii(key, tampered)).toThrow(PiiDecryptError);
    }
    expect(() => decryptPii(key, 'plain text')).toThrow(PiiDecryptError);
  });

  it('when decrypted with another key or in another field context, then it fails', () => {
    const stored = encryptPii(key, '13800138000', 'citizen.phone');
    expect(() => decryptPii(randomBytes(32), stored, 'citizen.phone')).toThrow(PiiDecryptError);
    expect(() => decryptPii(key, stored, 'citizen.name')).toThrow(PiiDecryptError);
    expect(decryptPii(key, stored, 'citizen.phone')).toBe('13800138000');
  });

  it('when a key of the wrong size is given, then it refuses', () => {
    expect(() => encryptPii(Buffer.alloc(16), 'x')).toThrow(/32 bytes/);
  });
});

describe('phone lookup hash', () => {
  it('when one number is written in different ways, then the hash is the same', () => {
    const h = phoneHash(key, '13800138000');
    expect(phoneHash(key, '+86 138 0013 8000')).toBe(h);
    expect(phoneHash(key, '008613800138000')).toBe(h);
    expect(phoneHash(key, '138-0013-8000')).toBe(h);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
  });

  it('when numbers or keys differ, then hashes differ, and the hash is not a plain SHA-256 of the number', () => {
    expect(phoneHash(key, '13800138001')).not.toBe(phoneHash(key, '13800138000'));
    expect(phoneHash(randomBytes(32), '13800138000')).not.toBe(phoneHash(key, '13800138000'));
    expect(normalizePhone('0943-8221234')).toBe('09438221234');
  });
});

describe('masking for confidential tickets (000 §14, 004 §14)', () => {
  it('when a name is masked, then only the family name shows', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskName('李')).toBe('*');
    expect(maskName(undefined)).toBeUndefined();
  });

  it('when a phone is masked, then the middle digits are hidden', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('+86 138 1234 5678')).toBe('138****5678');
    expect(maskPhone('0943-8221234')).toBe('094****1234');
    expect(maskPhone('8221234')).toBe('82***34');
    expect(maskPhone('')).toBeUndefined();
  });
});
