import { Progress, Text, View } from '@tarojs/components';
import type { FormAttachment } from '../features/submit/form';

/** Upload state in words and a bar: 上传中 60% · 已上传 · 上传失败 (with the reason). */
export function UploadProgress({ item }: { item: FormAttachment }) {
  if (item.state === 'done') return <Text className='upload-state upload-state--done'>已上传</Text>;
  if (item.state === 'failed') return <Text className='upload-state upload-state--failed'>上传失败：{item.error}</Text>;
  return (
    <View className='upload-state'>
      <Progress percent={item.progress} strokeWidth={6} activeColor='#1b5e20' backgroundColor='#ddd' />
      <Text className='upload-state__text'>上传中 {item.progress}%</Text>
    </View>
  );
}
