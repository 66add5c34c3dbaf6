import { useCallback, useEffect, useState } from 'react';
import { api, unwrap } from '../../api/client';
import { messageOf } from '../../api/errors';
import type { CountsQuery, QueueCounts, TicketListQuery, TicketSummary } from '../../api/types';

const PAGE = 20;

/** The count of every queue under the page's filters (GET /api/admin/v1/tickets/counts); null until known. */
export function useQueueCounts(filters: CountsQuery): QueueCounts | null {
  const [counts, setCounts] = useState<QueueCounts | null>(null);
  const key = JSON.stringify(filters);
  useEffect(() => {
    let live = true;
    unwrap(api.GET('/api/admin/v1/tickets/counts', { params: { query: JSON.parse(key) as CountsQuery } }))
      .then((c) => live && setCounts(c))
      .catch(() => live && setCounts(null));
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
