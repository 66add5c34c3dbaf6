import Taro from '@tarojs/taro';
import { Image, Text, Video, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { VoicePlayer } from '../../components/voice-player';
import { mediaUrl, normalizeAttachment } from '../../services/media';
import type { AttachmentView } from '../../services/types';

type Resolved = AttachmentView & { src?: string; failed?: boolean };

/** Resolves each attachment's signed URL (the owner's bearer token cannot ride on an <Image>). */
function useResolved(list: Array<AttachmentView | string>): Resolved[] {
  const [items, setItems] = useState<Resolved[]>(() => list.map(normalizeAttachment));
  const signature = list.map((a) => (typeof a === 'string' ? a : a.key)).join('|');
  useEffect(() => {
    let alive = true;
    const base = list.map(normalizeAttachment);
    setItems(base);
    Promise.all(base.map((a) => (a.url ? Promise.resolve(a.url) : mediaUrl(a.key)).then((src) => ({ ...a, src }), () => ({ ...a, failed: true })))).then(
      (done) => alive && setItems(done),
    );
    return () => {
      alive = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [signature]);
  return items;
}

export function AttachmentsView({ attachments }: { attachments: Array<AttachmentView | string> }) {
  const items = useResolved(attachments);
  const images = items.filter((a) => a.kind === 'image');
  const urls = images.map((i) => i.src).filter((s): s is string => Boolean(s));
  return (
    <View className='attachments'>
      {images.length > 0 && (
        <View className='thumbs'>
          {images.map((img, i) =>
            img.src ? (
              <Image key={img.key} className='thumb__img' src={img.src} mode='aspectFill' ariaLabel={`照片 ${i + 1}`} onClick={() => Taro.previewImage({ current: img.src as string, urls })} />
            ) : (
              <View key={img.key} className='thumb__img thumb__img--missing'>
                <Text>{img.failed ? '照片打不开' : '加载中'}</Text>
              </View>
            ),
          )}
        </View>
      )}
      {items
        .filter((a) => a.kind === 'voice' && a.src)
        .map((a) => (
          <VoicePlayer key={a.key} src={a.src as string} duration={a.duration} label='播放语音' />
        ))}
      {items
        .filter((a) => a.kind === 'video' && a.src)
        .map((a) => (
          <Video key={a.key} className='video-item__player' src={a.src as string} controls showCenterPlayBtn objectFit='contain' />
        ))}
    </View>
  );
}
