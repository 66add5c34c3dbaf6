/** Minimal JSON client over fetch for setting up bench and crash runs through the public API. */
export interface ApiResult {
  status: number;
  body: Record<string, unknown>;
}

export async function api(baseUrl: string, method: string, path: string, opts: { token?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<ApiResult> {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      ...(opts.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
      ...opts.headers,
    },
    ...(opts.body === undefined ? {} : { body: JSON.stringify(opts.body) }),
  });
  const text = await res.text();
  let body: Record<string, unknown> = {};
  try {
    body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    body = { text };
  }
  return { status: res.status, body };
}

/** Like `api` but throws unless the status is the expected one. */
export async function must(expected: number, baseUrl: string, method: string, path: string, opts: Parameters<typeof api>[3] = {}): Promise<Record<string, unknown>> {
  const r = await api(baseUrl, method, path, opts);
  if (r.status !== expected) throw new Error(`${method} ${path}: expected ${expected}, got ${r.status} ${JSON.stringify(r.body).slice(0, 500)}`);
  return r.body;
}
