/**
 * Masking for confidential tickets: units see who complained only in masked form
 * (000 §14 keep confidential what the citizen asks; 004 §14 never reveal the complainant).
 */
import { normalizePhone } from './lookup-hash';

/** 张三 → 张*, 欧阳娜娜 → 欧***; a single character is fully masked. */
export function maskName(name: string | undefined | null): string | undefined {
  if (!name) return undefined;
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return '*';
  return chars[0] + '*'.repeat(chars.length - 1);
}

/** 13800135678 → 138****5678; other numbers keep at most their first 3 and last 4 digits. */
export function maskPhone(phone: string | undefined | null): string | undefined {
  if (!phone) return undefined;
  const digits = normalizePhone(phone);
  if (digits.length >= 11) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  if (digits.length >= 7) return `${digits.slice(0, 2)}${'*'.repeat(digits.length - 4)}${digits.slice(-2)}`;
  return '*'.repeat(Math.max(digits.length, 1));
}
