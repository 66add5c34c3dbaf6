import type { Config } from '../config/config';
import { publicBaseUrl } from '../config/public-url';

/**
 * Makes a root-relative storage URL absolute against the configured public base URL
 * (PUBLIC_BASE_URL, else the listen address), since Taro.uploadFile and the mini-program's media
 * tags need absolute URLs. Never from the request's Host: a caller could point the URLs it is
 * handed, or links it gets others to follow, at a host of its choosing. Absolute URLs pass
 * through unchanged.
 */
export function absoluteUrl(config: Pick<Config, 'PUBLIC_BASE_URL' | 'HOST' | 'PORT'>, url: string): string {
  if (/^https?:\/\//i.test(url)) return url;
  return new URL(url, `${publicBaseUrl(config)}/`).toString();
}
