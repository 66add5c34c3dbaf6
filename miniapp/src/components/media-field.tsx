import Taro from '@tarojs/taro';
import { Button, Image, Text, Video, View } from '@tarojs/components';
import { MEDIA_LIMITS } from '@mashang/shared';
import type { FormAttachment } from '../features/submit/form';
import { pickImages, pickVideo } from '../platform/media';
import type { LocalMedia } from '../platform/types';
import { UploadProgress, type UploadControls } from './upload-progress';
import { ensurePrivacyConsent } from '../features/privacy/consent';
import { usePrivacyConsent } from '../features/privacy/use-privacy-consent';

interface Props {
  attachments: FormAttachment[];
  onAdd: (items: LocalMedia[]) => string | undefined;
  onRemove: (id: string) => void;
  /** Cancel a running upload, retry a failed one (each file on its own). */
  controls?: UploadControls;
}

function say(message: string | undefined) {
  if (message) Taro.showToast({ title: message, icon: 'none', duration: 3000 });
}

async function pick(run: () => Promise<LocalMedia[]>, onAdd: Props['onAdd']) {
  if (!(await ensurePrivacyConsent())) return;
  try {
    say(onAdd(await run()));
  } catch (e) {
    say((e as Error).message);
  }
}

/** Up to 9 photos with previews and removal, and one video; each uploads at once and shows its progress. */
export function MediaField({ attachments, onAdd, onRemove, controls }: Props) {
  const images = attachments.filter((a) => a.kind === 'image');
  const video = attachments.find((a) => a.kind === 'video');
  const imageRoom = MEDIA_LIMITS.image.maxCount - images.length;
  const preview = (current: string) => Taro.previewImage({ current, urls: images.map((i) => i.path) });
  // Without consent to the privacy guide the album and camera stay closed; what was added stays.
  const canAdd = usePrivacyConsent() !== 'declined';
  return (
    <View className='media-field'>
      <View className='thumbs'>
        {images.map((img, i) => (
          <View key={img.id} className='thumb'>
            <Image className='thumb__img' src={img.path} mode='aspectFill' onClick={() => preview(img.path)} ariaLabel={`第 ${i + 1} 张照片`} />
            <UploadProgress item={img} controls={controls} name={`第 ${i + 1} 张照片`} />
            <Button className='thumb__remove' onClick={() => onRemove(img.id)} ariaLabel={`删除第 ${i + 1} 张照片`}>
              删除
            </Button>
          </View>
        ))}
        {canAdd && imageRoom > 0 && (
          <Button className='thumb thumb--add' onClick={() => void pick(() => pickImages(imageRoom), onAdd)}>
            ＋ 拍照/相册
          </Button>
        )}
      </View>
      <Text className='field__hint'>
        {canAdd ? `照片最多 ${MEDIA_LIMITS.image.maxCount} 张，还能加 ${imageRoom} 张` : '您没有同意隐私保护指引，暂时不能添加照片和视频'}
      </Text>
      {video ? (
        <View className='video-item'>
          <Video className='video-item__player' src={video.path} controls showCenterPlayBtn objectFit='contain' />
          <UploadProgress item={video} controls={controls} name='视频' />
          <Button className='btn btn--text btn--inline' onClick={() => onRemove(video.id)}>
            删除视频
          </Button>
        </View>
      ) : (
        canAdd && (
        <Button
          className='btn btn--secondary'
          onClick={() => void pick(async () => [await pickVideo(MEDIA_LIMITS.video.maxDurationSec ?? 60)].filter((v): v is LocalMedia => Boolean(v)), onAdd)}
        >
          ＋ 添加一段视频（{MEDIA_LIMITS.video.maxDurationSec} 秒内）
        </Button>
        )
      )}
    </View>
  );
}
