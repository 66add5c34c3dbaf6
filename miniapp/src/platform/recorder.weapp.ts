import Taro from '@tarojs/taro';
import type { LocalMedia, Recorder } from './types';
import { PlatformError } from './types';

type StopResult = { tempFilePath: string; duration: number; fileSize: number };

/**
 * WeChat's RecorderManager is a singleton that also stops by itself at the time limit: every
 * recording gets a `finished` promise settled by onStop, and stop() only waits for it.
 */
export function createRecorder(): Recorder {
  const manager = Taro.getRecorderManager();
  let settle: ((clip: LocalMedia | undefined) => void) | undefined;
  let finished: Promise<LocalMedia | undefined> = Promise.resolve(undefined);
  let recording = false;
  let cancelled = false;

  manager.onStop((r: StopResult) => {
    recording = false;
    const usable = !cancelled && r.tempFilePath && r.duration > 0;
    settle?.(usable ? { kind: 'voice', path: r.tempFilePath, mime: 'audio/mpeg', size: r.fileSize, duration: Math.round(r.duration / 100) / 10, name: 'voice.mp3' } : undefined);
  });
  manager.onError(() => {
    recording = false;
    settle?.(undefined);
  });

  return {
    async start(maxSeconds) {
      await Taro.authorize({ scope: 'scope.record' }).catch(() => {
        throw new PlatformError('需要使用麦克风才能录音，请在设置中允许');
      });
      cancelled = false;
      recording = true;
      finished = new Promise((resolve) => (settle = resolve));
      manager.start({ duration: maxSeconds * 1000, format: 'mp3', sampleRate: 16000, numberOfChannels: 1, encodeBitRate: 48000 });
    },
    stop() {
      if (recording) manager.stop();
      return finished;
    },
    cancel() {
      cancelled = true;
      if (recording) manager.stop();
    },
  };
}
