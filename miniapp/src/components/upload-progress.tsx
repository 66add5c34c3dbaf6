import { Button, Progress, Text, View } from '@tarojs/components';
import type { FormAttachment } from '../features/submit/form';

export interface UploadControls {
  onCancel: (id: string) => void;
  onRetry: (id: string) => void;
}

/**
 * One file's upload in words and a bar, with its own way out on a weak network: 上传中 60% ·
 * 取消 — 上传失败（reason）· 重试 — 已上传. The typed text never depends on it.
 */
export function UploadProgress({ item, controls, name = '文件' }: { item: FormAttachment; controls?: UploadControls; name?: string }) {
  if (item.state === 'done') return <Text className='upload-state upload-state--done'>已上传</Text>;
  if (item.state === 'failed') {
    return (
      <View className='upload-state upload-state--failed' role='alert'>
        <Text>上传失败：{item.error}</Text>
        {controls && (
          <Button className='btn btn--secondary btn--inline upload-state__action' onClick={() => controls.onRetry(item.id)} ariaLabel={`重试上传${name}`}>
            重试
          </Button>
        )}
      </View>
    );
  }
  return (
    <View className='upload-state'>
      <Progress percent={item.progress} strokeWidth={6} activeColor='#1b5e20' backgroundColor='#ddd' />
      <Text className='upload-state__text'>上传中 {item.progress}%</Text>
      {controls && (
        <Button className='btn btn--text btn--inline upload-state__action' onClick={() => controls.onCancel(item.id)} ariaLabel={`取消上传${name}`}>
          取消
        </Button>
      )}
    </View>
  );
}
