import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { MEDIA_LIMITS } from '@mashang/shared';
import { useEffect, useRef, useState } from 'react';
import { createRecorder } from '../platform/recorder';
import type { LocalMedia } from '../platform/types';
import type { FormAttachment } from '../features/submit/form';
import { VoicePlayer } from './voice-player';
import { UploadProgress, type UploadControls } from './upload-progress';
import { ensurePrivacyConsent, privacyConsent } from '../features/privacy/consent';
import { usePrivacyConsent } from '../features/privacy/use-privacy-consent';

interface Props {
  voice?: FormAttachment;
  onRecorded: (clip: LocalMedia) => void;
  onRemove: (id: string) => void;
  controls?: UploadControls;
}

const MAX_SECONDS = MEDIA_LIMITS.voice.maxDurationSec ?? 60;

/** 按住说话: hold to record, release to keep, with the seconds counting and a replay before sending. */
export function VoiceField({ voice, onRecorded, onRemove, controls }: Props) {
  const recorder = useRef(createRecorder());
  const [startedAt, setStartedAt] = useState<number | undefined>();
  const [elapsed, setElapsed] = useState(0);
  const lastTouch = useRef(0);
  const consent = usePrivacyConsent();

  useEffect(() => {
    if (startedAt === undefined) return undefined;
    const timer = setInterval(() => setElapsed(Math.min(MAX_SECONDS, Math.floor((Date.now() - startedAt) / 1000))), 250);
    return () => clearInterval(timer);
  }, [startedAt]);
  useEffect(() => () => recorder.current.cancel(), []);

  const start = async () => {
    // A first press may open the privacy dialog instead; the finger has left by the time the
    // citizen agrees, so recording starts with the next press.
    if (privacyConsent() !== 'agreed') {
      if (await ensurePrivacyConsent()) Taro.showToast({ title: '已同意，请再按住按钮说话', icon: 'none', duration: 3000 });
      return;
    }
    try {
      await recorder.current.start(MAX_SECONDS);
      setElapsed(0);
      setStartedAt(Date.now());
    } catch (e) {
      Taro.showToast({ title: (e as Error).message || '不能录音', icon: 'none', duration: 3000 });
    }
  };
  const stop = async () => {
    if (startedAt === undefined) return;
    setStartedAt(undefined);
    const clip = await recorder.current.stop();
    if (!clip || (clip.duration ?? 0) < 1) {
      Taro.showToast({ title: '说话时间太短，请按住按钮说话', icon: 'none' });
      return;
    }
    onRecorded(clip);
  };
  // Touch screens hold the button; a mouse (h5 on a computer) clicks once to start and once to stop.
  const onTouchStart = () => {
    lastTouch.current = Date.now();
    void start();
  };
  const onTouchEnd = () => {
    lastTouch.current = Date.now();
    void stop();
  };
  const onClick = () => {
    if (Date.now() - lastTouch.current < 800) return;
    void (startedAt === undefined ? start() : stop());
  };

  if (voice) {
    return (
      <View className='voice-field'>
        <VoicePlayer src={voice.path} duration={voice.duration} />
        <UploadProgress item={voice} controls={controls} name='录音' />
        <Button className='btn btn--text btn--inline' onClick={() => onRemove(voice.id)}>
          删除录音
        </Button>
      </View>
    );
  }
  const recording = startedAt !== undefined;
  if (consent === 'declined') return null;
  return (
    <View className='voice-field'>
      <Button
        className={`btn btn--voice ${recording ? 'btn--recording' : ''}`}
        onTouchStart={onTouchStart}
        onTouchEnd={onTouchEnd}
        onTouchCancel={onTouchEnd}
        onClick={onClick}
      >
        {recording ? `正在录音 ${elapsed} 秒，松开结束` : '按住 说话'}
      </Button>
      <Text className='field__hint'>最长 {MAX_SECONDS} 秒，说清楚什么地方、什么事情</Text>
    </View>
  );
}
