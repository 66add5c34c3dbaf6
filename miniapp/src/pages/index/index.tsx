import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { FOCUSABLE } from '../../components/focusable';
import { PageShell } from '../../components/page-shell';
import { SwitchRow } from '../../components/switch-row';
import { useLargeText } from '../../hooks/use-large-text';
import { listTickets } from '../../services/api';
import { normalizeScene } from '../../services/scene';
import { CAN_SCAN, scanScene } from '../../platform/scan';

const go = (url: string) => Taro.navigateTo({ url });

/** How many of my requests wait for my rating; a failure just hides the badge. */
function useWaitingForRating(): string | undefined {
  const [count, setCount] = useState<string>();
  useDidShow(() => {
    listTickets('visiting', undefined)
      .then((page) => setCount(page.items.length ? `${page.items.length}${page.nextCursor ? '+' : ''}` : undefined))
      .catch(() => setCount(undefined));
  });
  return count;
}

function ScanEntry() {
  const [code, setCode] = useState('');
  const openScene = (scene: string | undefined) => {
    if (scene) go(`/pages/scan/index?scene=${encodeURIComponent(scene)}`);
    else Taro.showToast({ title: '没有识别到码上反映的码牌', icon: 'none' });
  };
  if (CAN_SCAN) {
    return (
      <Button className='btn btn--secondary btn--big' onClick={() => void scanScene().then(openScene)}>
        扫码反映
      </Button>
    );
  }
  return (
    <View className='scan-entry'>
      <Text className='field__hint'>看到街边、小区的「码上反映」码牌？输入码牌下方的编号：</Text>
      <View className='scan-entry__row'>
        <Input className='input scan-entry__input' value={code} placeholder='码牌编号' onInput={(e) => setCode(e.detail.value)} ariaLabel='码牌编号' />
        <Button className='btn btn--secondary btn--inline' onClick={() => openScene(normalizeScene(code))}>
          打开
        </Button>
      </View>
    </View>
  );
}

export default function HomePage() {
  const { params } = useRouter();
  const [large, setLarge] = useLargeText();
  const waiting = useWaitingForRating();

  // A browser link with ?scene= (the printed code in h5 form) lands here: go straight to the code point.
  useEffect(() => {
    const scene = normalizeScene(params.scene);
    if (scene) Taro.redirectTo({ url: `/pages/scan/index?scene=${encodeURIComponent(scene)}` });
  }, [params.scene]);

  return (
    <PageShell className='home-page'>
      <View className='hero'>
        <Text className='hero__title'>码上反映·马上办理</Text>
        <Text className='hero__subtitle'>身边的难事、烦心事，随手反映，政府部门限时办理</Text>
      </View>
      <Button className='btn btn--primary btn--hero' onClick={() => go('/pages/submit/index')}>
        我要反映
      </Button>
      <ScanEntry />
      <View className='menu'>
        <View className='menu__item' onClick={() => go('/pages/mine/index')} role='button' {...FOCUSABLE}>
          <Text className='menu__label'>我的诉求</Text>
          {waiting && <Text className='badge'>{waiting} 件待评价</Text>}
        </View>
        <View className='menu__item' onClick={() => go('/sub/knowledge/search/index')} role='button' {...FOCUSABLE}>
          <Text className='menu__label'>政策问答</Text>
          <Text className='menu__hint'>常见问题，马上查到答案</Text>
        </View>
        <View className='menu__item' onClick={() => go('/sub/knowledge/cases/index')} role='button' {...FOCUSABLE}>
          <Text className='menu__label'>办理案例</Text>
          <Text className='menu__hint'>看看别人反映的事是怎么办好的</Text>
        </View>
      </View>
      <SwitchRow title='大字模式' hint='字更大、按钮更大，看得更清楚' checked={large} onChange={setLarge} />
      <View className='footer-links'>
        <Button className='btn btn--text btn--inline' onClick={() => go('/sub/privacy/index')}>
          隐私保护指引
        </Button>
      </View>
    </PageShell>
  );
}
