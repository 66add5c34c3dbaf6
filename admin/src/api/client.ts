import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';
import { ApiError, toApiError } from './errors';
import { readToken, sessionExpired } from '../session/store';

const auth: Middleware = {
  onRequest({ request }) {
    const token = readToken();
    if (token && !request.headers.has('Authorization')) request.headers.set('Authorization', `Bearer ${token}`);
    return request;
  },
  onResponse({ request, response }) {
    if (response.status === 401 && !request.url.endsWith('/auth/login')) sessionExpired();
    return response;
  },
};

/** The one typed client of the admin API (types generated from /api/openapi.json). */
export const api = createClient<paths>({ baseUrl: '' });
api.use(auth);

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The data of an openapi-fetch answer, or an ApiError (network failures too). */
export async function unwrap<T>(pending: Promise<FetchResult<T>>): Promise<T> {
  let res: FetchResult<T>;
  try {
    res = await pending;
  } catch {
    throw new ApiError(0, 'NETWORK', '网络异常，请检查网络后重试');
  }
  if (res.error !== undefined || !res.response.ok) throw toApiError(res.error, res.response);
  return res.data as T;
}

/** A file answer (report export) fetched with the token and handed to the browser as a download. */
export async function download(url: string, fallbackName: string): Promise<void> {
  const token = readToken();
  const response = await fetch(url, { headers: token ? { Authorization: `Bearer ${token}` } : {} }).catch(() => {
    throw new ApiError(0, 'NETWORK', '网络异常，请检查网络后重试');
  });
  if (!response.ok) throw toApiError(await response.json().catch(() => undefined), response);
  const blob = await response.blob();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = fileName(response.headers.get('Content-Disposition')) ?? fallbackName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

/** The file name of a Content-Disposition header (RFC 5987 `filename*` first). */
function fileName(header: string | null): string | undefined {
  if (!header) return undefined;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star) return decodeURIComponent(star[1]);
  return /filename="?([^";]+)"?/i.exec(header)?.[1];
}

/**
 * POST /api/admin/v1/tickets/{no}/{action}: one path per action in the document, all with the
 * same answer, so the action is a runtime value here and the body is checked by the action's
 * shared schema before it is sent.
 */
export async function postAction(no: string, action: string, body: Record<string, unknown>, version: number): Promise<{ ticket: { no: string; version: number } }> {
  const token = readToken();
  const headers: Record<string, string> = { 'Content-Type': 'application/json', 'If-Match': String(version) };
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(`/api/admin/v1/tickets/${encodeURIComponent(no)}/${encodeURIComponent(action)}`, { method: 'POST', headers, body: JSON.stringify(body) }).catch(() => {
    throw new ApiError(0, 'NETWORK', '网络异常，请检查网络后重试');
  });
  const json: unknown = await response.json().catch(() => undefined);
  if (response.status === 401) sessionExpired();
  if (!response.ok) throw toApiError(json, response);
  return json as { ticket: { no: string; version: number } };
}
