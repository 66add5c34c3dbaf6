import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { PageShell } from '../../components/page-shell';
import { ErrorState, Loading } from '../../components/state-views';
import { useRemote } from '../../hooks/use-remote';
import { ApiError } from '../../services/errors';
import { normalizeScene } from '../../services/scene';
import { categoryNames, sceneFor, unitName } from '../../services/scene-store';

const toSubmit = (scene?: string) => Taro.redirectTo({ url: scene ? `/pages/submit/index?scene=${encodeURIComponent(scene)}` : '/pages/submit/index' });

/** A code that is unknown or retired must never stop the citizen: say so, and offer the plain form. */
function UnknownScene() {
  return (
    <View className='state state--empty'>
      <Text className='state__title'>这个码牌已失效或不存在</Text>
      <Text className='state__text'>没关系，您可以直接反映问题，写清楚地点就行。</Text>
      <Button className='btn btn--primary btn--big' onClick={() => toSubmit()}>
        直接反映
      </Button>
    </View>
  );
}

export default function ScanPage() {
  const { params } = useRouter();
  const scene = normalizeScene(params.scene);
  const remote = useRemote(() => (scene ? sceneFor(scene) : Promise.reject(new ApiError(404, 'SCENE_NOT_FOUND', ''))), [scene]);

  if (remote.status === 'loading') return <PageShell><Loading text='正在读取码牌信息…' /></PageShell>;
  if (remote.status === 'error') {
    const gone = remote.error instanceof ApiError && (remote.error.status === 404 || remote.error.status === 410 || remote.error.status === 400);
    return <PageShell>{gone ? <UnknownScene /> : <ErrorState error={remote.error} onRetry={() => void remote.reload()} />}</PageShell>;
  }
  const view = remote.data;
  const unit = unitName(view.suggestedUnit);
  const categories = categoryNames(view);
  return (
    <PageShell className='scan-page'>
      <View className='card'>
        <Text className='card__title'>{view.name}</Text>
        {view.address && <Text className='card__line'>地址：{view.address}</Text>}
        {unit && <Text className='card__line'>负责单位：{unit}</Text>}
        {categories.length > 0 && <Text className='card__line'>常见问题：{categories.join('、')}</Text>}
      </View>
      <Text className='field__hint'>地点和负责单位已帮您填好，您只要说说是什么事。</Text>
      <Button className='btn btn--primary btn--hero' onClick={() => toSubmit(view.scene ?? scene)}>
        开始反映
      </Button>
    </PageShell>
  );
}
