import { request } from './request';
import type { AttachmentView } from './types';

interface SignedLink {
  url: string;
  expiresAt: string;
}

const cache = new Map<string, { url: string; until: number }>();

/**
 * <Image>/<Video>/audio cannot send a bearer token, so each attachment's short-lived signed URL
 * is fetched first (GET /api/v1/media/{key}?redirect=false) and reused until shortly before it expires.
 */
export async function mediaUrl(key: string): Promise<string> {
  const hit = cache.get(key);
  if (hit && hit.until > Date.now()) return hit.url;
  const path = `/api/v1/media/${key.split('/').map(encodeURIComponent).join('/')}`;
  const link = await request<SignedLink>({ path, query: { redirect: 'false' } });
  cache.set(key, { url: link.url, until: new Date(link.expiresAt).getTime() - 30000 });
  return link.url;
}

const KIND_BY_MIME: Array<[RegExp, AttachmentView['kind']]> = [
  [/^image\//, 'image'],
  [/^video\//, 'video'],
  [/^audio\//, 'voice'],
];

/** Tickets may list attachments as bare keys or as objects; either way the viewer needs key and kind. */
export function normalizeAttachment(a: AttachmentView | string): AttachmentView {
  const view = typeof a === 'string' ? { key: a } : a;
  if (view.kind) return view;
  const byMime = view.mime ? KIND_BY_MIME.find(([re]) => re.test(view.mime as string))?.[1] : undefined;
  const byKey = /\/(image|video|voice)s?\//.exec(view.key)?.[1] as AttachmentView['kind'] | undefined;
  const byExt = /\.(mp4|mov)$/i.test(view.key) ? 'video' : /\.(mp3|aac|m4a|wav|webm)$/i.test(view.key) ? 'voice' : 'image';
  return { ...view, kind: byMime ?? byKey ?? byExt };
}
