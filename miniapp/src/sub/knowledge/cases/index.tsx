import { useReachBottom } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { TYPE_LABELS } from '@mashang/shared';
import { useEffect, useState } from 'react';
import { PageShell } from '../../../components/page-shell';
import { Empty, ErrorState, Loading } from '../../../components/state-views';
import { useRemote } from '../../../hooks/use-remote';
import { listPublicCases } from '../../../services/api';
import { formatDate } from '../../../services/format';
import { unitName } from '../../../services/scene-store';
import type { PublicCase } from '../../../services/types';

/** Representative cases published with personal data removed (004 §15). */
export default function PublicCasesPage() {
  const first = useRemote(() => listPublicCases(), []);
  const [more, setMore] = useState<PublicCase[]>([]);
  const [cursor, setCursor] = useState<string | null>();
  useEffect(() => {
    if (first.status === 'ready') {
      setMore([]);
      setCursor(first.data.nextCursor ?? null);
    }
  }, [first.status, first.data]);
  useReachBottom(() => {
    if (!cursor) return;
    const at = cursor;
    setCursor(null);
    listPublicCases(at)
      .then((page) => {
        setMore((m) => [...m, ...page.items]);
        setCursor(page.nextCursor ?? null);
      })
      .catch(() => setCursor(at));
  });

  if (first.status === 'loading') return <PageShell><Loading /></PageShell>;
  if (first.status === 'error') return <PageShell><ErrorState error={first.error} onRetry={() => void first.reload()} /></PageShell>;
  const items = [...first.data.items, ...more];
  if (items.length === 0) return <PageShell><Empty text='暂时还没有公开的案例' /></PageShell>;
  return (
    <PageShell className='knowledge-page'>
      {items.map((c) => (
        <View key={c.id} className='card'>
          <Text className='card__title'>{c.title ?? (c.type ? TYPE_LABELS[c.type] : '案例')}</Text>
          {c.content && <Text className='content-text'>{c.content}</Text>}
          {c.result && <Text className='result__text'>办理结果：{c.result}</Text>}
          <Text className='field__hint'>{[unitName(c.unit), formatDate(c.closedAt ?? c.publishedAt)].filter(Boolean).join(' · ')}</Text>
        </View>
      ))}
    </PageShell>
  );
}
