import { readToken } from '../../session/store';

/** A signed, short-lived URL of an attachment (or a masked view's handle) that <img>/<audio>/<video> can load. */
export async function mediaUrl(key: string): Promise<string | null> {
  const path = key.split('/').map(encodeURIComponent).join('/');
  const token = readToken();
  const res = await fetch(`/api/admin/v1/media/${path}?redirect=false`, { headers: token ? { Authorization: `Bearer ${token}` } : {} }).catch(() => null);
  if (!res?.ok) return null;
  return ((await res.json()) as { url: string }).url;
}
