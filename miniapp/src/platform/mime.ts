const BY_EXTENSION: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  heic: 'image/heic',
  mp4: 'video/mp4',
  mov: 'video/quicktime',
  mp3: 'audio/mpeg',
  aac: 'audio/aac',
  m4a: 'audio/mp4',
  wav: 'audio/wav',
};

/** WeChat temp files carry no MIME type; their extension is reliable (the BFF checks magic bytes anyway). */
export function mimeFromPath(path: string, fallback: string): string {
  const ext = /\.([a-z0-9]+)(?:\?.*)?$/i.exec(path)?.[1]?.toLowerCase();
  return (ext && BY_EXTENSION[ext]) || fallback;
}

export function fileNameOf(path: string, fallback: string): string {
  const last = path.split(/[\\/]/).pop() ?? '';
  return /\.[a-z0-9]+$/i.test(last) ? last : fallback;
}
