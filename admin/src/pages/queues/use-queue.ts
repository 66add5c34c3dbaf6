import { useCallback, useEffect, useState } from 'react';
import { api, unwrap } from '../../api/client';
import { messageOf } from '../../api/errors';
import type { TicketListQuery, TicketSummary } from '../../api/types';
import { queuesFor } from './queues';

const PAGE = 20;
const COUNT_CAP = 100;

/** Counts per queue: the list API has no count, so one page of up to 100 is read (shown as "100+"). */
export function useQueueCounts(roles: readonly string[]): Record<string, string> {
  const [counts, setCounts] = useState<Record<string, string>>({});
  const key = roles.join(',');
  useEffect(() => {
    let live = true;
    for (const q of queuesFor(key.split(','))) {
      void unwrap(api.GET('/api/admin/v1/tickets', { params: { query: { ...q.query, limit: COUNT_CAP } } }))
        .then((page) => live && setCounts((c) => ({ ...c, [q.key]: page.nextCursor ? `${COUNT_CAP}+` : String(page.items.length) })))
        .catch(() => undefined);
    }
    return () => {
      live = false;
    };
  }, [key]);
  return counts;
}

export interface QueueState {
  items: TicketSummary[];
  loading: boolean;
  error: string | null;
  hasMore: boolean;
  loadMore(): void;
}

/** One queue with the filters applied, page by page (cursor). */
export function useQueue(query: TicketListQuery): QueueState {
  const [items, setItems] = useState<TicketSummary[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const key = JSON.stringify(query);

  const fetchPage = useCallback(
    async (after: string | null, append: boolean) => {
      setLoading(true);
      setError(null);
      try {
        const page = await unwrap(api.GET('/api/admin/v1/tickets', { params: { query: { ...(JSON.parse(key) as TicketListQuery), limit: PAGE, ...(after ? { cursor: after } : {}) } } }));
        setItems((old) => (append ? [...old, ...page.items] : page.items));
        setCursor(page.nextCursor);
      } catch (err) {
        setError(messageOf(err));
      } finally {
        setLoading(false);
      }
    },
    [key],
  );

  useEffect(() => {
    void fetchPage(null, false);
  }, [fetchPage]);

  return { items, loading, error, hasMore: Boolean(cursor), loadMore: () => void fetchPage(cursor, true) };
}
