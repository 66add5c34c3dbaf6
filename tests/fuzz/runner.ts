/**
 * Sends fuzz cases to a listening server with a per-request deadline and judges each answer:
 * never ≥ 500, every 4xx in the `{error:{code,message}}` shape, never a hang.
 */
import type http from 'node:http';
import supertest from 'supertest';
import type { RequestCase } from './request-case';

export const REQUEST_DEADLINE_MS = 15_000;

export interface Failure {
  op: string;
  kind: '5xx' | 'error-shape' | 'hang' | 'transport';
  status?: number;
  request: RequestCase;
  response?: string;
}

export interface Outcome {
  status: number;
  body: unknown;
}

const clip = (s: string, n = 400): string => (s.length > n ? `${s.slice(0, n)}…(${s.length} chars)` : s);

function hasErrorShape(body: unknown): boolean {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  return !!error && typeof error.code === 'string' && /^[A-Z][A-Z0-9_]*$/.test(error.code) && typeof error.message === 'string' && error.message.length > 0;
}

/** Sends one case; a transport error or deadline becomes an outcome with status 0. */
export async function send(server: http.Server, c: RequestCase): Promise<Outcome & { error?: string; timedOut?: boolean }> {
  let req = supertest(server)[c.method](c.url).timeout({ deadline: REQUEST_DEADLINE_MS });
  for (const [k, v] of Object.entries(c.headers)) req = req.set(k, v);
  // Serialized here so primitives, null and lone surrogates go out exactly as JSON.stringify writes them.
  if (c.body && 'json' in c.body) req = req.type('json').send(JSON.stringify(c.body.json) ?? 'null');
  else if (c.body) req = req.send(c.body.raw);
  try {
    const res = await req;
    return { status: res.status, body: res.body && Object.keys(res.body).length ? res.body : res.text };
  } catch (err) {
    const e = err as { timeout?: number; code?: string; message?: string };
    return { status: 0, body: undefined, timedOut: Boolean(e.timeout) || e.code === 'ECONNABORTED', error: e.message };
  }
}

/** The verdict on one answer, or undefined when it is acceptable. */
export function judge(op: string, c: RequestCase, o: Awaited<ReturnType<typeof send>>): Failure | undefined {
  const response = o.body === undefined ? o.error : clip(typeof o.body === 'string' ? o.body : JSON.stringify(o.body));
  const request = { ...c, body: c.body && 'raw' in c.body ? { raw: clip(c.body.raw, 200) } : c.body };
  if (o.status === 0) return { op, kind: o.timedOut ? 'hang' : 'transport', request, response };
  if (o.status >= 500) return { op, kind: '5xx', status: o.status, request, response };
  // Node's HTTP parser answers 431 (no body) to a request line over 16 KB before Koa runs.
  if (o.status === 431) return undefined;
  if (o.status >= 400 && !hasErrorShape(o.body)) return { op, kind: 'error-shape', status: o.status, request, response };
  return undefined;
}

/** Runs `tasks` with at most `concurrency` in flight. */
export async function pool<T>(items: T[], concurrency: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await run(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

/** Compact JSON of a failure for the report: enough to replay it with curl or supertest. */
export function describeFailure(f: Failure): string {
  const body = f.request.body === undefined ? '' : ` body=${clip(JSON.stringify(f.request.body), 300)}`;
  return `[${f.kind}${f.status ? ` ${f.status}` : ''}] ${f.op} as ${f.request.as}: ${f.request.method.toUpperCase()} ${clip(f.request.url, 300)} headers=${JSON.stringify({ ...f.request.headers, Authorization: f.request.headers.Authorization ? '<token>' : undefined })}${body} → ${f.response ?? ''}`;
}
