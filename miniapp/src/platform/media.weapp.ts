import Taro from '@tarojs/taro';
import { fileNameOf, mimeFromPath } from './mime';
import type { LocalMedia } from './types';
import { PlatformError } from './types';

function isCancel(e: unknown): boolean {
  return /cancel/i.test((e as { errMsg?: string } | undefined)?.errMsg ?? '');
}

async function choose(options: Taro.chooseMedia.Option): Promise<Taro.chooseMedia.ChooseMedia[]> {
  try {
    const res = await Taro.chooseMedia(options);
    return res.tempFiles;
  } catch (e) {
    if (isCancel(e)) return [];
    throw new PlatformError('没能打开相册或相机，请在设置中允许后再试');
  }
}

/** Photos from the album or the camera, compressed by WeChat (a cheap phone's 12 MP photo is too big). */
export async function pickImages(max: number): Promise<LocalMedia[]> {
  const files = await choose({ count: max, mediaType: ['image'], sourceType: ['album', 'camera'], sizeType: ['compressed'] });
  return files.map((f, i) => ({ kind: 'image', path: f.tempFilePath, mime: mimeFromPath(f.tempFilePath, 'image/jpeg'), size: f.size, name: fileNameOf(f.tempFilePath, `photo-${i + 1}.jpg`) }));
}

export async function pickVideo(maxSeconds: number): Promise<LocalMedia | undefined> {
  const [f] = await choose({ count: 1, mediaType: ['video'], sourceType: ['album', 'camera'], maxDuration: maxSeconds, camera: 'back' });
  if (!f) return undefined;
  return { kind: 'video', path: f.tempFilePath, mime: mimeFromPath(f.tempFilePath, 'video/mp4'), size: f.size, duration: f.duration, name: fileNameOf(f.tempFilePath, 'video.mp4') };
}
