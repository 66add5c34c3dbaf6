import { Button, Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { ApiError, messageOf } from '../services/errors';

export function Loading({ text = '正在加载…' }: { text?: string }) {
  return (
    <View className='state state--loading' aria-busy='true'>
      <View className='spinner' />
      <Text className='state__text'>{text}</Text>
    </View>
  );
}

export function Empty({ text, children }: { text: string; children?: ReactNode }) {
  return (
    <View className='state state--empty'>
      <Text className='state__text'>{text}</Text>
      {children}
    </View>
  );
}

/** An error with one obvious way out; offline gets its own words because the fix is different. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const offline = error instanceof ApiError && error.offline;
  return (
    <View className={`state ${offline ? 'state--offline' : 'state--error'}`} role='alert'>
      <Text className='state__title'>{offline ? '网络不通' : '没有加载成功'}</Text>
      <Text className='state__text'>{messageOf(error)}</Text>
      {onRetry && (
        <Button className='btn btn--secondary' onClick={onRetry}>
          重新加载
        </Button>
      )}
    </View>
  );
}
