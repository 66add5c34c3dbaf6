import type { PickedLocation } from './types';
import { PlatformError } from './types';

/**
 * The browser gives coordinates only (no map picker, no reverse geocoding without a map key):
 * the citizen still types the address, the coordinates help the unit find the spot.
 */
export function pickLocation(): Promise<PickedLocation | undefined> {
  if (!navigator.geolocation) return Promise.reject(new PlatformError('这个浏览器不能定位，请直接填写地址'));
  return new Promise((resolve, reject) => {
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ address: '', latitude: Math.round(p.coords.latitude * 1e6) / 1e6, longitude: Math.round(p.coords.longitude * 1e6) / 1e6 }),
      () => reject(new PlatformError('没能获取位置，请直接填写地址')),
      { enableHighAccuracy: true, timeout: 10000, maximumAge: 60000 },
    );
  });
}
