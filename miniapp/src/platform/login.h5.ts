import { readStored, STORAGE_KEYS, writeStored } from '../services/storage';

function randomCode(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * In the browser there is no WeChat login: the BFF runs in dev-login mode (code → openid
 * `dev_<code>`), so a random code kept on this device makes the same browser the same citizen.
 */
export async function loginCode(): Promise<string> {
  const existing = readStored<string>(STORAGE_KEYS.deviceCode);
  if (existing) return existing;
  const code = `h5${randomCode()}`;
  writeStored(STORAGE_KEYS.deviceCode, code);
  return code;
}
