import { useEffect, useState } from 'react';
import { api, unwrap } from '../api/client';

const POLL_MS = 60_000;
const CHANGED = 'mashang:notices-changed';

/** Tells the header badge the inbox changed (a notice read), with the count the API answered. */
export function noticesChanged(unreadCount: number): void {
  window.dispatchEvent(new CustomEvent<number>(CHANGED, { detail: unreadCount }));
}

/** Unread notices of the signed-in member: read on mount, every minute, and when the inbox says so. */
export function useUnreadCount(): number | null {
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => {
    let live = true;
    const poll = () =>
      void unwrap(api.GET('/api/admin/v1/notices', { params: { query: { unread: true, limit: 1 } } }))
        .then((page) => live && setCount(page.unreadCount))
        .catch(() => undefined);
    const onChanged = (e: Event) => setCount((e as CustomEvent<number>).detail);
    poll();
    const timer = window.setInterval(poll, POLL_MS);
    window.addEventListener(CHANGED, onChanged);
    return () => {
      live = false;
      window.clearInterval(timer);
      window.removeEventListener(CHANGED, onChanged);
    };
  }, []);
  return count;
}
