/**
 * A client that behaves like the mini-program's submit: one idempotency key per submission,
 * and on a network error, a timeout or a 5xx it sends the same request again (same key) until
 * it gets an answer, against whatever server now listens on the address.
 */
export interface Ack {
  key: string;
  /** Ticket number the server acknowledged. */
  no: string;
  attempts: number;
}

export interface RetryOptions {
  /** Give up (throw) after this long: the server never came back. */
  deadlineMs: number;
  /** Per-attempt timeout. */
  attemptTimeoutMs: number;
  /** Pause between attempts, so a restarting server is polled rather than hammered. */
  pauseMs: number;
  /** Told every answer's status (or `error`: no answer, connection refused/reset, timeout) as it arrives, with `Date.now()`. */
  onStatus?: (status: number | 'error', at: number) => void;
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** POSTs `body` until a 2xx; a 4xx other than 429 is a test failure and throws. */
export async function postUntilAcknowledged(url: string, token: string, body: unknown, o: RetryOptions): Promise<{ status: number; json: Record<string, unknown>; attempts: number }> {
  const started = Date.now();
  for (let attempts = 1; ; attempts++) {
    if (Date.now() - started > o.deadlineMs) throw new Error(`no answer from ${url} within ${o.deadlineMs} ms`);
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(o.attemptTimeoutMs),
      });
      o.onStatus?.(res.status, Date.now());
      const json = (await res.json()) as Record<string, unknown>;
      if (res.status < 300) return { status: res.status, json, attempts };
      if (res.status < 500 && res.status !== 429) throw new Error(`POST ${url} → ${res.status} ${JSON.stringify(json)}`);
    } catch (err) {
      if (err instanceof Error && err.message.startsWith('POST ')) throw err;
      o.onStatus?.('error', Date.now());
      // Connection refused/reset or timeout: the server is down or restarting; try again.
    }
    await pause(o.pauseMs);
  }
}
