import { useCallback, useEffect, useRef, useState } from 'react';
import type { TicketStatus } from '@mashang/shared';
import { listTickets } from '../../services/api';
import type { TicketView } from '../../services/types';

export interface TicketList {
  items: TicketView[];
  status: 'loading' | 'ready' | 'error';
  error?: unknown;
  /** true while a further page is loading (the first page shows the loading state instead). */
  loadingMore: boolean;
  hasMore: boolean;
  refresh: () => Promise<void>;
  loadMore: () => Promise<void>;
}

/** My requests, newest first, a page at a time by cursor; a refresh starts again from the top. */
export function useTicketList(filter: TicketStatus | undefined): TicketList {
  const [items, setItems] = useState<TicketView[]>([]);
  const [status, setStatus] = useState<TicketList['status']>('loading');
  const [error, setError] = useState<unknown>();
  const [cursor, setCursor] = useState<string | null>();
  const [loadingMore, setLoadingMore] = useState(false);
  const generation = useRef(0);

  const refresh = useCallback(async () => {
    const mine = ++generation.current;
    setStatus((s) => (s === 'ready' ? s : 'loading'));
    try {
      const page = await listTickets(filter, undefined);
      if (mine !== generation.current) return;
      setItems(page.items);
      setCursor(page.nextCursor ?? null);
      setStatus('ready');
    } catch (e) {
      if (mine !== generation.current) return;
      setError(e);
      setStatus('error');
    }
  }, [filter]);

  const loadMore = useCallback(async () => {
    if (!cursor || loadingMore || status !== 'ready') return;
    const mine = generation.current;
    setLoadingMore(true);
    try {
      const page = await listTickets(filter, cursor);
      if (mine !== generation.current) return;
      setItems((old) => [...old, ...page.items.filter((t) => !old.some((o) => o.no === t.no))]);
      setCursor(page.nextCursor ?? null);
    } catch {
      // The list stays as it is; scrolling to the bottom again retries.
    } finally {
      setLoadingMore(false);
    }
  }, [cursor, filter, loadingMore, status]);

  useEffect(() => {
    setItems([]);
    setStatus('loading');
    void refresh();
  }, [refresh]);

  return { items, status, error, loadingMore, hasMore: Boolean(cursor), refresh, loadMore };
}
