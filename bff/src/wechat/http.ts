import { setTimeout as delay } from 'node:timers/promises';
import { BUSY, fromErrcode, wechatUnavailable } from './errors';

export interface WechatHttpOptions {
  baseUrl: string;
  timeoutMs: number;
  /** Pauses before each retry of a "system busy" (-1) answer; its length is the number of retries. */
  retryDelaysMs: readonly number[];
}

export type JsonBody = Record<string, unknown>;
export type WechatReply = { kind: 'json'; body: JsonBody } | { kind: 'binary'; body: Buffer; contentType: string };

export interface WechatRequest {
  method: 'GET' | 'POST';
  path: string;
  query?: Record<string, string>;
  json?: unknown;
}

async function once(opts: WechatHttpOptions, req: WechatRequest): Promise<WechatReply> {
  const url = new URL(req.path, opts.baseUrl);
  for (const [k, v] of Object.entries(req.query ?? {})) url.searchParams.set(k, v);
  let res: Response;
  try {
    res = await fetch(url, {
      method: req.method,
      headers: req.json === undefined ? {} : { 'Content-Type': 'application/json' },
      body: req.json === undefined ? undefined : JSON.stringify(req.json),
      signal: AbortSignal.timeout(opts.timeoutMs),
    });
  } catch {
    throw wechatUnavailable('无法连接');
  }
  if (!res.ok) throw wechatUnavailable(`HTTP ${res.status}`);
  const contentType = res.headers.get('content-type') ?? '';
  const body = Buffer.from(await res.arrayBuffer());
  // Image endpoints answer raw bytes on success and a JSON error otherwise.
  if (contentType.startsWith('image/')) return { kind: 'binary', body, contentType: contentType.split(';')[0] };
  try {
    const parsed: unknown = JSON.parse(body.toString('utf8'));
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return { kind: 'json', body: parsed as JsonBody };
  } catch {
    // fall through: not JSON
  }
  throw wechatUnavailable('应答格式错误');
}

const errcodeOf = (reply: WechatReply): number => (reply.kind === 'json' && typeof reply.body.errcode === 'number' ? reply.body.errcode : 0);

/** One API call; a "system busy" answer is retried after each configured pause. */
export async function callWechat(opts: WechatHttpOptions, req: WechatRequest): Promise<WechatReply> {
  for (let attempt = 0; ; attempt++) {
    const reply = await once(opts, req);
    if (errcodeOf(reply) !== BUSY || attempt >= opts.retryDelaysMs.length) return reply;
    await delay(opts.retryDelaysMs[attempt]);
  }
}

/** The JSON body of a successful reply; a non-zero errcode (or an unexpected image) becomes a WechatError. */
export function expectJson(reply: WechatReply): JsonBody {
  if (reply.kind !== 'json') throw wechatUnavailable('应答格式错误');
  const errcode = errcodeOf(reply);
  if (errcode !== 0) throw fromErrcode(errcode, String(reply.body.errmsg ?? ''));
  return reply.body;
}
