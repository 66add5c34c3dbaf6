import Taro from '@tarojs/taro';
import type { PickedLocation } from './types';
import { PlatformError } from './types';

/** The WeChat map picker: the citizen sees the spot and its address, and can move the pin. */
export async function pickLocation(): Promise<PickedLocation | undefined> {
  try {
    const r = await Taro.chooseLocation({});
    return { address: r.address || r.name, name: r.name, latitude: r.latitude, longitude: r.longitude };
  } catch (e) {
    if (/cancel/i.test((e as { errMsg?: string } | undefined)?.errMsg ?? '')) return undefined;
    throw new PlatformError('没能获取位置，请在设置中允许使用位置，或直接填写地址');
  }
}
