import { useCallback, useEffect, useRef, useState } from 'react';

export type RemoteState<T> =
  | { status: 'loading'; data?: T; error?: undefined }
  | { status: 'ready'; data: T; error?: undefined }
  | { status: 'error'; data?: T; error: unknown };

/**
 * Loads one thing from the BFF: the page shows loading, the data, or the error with a retry.
 * A reload keeps the previous data on screen while it runs (pull to refresh).
 */
export function useRemote<T>(load: () => Promise<T>, deps: readonly unknown[]): RemoteState<T> & { reload: () => Promise<void> } {
  const [state, setState] = useState<RemoteState<T>>({ status: 'loading' });
  const seq = useRef(0);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const run = useCallback(load, deps);
  const reload = useCallback(async () => {
    const mine = ++seq.current;
    setState((s) => ({ status: 'loading', data: s.data }));
    try {
      const data = await run();
      if (mine === seq.current) setState({ status: 'ready', data });
    } catch (error) {
      if (mine === seq.current) setState((s) => ({ status: 'error', data: s.data, error }));
    }
  }, [run]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { ...state, reload };
}
