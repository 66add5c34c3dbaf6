import type { LocalMedia, Recorder } from './types';
import { PlatformError } from './types';

/** A container the browser can record; the BFF accepts these besides what WeChat writes. */
function pickMime(): string {
  const candidates = ['audio/mp4', 'audio/webm;codecs=opus', 'audio/webm'];
  return candidates.find((m) => MediaRecorder.isTypeSupported(m)) ?? '';
}

async function openMicrophone(): Promise<MediaStream> {
  if (typeof MediaRecorder === 'undefined' || !navigator.mediaDevices?.getUserMedia) {
    throw new PlatformError('这个浏览器不能录音，请用文字描述');
  }
  return navigator.mediaDevices.getUserMedia({ audio: true }).catch(() => {
    throw new PlatformError('需要使用麦克风才能录音，请在浏览器中允许');
  });
}

/** MediaRecorder behind the same contract as WeChat's recorder, including the automatic stop at the limit. */
export function createRecorder(): Recorder {
  let recorder: MediaRecorder | undefined;
  let finished: Promise<LocalMedia | undefined> = Promise.resolve(undefined);
  let cancelled = false;

  return {
    async start(maxSeconds) {
      const stream = await openMicrophone();
      const mime = pickMime();
      const active = new MediaRecorder(stream, mime ? { mimeType: mime } : undefined);
      const chunks: Blob[] = [];
      const startedAt = Date.now();
      const timer = setTimeout(() => active.state === 'recording' && active.stop(), maxSeconds * 1000);
      cancelled = false;
      active.ondataavailable = (e) => {
        if (e.data.size > 0) chunks.push(e.data);
      };
      finished = new Promise((resolve) => {
        active.onstop = () => {
          clearTimeout(timer);
          stream.getTracks().forEach((t) => t.stop());
          const type = (active.mimeType || 'audio/webm').split(';')[0];
          const blob = new Blob(chunks, { type });
          if (cancelled || blob.size === 0) return resolve(undefined);
          const duration = Math.min(maxSeconds, Math.round((Date.now() - startedAt) / 100) / 10);
          const ext = type === 'audio/mp4' ? 'm4a' : 'webm';
          resolve({ kind: 'voice', path: URL.createObjectURL(blob), mime: type, size: blob.size, duration, name: `voice.${ext}` });
        };
      });
      recorder = active;
      active.start();
    },
    stop() {
      if (recorder?.state === 'recording') recorder.stop();
      return finished;
    },
    cancel() {
      cancelled = true;
      if (recorder?.state === 'recording') recorder.stop();
    },
  };
}
