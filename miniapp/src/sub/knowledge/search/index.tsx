import Taro, { useRouter } from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import { TEXT_LIMITS } from '@mashang/shared';
import { useState } from 'react';
import { FOCUSABLE } from '../../../components/focusable';
import { PageShell } from '../../../components/page-shell';
import { Empty, ErrorState, Loading } from '../../../components/state-views';
import { useRemote } from '../../../hooks/use-remote';
import { searchKnowledge } from '../../../services/api';

export default function KnowledgeSearchPage() {
  const { params } = useRouter();
  const [text, setText] = useState(params.q ? decodeURIComponent(params.q) : '');
  const [query, setQuery] = useState(text);
  const remote = useRemote(() => (query.trim() ? searchKnowledge(query.trim()) : Promise.resolve({ items: [] })), [query]);
  const search = () => setQuery(text);

  return (
    <PageShell className='knowledge-page'>
      <View className='search-bar'>
        <Input className='input search-bar__input' value={text} maxlength={TEXT_LIMITS.query} confirmType='search' placeholder='例如：社保卡补办' onInput={(e) => setText(e.detail.value)} onConfirm={search} ariaLabel='搜索问题' />
        <Button className='btn btn--primary btn--inline' onClick={search}>
          搜索
        </Button>
      </View>
      {remote.status === 'loading' && <Loading text='正在查找…' />}
      {remote.status === 'error' && <ErrorState error={remote.error} onRetry={() => void remote.reload()} />}
      {remote.status === 'ready' && !query.trim() && <Empty text='输入您想问的事情，例如「低保怎么申请」' />}
      {remote.status === 'ready' && query.trim() && remote.data.items.length === 0 && (
        <Empty text='没有找到相关答复'>
          <Button className='btn btn--primary btn--big' onClick={() => Taro.navigateTo({ url: '/pages/submit/index?type=consultation' })}>
            直接咨询工作人员
          </Button>
        </Empty>
      )}
      {remote.status === 'ready' &&
        remote.data.items.map((item) => (
          <View key={item.id} className='knowledge-item' role='button' {...FOCUSABLE} onClick={() => Taro.navigateTo({ url: `/sub/knowledge/article/index?id=${encodeURIComponent(item.id)}` })}>
            <Text className='knowledge-item__q'>{item.question}</Text>
            {item.snippet && <Text className='knowledge-item__a'>{item.snippet}</Text>}
          </View>
        ))}
    </PageShell>
  );
}
