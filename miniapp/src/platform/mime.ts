import { MIME_BY_EXTENSION } from '@mashang/shared';

/** WeChat temp files carry no MIME type; their extension is reliable (the BFF checks magic bytes anyway). */
export function mimeFromPath(path: string, fallback: string): string {
  const ext = /\.([a-z0-9]+)(?:\?.*)?$/i.exec(path)?.[1]?.toLowerCase();
  return (ext && MIME_BY_EXTENSION[ext]) || fallback;
}

export function fileNameOf(path: string, fallback: string): string {
  const last = path.split(/[\\/]/).pop() ?? '';
  return /\.[a-z0-9]+$/i.test(last) ? last : fallback;
}
