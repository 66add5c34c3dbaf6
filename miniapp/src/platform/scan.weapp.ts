import Taro from '@tarojs/taro';
import { sceneFromScanResult } from '../services/scene';

/** true: this platform can scan with the camera; the h5 build asks for the number printed under the code. */
export const CAN_SCAN = true;

/** Scans a 码上反映 code (mini-program code or the h5 link) and returns its scene, if it is one of ours. */
export async function scanScene(): Promise<string | undefined> {
  try {
    // The default scan types also read WeChat mini-program codes (then `path` carries the scene).
    const r = await Taro.scanCode({ onlyFromCamera: false });
    return sceneFromScanResult(r.path || r.result);
  } catch {
    return undefined;
  }
}
