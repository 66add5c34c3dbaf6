import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';

/** false while the phone has no network, so pages can say so instead of showing a vague error. */
export function useOnline(): boolean {
  const [online, setOnline] = useState(true);
  useEffect(() => {
    let alive = true;
    const follow = (r: { isConnected: boolean }) => alive && setOnline(r.isConnected);
    Taro.getNetworkType()
      .then((r) => alive && setOnline(r.networkType !== 'none'))
      .catch(() => undefined);
    Taro.onNetworkStatusChange(follow);
    return () => {
      alive = false;
      Taro.offNetworkStatusChange(follow);
    };
  }, []);
  return online;
}
