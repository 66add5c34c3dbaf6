import type { ReactNode } from 'react';

/** A file picked or recorded on the device, not yet uploaded. */
export interface LocalMedia {
  kind: 'image' | 'video' | 'voice';
  /** A path Taro.uploadFile and <Image>/<Video> understand (wxfile:// on weapp, blob: on h5). */
  path: string;
  mime: string;
  size: number;
  /** Seconds, for video and voice. */
  duration?: number;
  /** File name for the multipart upload (h5 blobs carry none). */
  name: string;
}

/** Hold-to-record voice: the same contract on WeChat (RecorderManager) and in the browser (MediaRecorder). */
export interface Recorder {
  /** Starts recording; rejects with a Chinese message when the microphone is unavailable or refused. */
  start(maxSeconds: number): Promise<void>;
  /** Stops and returns the clip; resolves to undefined when nothing usable was recorded. */
  stop(): Promise<LocalMedia | undefined>;
  /** Stops and throws the recording away (finger slid off, page left). */
  cancel(): void;
}

export interface PickedLocation {
  address: string;
  name?: string;
  latitude?: number;
  longitude?: number;
}

/** Thrown by platform helpers with a message fit for the citizen. */
export class PlatformError extends Error {
  constructor(
    message: string,
    readonly cancelled = false,
  ) {
    super(message);
    this.name = 'PlatformError';
  }
}

/** Shows the app's privacy dialog and resolves with the citizen's decision (true: agreed). */
export type PrivacyAsk = () => Promise<boolean>;

export interface PrivacyAgreeButtonProps {
  onAgree: () => void;
  className?: string;
  children: ReactNode;
}
