import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import type { TicketType } from '@mashang/shared';
import { PageShell } from '../../components/page-shell';
import { getMe } from '../../services/api';
import { normalizeScene } from '../../services/scene';
import { categoryNames, sceneFor, unitName } from '../../services/scene-store';
import type { SceneView } from '../../services/types';
import { askForNotices } from '../../platform/subscribe';
import { SubmitFormView } from '../../features/submit/submit-form-view';
import { useSubmitForm } from '../../features/submit/use-submit-form';

function SceneBanner({ view }: { view: SceneView }) {
  const unit = unitName(view.suggestedUnit);
  const categories = categoryNames(view);
  return (
    <View className='banner banner--scene'>
      <Text className='banner__title'>{view.name}</Text>
      {view.address && <Text className='banner__line'>{view.address}</Text>}
      {unit && <Text className='banner__line'>负责单位：{unit}</Text>}
      {categories.length > 0 && <Text className='banner__line'>常见问题：{categories.join('、')}</Text>}
    </View>
  );
}

export default function SubmitPage() {
  const { params } = useRouter();
  const scene = normalizeScene(params.scene);
  const initialType = params.type as TicketType | undefined;
  const api = useSubmitForm({ scene, type: initialType });
  const [sceneView, setSceneView] = useState<SceneView>();

  useEffect(() => {
    if (!scene) return;
    sceneFor(scene)
      .then((view) => {
        setSceneView(view);
        if (!api.form.address && !api.form.point) api.update({ address: view.address, point: { ...view.location, name: view.name } });
      })
      .catch(() => api.update({ scene: undefined }));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scene]);

  // The citizen's saved name and phone fill empty contact fields (never overwrite what was typed).
  useEffect(() => {
    getMe()
      .then((me) => (me.name || me.phone) && api.prefillContact(me.name ?? '', me.phone ?? ''))
      .catch(() => undefined);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const onSubmit = async () => {
    // WeChat allows the subscribe prompt only straight from a tap, so it comes before the request.
    await askForNotices();
    const ticket = await api.submit();
    if (ticket) Taro.redirectTo({ url: `/pages/success/index?no=${encodeURIComponent(ticket.no)}&type=${ticket.type}` });
  };

  return (
    <PageShell className='submit-page'>
      {sceneView && <SceneBanner view={sceneView} />}
      {api.restored && (
        <View className='banner banner--draft'>
          <Text className='banner__line'>已为您恢复上次没提交完的内容</Text>
          <Button className='btn btn--text btn--inline' onClick={api.discardDraft}>
            清空重填
          </Button>
        </View>
      )}
      <SubmitFormView api={api} />
      {api.errors.form && (
        <View className='form-error' role='alert'>
          <Text>{api.errors.form}</Text>
        </View>
      )}
      {/* `disabled` is never `false`: Taro's h5 Button keeps disabled="false" as an attribute and its
          own [disabled] rule fades enabled text to pink on red (same in the rating and supplement forms). */}
      <Button className={`btn btn--primary btn--huge ${api.submitting ? 'btn--busy' : ''}`} loading={api.submitting} disabled={api.submitting || undefined} onClick={() => void onSubmit()}>
        {api.submitting ? '正在提交…' : api.form.idempotencyKey ? '重新提交' : '提交'}
      </Button>
    </PageShell>
  );
}
