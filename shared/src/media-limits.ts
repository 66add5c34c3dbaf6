/** Attachment limits (000 §9: voice, text, images, video), shared by the BFF checks and the mini-program pickers. */
export const MEDIA_KINDS = ['image', 'video', 'voice'] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];

export interface MediaKindLimit {
  /** How many attachments of this kind one ticket (or one supplement) may carry. */
  maxCount: number;
  maxBytes: number;
  /** Seconds; only for recordings. */
  maxDurationSec?: number;
  /** MIME types a client may declare, with the file extension the stored object gets. */
  types: Readonly<Record<string, string>>;
  /** The MIME types of `types`, as a list (what the upload form and schema check). */
  mimes: readonly string[];
  /** Distinct file extensions, for messages such as 「请上传 jpg、png 文件」. */
  extensions: readonly string[];
  label: string;
}

const MB = 1024 * 1024;

const BASE: Readonly<Record<MediaKind, Omit<MediaKindLimit, 'mimes' | 'extensions'>>> = {
  image: {
    maxCount: 9,
    maxBytes: 10 * MB,
    types: { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'image/heic': 'heic', 'image/heif': 'heic' },
    label: '图片',
  },
  video: {
    maxCount: 1,
    maxBytes: 50 * MB,
    maxDurationSec: 60,
    types: { 'video/mp4': 'mp4', 'video/quicktime': 'mov' },
    label: '视频',
  },
  voice: {
    maxCount: 1,
    maxBytes: 2 * MB,
    maxDurationSec: 60,
    // WeChat's recorder writes mp3 or aac (in an m4a container), and wav on some devices.
    types: {
      'audio/mpeg': 'mp3',
      'audio/mp3': 'mp3',
      'audio/aac': 'aac',
      'audio/mp4': 'm4a',
      'audio/x-m4a': 'm4a',
      'audio/m4a': 'm4a',
      'audio/wav': 'wav',
      'audio/x-wav': 'wav',
    },
    label: '语音',
  },
};

export const MEDIA_LIMITS: Readonly<Record<MediaKind, MediaKindLimit>> = {
  image: withLists(BASE.image),
  video: withLists(BASE.video),
  voice: withLists(BASE.voice),
};

/** Kept for callers that name the older interface. */
export type MediaLimit = MediaKindLimit;

/** The kind a MIME type belongs to, or undefined when no kind accepts it. */
export function mediaKindOf(mime: string): MediaKind | undefined {
  return MEDIA_KINDS.find((kind) => MEDIA_LIMITS[kind].mimes.includes(mime.toLowerCase()));
}

/**
 * The MIME type a stored object of each extension is served as (the first type of its kind that
 * maps to it), plus `jpeg` for pickers that name JPEG files so. One table for the BFF's storage
 * and the mini-program's pickers.
 */
export const MIME_BY_EXTENSION: Readonly<Record<string, string>> = Object.freeze(
  MEDIA_KINDS.flatMap((kind) => Object.entries(MEDIA_LIMITS[kind].types)).reduce<Record<string, string>>(
    (map, [mime, ext]) => (map[ext] ? map : { ...map, [ext]: mime }),
    { jpeg: 'image/jpeg' },
  ),
);

/** Every extension a stored attachment may have. */
export const MEDIA_EXTENSIONS: readonly string[] = [...new Set(MEDIA_KINDS.flatMap((kind) => MEDIA_LIMITS[kind].extensions))];

/** Attachments one ticket may carry in total (all kinds together). */
export const MAX_ATTACHMENTS = MEDIA_KINDS.reduce((sum, kind) => sum + MEDIA_LIMITS[kind].maxCount, 0);

function withLists(limit: Omit<MediaKindLimit, 'mimes' | 'extensions'>): MediaKindLimit {
  return { ...limit, mimes: Object.keys(limit.types), extensions: [...new Set(Object.values(limit.types))] };
}
