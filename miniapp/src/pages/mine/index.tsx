import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { STATUS_LABELS, type TicketStatus } from '@mashang/shared';
import { useState } from 'react';
import { PageShell } from '../../components/page-shell';
import { Empty, ErrorState, Loading } from '../../components/state-views';
import { TicketCard } from '../../components/ticket-card';
import { useTicketList } from '../../features/ticket/use-ticket-list';
import { logoutCitizen } from '../../services/request';
import { messageOf } from '../../services/errors';

/** The filters a citizen needs: all, the ones waiting for me, the finished ones. */
const FILTERS: Array<TicketStatus | undefined> = [undefined, 'supplementing', 'visiting', 'closed'];

/** Ends this device's session on the server (after a confirmation) and goes back to the home page. */
async function confirmLogout(): Promise<void> {
  const { confirm } = await Taro.showModal({ title: '确定退出登录吗？', content: '退出后，这台手机上的登录就失效了。', confirmText: '退出登录', cancelText: '再想想' });
  if (!confirm) return;
  try {
    await logoutCitizen();
    Taro.showToast({ title: '已退出登录', icon: 'none' });
    void Taro.reLaunch({ url: '/pages/index/index' });
  } catch (e) {
    Taro.showModal({ title: '没有成功', content: messageOf(e), showCancel: false });
  }
}

export default function MinePage() {
  const [filter, setFilter] = useState<TicketStatus | undefined>();
  const list = useTicketList(filter);

  usePullDownRefresh(() => {
    void list.refresh().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => void list.loadMore());

  return (
    <PageShell className='mine-page'>
      <View className='filters' role='tablist'>
        {FILTERS.map((f) => (
          <View key={f ?? 'all'} role='tab' aria-selected={f === filter} className={`filter ${f === filter ? 'filter--on' : ''}`} onClick={() => setFilter(f)}>
            <Text>{f ? STATUS_LABELS[f] : '全部'}</Text>
          </View>
        ))}
      </View>
      {list.status === 'loading' && <Loading />}
      {list.status === 'error' && <ErrorState error={list.error} onRetry={() => void list.refresh()} />}
      {list.status === 'ready' && list.items.length === 0 && (
        <Empty text={filter ? `没有「${STATUS_LABELS[filter]}」的诉求` : '您还没有反映过问题'}>
          <Button className='btn btn--primary btn--big' onClick={() => Taro.navigateTo({ url: '/pages/submit/index' })}>
            我要反映
          </Button>
        </Empty>
      )}
      {list.items.map((t) => (
        <TicketCard key={t.no} ticket={t} />
      ))}
      {list.status === 'ready' && list.items.length > 0 && (
        <Text className='list-end'>{list.loadingMore ? '正在加载更多…' : list.hasMore ? '上拉加载更多' : '没有更多了'}</Text>
      )}
      <Button className='btn btn--text' onClick={() => void confirmLogout()}>
        退出登录
      </Button>
    </PageShell>
  );
}
