import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { PageShell } from '../../../components/page-shell';
import { ErrorState, Loading } from '../../../components/state-views';
import { useRemote } from '../../../hooks/use-remote';
import { getKnowledge } from '../../../services/api';
import { formatDate } from '../../../services/format';

export default function KnowledgeArticlePage() {
  const { params } = useRouter();
  const id = decodeURIComponent(params.id ?? '');
  const remote = useRemote(() => getKnowledge(id), [id]);
  if (remote.status === 'loading') return <PageShell><Loading /></PageShell>;
  if (remote.status === 'error') return <PageShell><ErrorState error={remote.error} onRetry={() => void remote.reload()} /></PageShell>;
  const item = remote.data;
  return (
    <PageShell className='knowledge-page'>
      <View className='card'>
        <Text className='card__title'>{item.question}</Text>
        <Text className='content-text' selectable>
          {item.answer}
        </Text>
        {(item.unitName || item.publishedAt) && (
          <Text className='field__hint'>{[item.unitName && `答复单位：${item.unitName}`, item.publishedAt && `发布于 ${formatDate(item.publishedAt)}`].filter(Boolean).join(' · ')}</Text>
        )}
      </View>
      <Text className='field__hint'>没有解决您的问题？</Text>
      <Button className='btn btn--primary btn--big' onClick={() => Taro.navigateTo({ url: '/pages/submit/index?type=consultation' })}>
        继续咨询工作人员
      </Button>
    </PageShell>
  );
}
