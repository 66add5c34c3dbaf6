import Taro from '@tarojs/taro';
import { Button } from '@tarojs/components';
import { useEffect, useRef, useState } from 'react';

/** Play / stop one recording with Taro's InnerAudioContext (WeChat and browser alike). */
export function VoicePlayer({ src, duration, label = '播放录音' }: { src: string; duration?: number; label?: string }) {
  const [playing, setPlaying] = useState(false);
  const ctx = useRef<Taro.InnerAudioContext>();
  useEffect(() => {
    const audio = Taro.createInnerAudioContext();
    audio.src = src;
    audio.onEnded(() => setPlaying(false));
    audio.onStop(() => setPlaying(false));
    audio.onError(() => setPlaying(false));
    ctx.current = audio;
    return () => audio.destroy();
  }, [src]);
  const toggle = () => {
    if (!ctx.current) return;
    if (playing) ctx.current.stop();
    else ctx.current.play();
    setPlaying(!playing);
  };
  return (
    <Button className='btn btn--secondary btn--inline' onClick={toggle}>
      {playing ? '停止播放' : `${label}${duration ? `（${Math.round(duration)} 秒）` : ''}`}
    </Button>
  );
}
