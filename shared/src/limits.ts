/** Limits shared by the submit form and the BFF: one number, both sides. */

const MB = 1024 * 1024;

export const MEDIA_KINDS = ['image', 'video', 'voice'] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];

export interface MediaLimit {
  /** How many of this kind one ticket may carry. */
  maxCount: number;
  maxBytes: number;
  /** Seconds; only for recordings. */
  maxDurationSec?: number;
  mimes: readonly string[];
  extensions: readonly string[];
}

/** Images ≤ 9 × 10 MB; one video ≤ 60 s / 50 MB; voice ≤ 60 s / 2 MB (ARCHITECTURE.md "Media"). */
export const MEDIA_LIMITS: Record<MediaKind, MediaLimit> = {
  image: {
    maxCount: 9,
    maxBytes: 10 * MB,
    mimes: ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif'],
    extensions: ['jpg', 'jpeg', 'png', 'webp', 'heic', 'heif'],
  },
  video: {
    maxCount: 1,
    maxBytes: 50 * MB,
    maxDurationSec: 60,
    mimes: ['video/mp4', 'video/quicktime'],
    extensions: ['mp4', 'mov'],
  },
  voice: {
    maxCount: 1,
    maxBytes: 2 * MB,
    maxDurationSec: 60,
    mimes: ['audio/mpeg', 'audio/aac', 'audio/mp4', 'audio/x-m4a', 'audio/m4a', 'audio/wav', 'audio/x-wav', 'audio/wave'],
    extensions: ['mp3', 'aac', 'm4a', 'wav'],
  },
};

/** The kind a MIME type belongs to, or undefined when no kind accepts it. */
export function mediaKindOf(mime: string): MediaKind | undefined {
  return MEDIA_KINDS.find((kind) => MEDIA_LIMITS[kind].mimes.includes(mime.toLowerCase()));
}

/** Attachments one ticket may carry in total (all kinds together). */
export const MAX_ATTACHMENTS = MEDIA_KINDS.reduce((sum, kind) => sum + MEDIA_LIMITS[kind].maxCount, 0);

/** Characters of the request text (after trimming). */
export const CONTENT_LIMITS = { min: 5, max: 2000 } as const;

/** Maximum lengths of the other free-text fields. */
export const TEXT_LIMITS = {
  note: 1000,
  reason: 500,
  result: 5000,
  comment: 500,
  name: 50,
  address: 200,
  title: 100,
  query: 100,
} as const;

export const PAGE_LIMITS = { default: 20, max: 100 } as const;
