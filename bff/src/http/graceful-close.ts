import type http from 'node:http';

/**
 * An HTTP server that can drain: `close(graceMs)` stops accepting connections, lets the
 * requests in flight finish (their responses say `Connection: close`, idle keep-alive
 * connections are closed at once), and after `graceMs` closes whatever is still open.
 */
export interface Drainable {
  /** Resolves when every connection is closed; `forced` counts requests cut off at the deadline. */
  close(graceMs: number): Promise<{ forced: number }>;
}

export function drainable(server: http.Server): Drainable {
  const inFlight = new Set<http.ServerResponse>();
  let closing = false;
  // The response tells the client not to reuse its connection, so it is closed once answered.
  const last = (res: http.ServerResponse) => {
    if (!res.headersSent) res.setHeader('Connection', 'close');
  };
  server.on('request', (_req: http.IncomingMessage, res: http.ServerResponse) => {
    inFlight.add(res);
    if (closing) last(res);
    res.once('close', () => inFlight.delete(res));
  });
  return {
    close(graceMs) {
      closing = true;
      for (const res of inFlight) last(res);
      return new Promise((resolve) => {
        let forced = 0;
        const timer = setTimeout(() => {
          forced = inFlight.size;
          server.closeAllConnections();
        }, graceMs);
        server.close(() => {
          clearTimeout(timer);
          resolve({ forced });
        });
        server.closeIdleConnections();
      });
    },
  };
}
