import Taro from '@tarojs/taro';

/** Every key the app keeps on the device, in one place so nothing collides. */
export const STORAGE_KEYS = {
  token: 'mashang:token',
  refreshToken: 'mashang:refresh-token',
  deviceCode: 'mashang:device-code',
  largeText: 'mashang:large-text',
  draft: 'mashang:submit-draft',
  pendingScene: 'mashang:scene',
  privacy: 'mashang:privacy-consent',
} as const;

type StorageKey = (typeof STORAGE_KEYS)[keyof typeof STORAGE_KEYS];

/** Reads a JSON value; a missing or unreadable entry is simply absent (never throws). */
export function readStored<T>(key: StorageKey): T | undefined {
  try {
    const raw: unknown = Taro.getStorageSync(key);
    if (raw === '' || raw === undefined || raw === null) return undefined;
    return (typeof raw === 'string' ? JSON.parse(raw) : raw) as T;
  } catch {
    return undefined;
  }
}

export function writeStored(key: StorageKey, value: unknown): void {
  try {
    Taro.setStorageSync(key, JSON.stringify(value));
  } catch {
    // Storage full or unavailable (private mode): the app keeps working without persistence.
  }
}

export function removeStored(key: StorageKey): void {
  try {
    Taro.removeStorageSync(key);
  } catch {
    // Same as above: losing persistence is acceptable, crashing is not.
  }
}
