import { useCallback, useEffect, useState } from 'react';
import { messageOf } from '../api/errors';

/**
 * A list the API pages with `nextCursor`: the first page loads whenever `fetchPage` changes (keep
 * it in useCallback with its filters), `load(cursor)` appends the next one, `load(null)` reloads.
 * `onPage` sees every page (e.g. the inbox's unread count).
 */
export function useCursorList<T, P extends { items: T[]; nextCursor: string | null }>(fetchPage: (cursor: string | null) => Promise<P>, onPage?: (page: P) => void) {
  const [items, setItems] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(
    async (after: string | null) => {
      setLoading(true);
      setError(null);
      try {
        const page = await fetchPage(after);
        setItems((old) => (after ? [...old, ...page.items] : page.items));
        setCursor(page.nextCursor);
        onPage?.(page);
      } catch (err) {
        setError(messageOf(err));
      } finally {
        setLoading(false);
      }
    },
    // onPage is a notification, not a reason to reload.
    [fetchPage],
  );
  useEffect(() => {
    void load(null);
  }, [load]);

  return { items, cursor, loading, error, setError, load };
}
