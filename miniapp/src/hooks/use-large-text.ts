import Taro, { useDidShow } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import { readStored, STORAGE_KEYS, writeStored } from '../services/storage';

const EVENT = 'mashang:large-text';

export function isLargeText(): boolean {
  return readStored<boolean>(STORAGE_KEYS.largeText) === true;
}

/**
 * 适老化 large-text mode: one switch on the home page, kept on the device, applied by every page
 * (each page re-reads it when shown, and open pages follow the switch at once through an event).
 */
export function useLargeText(): [boolean, (on: boolean) => void] {
  const [large, setLarge] = useState(isLargeText);
  useDidShow(() => setLarge(isLargeText()));
  useEffect(() => {
    const follow = (on: boolean) => setLarge(on);
    Taro.eventCenter.on(EVENT, follow);
    return () => {
      Taro.eventCenter.off(EVENT, follow);
    };
  }, []);
  const change = useCallback((on: boolean) => {
    writeStored(STORAGE_KEYS.largeText, on);
    Taro.eventCenter.trigger(EVENT, on);
  }, []);
  return [large, change];
}
