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
  label: string;
}

const MB = 1024 * 1024;

export const MEDIA_LIMITS: Readonly<Record<MediaKind, MediaKindLimit>> = {
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
